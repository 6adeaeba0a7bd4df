package io.github.cloudify4j.examples.console;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as people type it on a command line: {@code 90s}, {@code 10m} (or {@code 10min}), {@code 1h30m},
 * {@code 500ms}, {@code 2d}, or ISO-8601 ({@code PT10M}). One parser for the examples and the operator command line.
 */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|min|m|h|d)");

  private DurationText() {
  }

  /** The duration {@code text} means, or null when it is not one (the caller words the usage error). */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      try {
        return Duration.parse(text.trim());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (t.isEmpty()) {
      return null;
    }
    Matcher m = PART.matcher(t);
    Duration d = Duration.ZERO;
    int at = 0;
    while (at < t.length()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          d = d.plusMillis(n);
          break;
        case "s":
          d = d.plusSeconds(n);
          break;
        case "m":
        case "min":
          d = d.plusMinutes(n);
          break;
        case "h":
          d = d.plusHours(n);
          break;
        default:
          d = d.plusDays(n);
          break;
      }
      at = m.end();
    }
    return d;
  }
}
