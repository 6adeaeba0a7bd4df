package io.github.cloudify4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place these programs read the library's message text. Whatever the library gives as a typed value is
 * read from it ({@code RestoreReport.snapshotLeftOnManager()}, {@code leftoverExecutionsKilled()},
 * {@code Verification.notCounted()}, the steps' statuses, {@code maintenanceState()}); what follows it gives as text
 * only, so a change of the library's wording shows here (and in the examples' tests) and nowhere else:
 *
 * <ul>
 *   <li>progress: an outage is the message {@code "manager unreachable for N s (cause)"}
 *       ({@link #isUnreachable}, {@link #unreachableCause});</li>
 *   <li>a failure ends with the sentence {@code " Manager left with …; …."} ({@link #splitState});</li>
 *   <li>a wait's timeout may carry {@code "last seen: " + ManagerStatus.toString()} (summarized, cut);</li>
 *   <li>advice worded for the Java API is given as the option that does the same ({@link #forCommandLine}):
 *       {@code onExistingSnapshot(REUSE)} … {@code or REPLACE} → {@code --existing-snapshot=reuse|replace},
 *       {@code RestoreTimeouts.health} → {@code --health-wait}, {@code Snapshots.delete("X")} →
 *       {@code SnapshotAdminExample delete X}. Advice with no option in these programs ({@code force(true)},
 *       {@code postRestoreCredentials(...)}, {@code client.executions().kill(id)}) is left as the library says
 *       it.</li>
 * </ul>
 */
final class LibraryText {
  private static final String UNREACHABLE = "manager unreachable";
  private static final String STATE = " Manager left with ";
  private static final String MANAGER_STATUS = "ManagerStatus{";
  private static final int LAST_SEEN_MAX = 160;
  private static final Pattern STATUS = Pattern.compile("^status=([^,}]*)");
  private static final Pattern SERVICE = Pattern.compile("([^=,{}]+)=ServiceStatus\\{status=([^,}]*)");
  private static final Pattern POLICY =
      Pattern.compile("onExistingSnapshot\\((?:ExistingSnapshotPolicy\\.)?(FAIL|REUSE|REPLACE)\\)");
  private static final Pattern CHOOSE_POLICY = Pattern.compile("Choose (--existing-snapshot=\\w+)");
  /** "… --existing-snapshot=reuse (no second upload) or REPLACE …": the bare policy after a translated one. */
  private static final Pattern OR_POLICY =
      Pattern.compile("(--existing-snapshot=\\w+[^.;]*?\\bor )(?:ExistingSnapshotPolicy\\.)?(FAIL|REUSE|REPLACE)\\b");
  private static final Pattern DELETE = Pattern.compile("Snapshots\\.delete\\(\"([^\"]*)\"\\)");
  private static final String HEALTH_LIMIT = "RestoreTimeouts.health";

  private LibraryText() {}

  /** Whether a restore progress message says the manager does not answer (it restarts its services). */
  static boolean isUnreachable(String progressMessage) {
    return progressMessage.startsWith(UNREACHABLE);
  }

  /**
   * The innermost cause of "manager unreachable for 2 s (No answer from …: Failed to connect to /10.0.0.5:80
   * (Connection refused))": "Connection refused"; null when the message gives none.
   */
  static String unreachableCause(String message) {
    int open = message.indexOf(" (");
    if (open < 0) {
      return null;
    }
    int close = matching(message, open + 1);
    return innermostCause(message.substring(open + 2, close < 0 ? message.length() : close));
  }

  /** The failure's reason, and the manager's state ("Manager left with …") when it can be told apart, or null. */
  static String[] splitState(String failure) {
    int at = failure.indexOf(STATE);
    if (at < 0) {
      return new String[] {failure, null};
    }
    return new String[] {failure.substring(0, at), failure.substring(at + 1)};
  }

  /**
   * A library text as these programs print it: on one line, a {@code ManagerStatus{…}} dump as "status Fail (1 of
   * 8 services inactive: A)", a long "last seen: …" cut, and Java API advice as the option that does the same.
   */
  static String forCommandLine(String text) {
    if (text == null) {
      return "";
    }
    String s = summarizeManagerStatus(text.replaceAll("\\s*\\R\\s*", " "));
    int lastSeen = s.indexOf("last seen: ");
    if (lastSeen >= 0 && s.length() - lastSeen > LAST_SEEN_MAX) {
      s = s.substring(0, lastSeen + LAST_SEEN_MAX) + "…";
    }
    s = replaceAll(POLICY, s, g -> "--" + RestoreCli.EXISTING + "=" + g.group(1).toLowerCase(Locale.ROOT));
    s = replaceAll(CHOOSE_POLICY, s, g -> "Run again with " + g.group(1));
    s = replaceAll(OR_POLICY, s, g -> g.group(1) + "--" + RestoreCli.EXISTING + "="
        + g.group(2).toLowerCase(Locale.ROOT));
    s = replaceAll(DELETE, s, g -> "SnapshotAdminExample delete " + g.group(1));
    return s.replace(HEALTH_LIMIT, "--" + RestoreCli.HEALTH_WAIT);
  }

  /** Replaces each {@code ManagerStatus{status=…, services={…}}} (braces nest) with its summary. */
  private static String summarizeManagerStatus(String s) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int at = s.indexOf(MANAGER_STATUS); at >= 0; at = s.indexOf(MANAGER_STATUS, from)) {
      int open = at + MANAGER_STATUS.length() - 1;
      int depth = 0;
      int close = -1;
      for (int i = open; i < s.length() && close < 0; i++) {
        char c = s.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          close = i;
        }
      }
      if (close < 0) {
        break; // cut off: leave the rest as it is
      }
      String inside = s.substring(open + 1, close);
      Matcher status = STATUS.matcher(inside);
      out.append(s, from, at).append(managerStatus(status.find() ? status.group(1) : "?", inside));
      from = close + 1;
    }
    return out.append(s.substring(from)).toString();
  }

  private static String managerStatus(String status, String services) {
    List<String> inactive = new ArrayList<>();
    int all = 0;
    Matcher m = SERVICE.matcher(services);
    while (m.find()) {
      all++;
      if (!"Active".equalsIgnoreCase(m.group(2).trim())) {
        inactive.add(m.group(1).trim());
      }
    }
    if (inactive.isEmpty()) {
      return "status " + status;
    }
    String names = inactive.size() <= 4 ? String.join(", ", inactive)
        : String.join(", ", inactive.subList(0, 4)) + " and " + (inactive.size() - 4) + " more";
    return "status " + status + " (" + inactive.size() + " of " + all + " services inactive: " + names + ")";
  }

  /**
   * "All nodes failed (http://a: ConnectException: Failed to connect to /a:80 (Connection refused))" gives
   * "Connection refused": the last parenthesis, then the last ": " part.
   */
  private static String innermostCause(String cause) {
    String c = cause.trim();
    while (c.endsWith(")")) {
      int open = c.lastIndexOf('(');
      while (open >= 0 && matching(c, open) != c.length() - 1) {
        open = c.lastIndexOf('(', open - 1);
      }
      if (open < 0 || open + 1 >= c.length() - 1) {
        break;
      }
      c = c.substring(open + 1, c.length() - 1).trim();
    }
    int colon = c.lastIndexOf(": ");
    if (colon >= 0 && colon + 2 < c.length()) {
      c = c.substring(colon + 2);
    }
    return c.length() > 60 ? c.substring(0, 59) + "…" : c;
  }

  /** The index of the parenthesis that closes the one at {@code open}, or -1. */
  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String replaceAll(Pattern p, String s, Function<Matcher, String> with) {
    Matcher m = p.matcher(s);
    StringBuffer sb = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
