package io.github.cloudify4j.examples;

import io.github.cloudify4j.examples.console.DurationText;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * What every example program does the same way at its edges: exit codes, the one-line error it ends with, the
 * stack trace only with {@code --debug}, the library's log level, and the checks of option values that run before
 * anything is sent.
 */
final class Cli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int REFUSED = 3;

  /** The options every program takes besides its own. */
  static final String[] COMMON_OPTIONS = {"manager", "username", "password", "token", "tenant", "ca-cert"};


  private Cli() {}

  /**
   * Sets the library's log level from {@code --verbose} (INFO) or {@code --debug} (DEBUG) before any logger exists
   * (slf4j-simple reads it once). Otherwise the snapshot workflows stay quiet: their WARN and ERROR lines say what
   * the report the program prints says, and a failure would show twice.
   */
  static void logLevels(String[] args) {
    String level = null;
    for (String a : args) {
      if (a.equals("--debug")) {
        level = "debug";
      } else if (a.equals("--verbose") && level == null) {
        level = "info";
      }
    }
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    } else {
      System.setProperty("org.slf4j.simpleLogger.log.io.github.cloudify4j.snapshots", "off");
    }
  }

  /** Prints the one line a failed program ends with, and the stack trace when {@code --debug} asked for it. */
  static int failed(PrintStream err, String line, Throwable e, boolean debug) {
    err.println("error: " + line);
    if (debug && e != null) {
      e.printStackTrace(err);
    }
    return FAILED;
  }

  /**
   * How a program ends on an exception once its client is built: one {@code error:} line (a stack trace only with
   * {@code --debug}); exit 2 for an {@link IllegalArgumentException} — a connection option or argument the client
   * refused before sending anything — and 1 for anything else.
   */
  static int ended(PrintStream err, RuntimeException e, boolean debug) {
    failed(err, oneLine(e), e, debug);
    return e instanceof IllegalArgumentException ? USAGE : FAILED;
  }

  /** A usage error: one line pointing at {@code --help}. */
  static int usage(PrintStream err, String message) {
    err.println("error: " + message + " (see --help)");
    return USAGE;
  }

  /** The message of {@code e} on one line (its class name when it has none). */
  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.trim().isEmpty()) {
      return e.getClass().getSimpleName();
    }
    return m.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /**
   * A duration as people type it: {@code 90s}, {@code 10m} (or {@code 10min}), {@code 1h30m}, {@code 500ms},
   * {@code 2d}, or ISO-8601 ({@code PT10M}). Must be positive.
   *
   * @throws UsageException naming the option
   */
  static Duration duration(String option, String text) {
    Duration d = DurationText.parse(text);
    if (d == null) {
      throw new UsageException("--" + option + " takes a duration such as 90s, 10m or 1h30m, not " + text);
    }
    if (d.isZero() || d.isNegative()) {
      throw new UsageException("--" + option + " must be longer than 0, not " + text);
    }
    return d;
  }

  /** A whole number of at least {@code min}, or {@code defaultValue} when the option is absent. */
  static int atLeast(Args args, String option, int min, int defaultValue) {
    Optional<String> v = args.option(option);
    if (!v.isPresent()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.get().trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // below
    }
    throw new UsageException("--" + option + " takes a whole number of at least " + min + ", not " + v.get());
  }

  /** Bad command-line arguments: the program says so in one line and exits 2, before anything is sent. */
  static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
