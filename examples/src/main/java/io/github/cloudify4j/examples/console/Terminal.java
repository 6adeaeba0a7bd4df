package io.github.cloudify4j.examples.console;

import java.io.PrintStream;

/**
 * Where console output goes, and whether it is a terminal. On a terminal, progress redraws one line with a carriage
 * return; in a log file or a pipe it prints a new line per 10 % or per change instead, so the log stays readable.
 */
public final class Terminal {
  private final PrintStream out;
  private final boolean interactive;

  public Terminal(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /** {@code System.out}, interactive when the JVM has a console ({@code System.console() != null}). */
  public static Terminal system() {
    return new Terminal(System.out, System.console() != null);
  }

  /** Never interactive: one line per update worth a line. For tests and logs. */
  public static Terminal plain(PrintStream out) {
    return new Terminal(out, false);
  }

  public PrintStream out() {
    return out;
  }

  public boolean interactive() {
    return interactive;
  }
}
