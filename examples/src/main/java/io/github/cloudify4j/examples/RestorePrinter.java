package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.Table;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.restore.StepResult;
import io.github.cloudify4j.snapshots.restore.Verification;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a restore plan (before) and a restore report (after) for a person, in the terms of the programs that run
 * it: advice the library words for its Java API ({@code onExistingSnapshot(REUSE)}) is given as the option that does
 * the same ({@code --existing-snapshot=reuse}); what the manager answered (a {@code /status} with every service) is
 * summarized, and said once.
 */
public final class RestorePrinter {
  private static final String MANAGER_STATUS = "ManagerStatus{";
  private static final Pattern STATUS = Pattern.compile("^status=([^,}]*)");
  private static final Pattern SERVICE = Pattern.compile("([^=,{}]+)=ServiceStatus\\{status=([^,}]*)");
  private static final Pattern POLICY = Pattern.compile("onExistingSnapshot\\((FAIL|REUSE|REPLACE)\\)");
  private static final Pattern CHOOSE_POLICY = Pattern.compile("Choose (--existing-snapshot=\\w+)");
  private static final Pattern OR_POLICY =
      Pattern.compile("(--existing-snapshot=\\w+[^.]*?, or )(FAIL|REUSE|REPLACE)\\b");
  private static final String STATE = " Manager left with ";
  private static final int LAST_SEEN_MAX = 160;

  private RestorePrinter() {}

  public static void plan(RestorePlan plan, PrintStream out) {
    out.println("Restore plan: " + plan.snapshot() + " on " + plan.node() + " (nothing has been sent yet)");
    int i = 1;
    for (RestorePlan.Step s : plan.steps()) {
      out.printf("  %2d. %-22s %s%n", i++, s.step().name(), s.description());
      out.printf("      %-22s REST %s | cfy: %s%n", "", s.restCalls(), s.cfyCommand());
    }
    for (String w : plan.warnings()) {
      out.println("  WARNING: " + w);
    }
    for (String b : plan.blockers()) {
      out.println("  BLOCKED: " + forCommandLine(b));
    }
  }

  public static void report(RestoreReport r, PrintStream out) {
    out.println("Restore of " + r.snapshotId() + " " + r.outcome() + " in " + Human.duration(r.duration())
        + (r.resumed() ? " (resumed a restore already running)" : ""));
    Table steps = new Table("STEP", "RESULT", "TIME>", "DETAIL");
    for (StepResult s : r.steps()) {
      // The failed step's reason is printed once, summarized, on the FAILED line below.
      String detail = s.status() == StepResult.Status.FAILED && r.failedStep().orElse(null) == s.step()
          ? "(see FAILED below)" : forCommandLine(s.detail());
      steps.row(s.step().name(), RestoreProgress.status(s.status()), Human.duration(s.duration()), detail);
    }
    steps.print(out);
    out.println("  restore execution:  " + r.restoreExecutionId().orElse("-")
        + r.restoreExecution().map(e -> " (" + e.status() + ")").orElse(""));
    out.println("  maintenance mode:   " + r.maintenanceState().map(Object::toString).orElse("unknown"));
    r.verification().ifPresent(v -> out.println("  verification:       " + describe(v)));
    out.println("  scheduled executions marked failed: " + r.scheduledExecutionsFailed().size());
    for (Execution e : r.scheduledExecutionsFailed()) {
      out.println("    " + e.id() + " " + e.workflowId().orElse("?") + " on " + e.deploymentId().orElse("-")
          + ", was scheduled for " + e.scheduledFor().map(Object::toString).orElse("?"));
    }
    if (!r.executionsCancelled().isEmpty()) {
      out.println("  executions cancelled by the restore: " + r.executionsCancelled().size());
    }
    r.failure().ifPresent(f -> {
      String[] reasonAndState = splitState(f);
      out.println("  FAILED at " + r.failedStep().map(Enum::name).orElse("?") + ": "
          + forCommandLine(reasonAndState[0]));
      if (reasonAndState[1] != null) {
        out.println("  " + reasonAndState[1]);
      }
    });
    leftOnManager(r).ifPresent(s -> out.println("  " + s));
    for (String w : r.warnings()) {
      out.println("  warning:   " + forCommandLine(w));
    }
    for (String f : r.followUps()) {
      out.println("  follow-up: " + forCommandLine(f));
    }
  }

  /**
   * The line a program ends with after a failed restore (the report above it says why): the step, and when the
   * snapshot stays on the manager, the option that runs it again.
   */
  static String errorLine(RestoreReport r) {
    String step = r.failedStep().map(Enum::name).orElse("?");
    String line = "restore of " + r.snapshotId() + " failed at " + step;
    if (snapshotOnManager(r) && !restoreStarted(r)) {
      line += "; " + r.snapshotId() + " stays on the manager: run again with --" + RestoreCli.EXISTING + "=reuse";
    }
    return line + " (the report above says why and how the manager was left)";
  }

  /** The line a program ends with after a PARTIAL restore. */
  static String partialLine(RestoreReport r) {
    return "restore of " + r.snapshotId() + " is PARTIAL: "
        + r.verification().map(RestorePrinter::describe).orElse("see the report above");
  }

  /**
   * What the report must tell about the snapshot when the restore failed with it on the manager: a second run
   * meets it there and, with the default policy, stops at PREFLIGHT.
   */
  static java.util.Optional<String> leftOnManager(RestoreReport r) {
    if (r.outcome() != RestoreReport.Outcome.FAILED || !snapshotOnManager(r)) {
      return java.util.Optional.empty();
    }
    String where = "Snapshot " + r.snapshotId() + (uploadedByThisRun(r)
        ? " was left on the manager (uploaded by this run)" : " is still on the manager");
    if (restoreStarted(r)) {
      return java.util.Optional.of(where + "."); // restored from already: running it again is not the next step
    }
    return java.util.Optional.of(where + ". To try again, run with --" + RestoreCli.EXISTING + "=reuse to restore"
        + " it without uploading it again, or --" + RestoreCli.EXISTING + "=replace to upload the archive again.");
  }

  // The report has no field for it yet (issue #14 asks the library for one): an UPLOAD step that succeeded means
  // the snapshot is on the manager, and nothing in a run deletes it afterwards.
  private static boolean snapshotOnManager(RestoreReport r) {
    return stepSucceeded(r, RestoreStep.UPLOAD);
  }

  private static boolean uploadedByThisRun(RestoreReport r) {
    return r.steps().stream().anyMatch(s -> s.step() == RestoreStep.UPLOAD
        && s.status() == StepResult.Status.SUCCEEDED && !s.detail().startsWith("reused"));
  }

  private static boolean restoreStarted(RestoreReport r) {
    return r.restoreExecutionId().isPresent() || stepSucceeded(r, RestoreStep.START_RESTORE);
  }

  private static boolean stepSucceeded(RestoreReport r, RestoreStep step) {
    return r.steps().stream().anyMatch(s -> s.step() == step && s.status() == StepResult.Status.SUCCEEDED);
  }

  /** The failure's reason, and the manager's state ("Manager left with …") when it can be told apart. */
  private static String[] splitState(String failure) {
    int at = failure.indexOf(STATE);
    if (at < 0) {
      return new String[] {failure, null};
    }
    return new String[] {failure.substring(0, at), failure.substring(at + 1)};
  }

  /**
   * A library text as these programs print it: a {@code ManagerStatus{…}} dump becomes "Fail (inactive: A, B)", a
   * long "last seen: …" is cut, and Java API advice becomes the option that does the same.
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
    return s;
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

  private static String replaceAll(Pattern p, String s, java.util.function.Function<Matcher, String> with) {
    Matcher m = p.matcher(s);
    StringBuffer sb = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static String describe(Verification v) {
    StringJoiner counts = new StringJoiner(", ");
    for (Map.Entry<String, Long> e : v.expected().entrySet()) {
      counts.add(e.getKey() + " " + v.actual().getOrDefault(e.getKey(), 0L) + "/" + e.getValue());
    }
    String verdict = v.isComplete() ? "nothing missing" : "MISSING " + v.missing();
    String errors = v.restoreErrors().isEmpty() ? "" : ", " + v.restoreErrors().size() + " restore error(s)";
    String note = v.note().isEmpty() ? "" : " (" + v.note() + ")";
    return verdict + errors + (counts.length() == 0 ? "" : ": " + counts) + note;
  }
}
