package io.github.cloudify4j.examples.console;

import java.util.regex.Pattern;

/**
 * One status line that changes while something is waited for ("manager unreachable for 3 s"). On a terminal it is
 * redrawn in place; otherwise a line is printed only when the text changes in more than its numbers, so a log
 * gets "unreachable for 1 s" once, not once a second.
 */
public final class LiveLine {
  private static final Pattern NUMBERS = Pattern.compile("[0-9]+([.,][0-9]+)?");
  private static final int WIDTH = 110;

  private final Terminal terminal;
  private final String prefix;
  private int drawn;
  private String lastShape;

  public LiveLine(Terminal terminal, String prefix) {
    this.terminal = terminal;
    this.prefix = prefix;
  }

  /** Shows the text (redrawn in place on a terminal). */
  public synchronized void show(String text) {
    String line = fit(prefix + text);
    if (terminal.interactive()) {
      redraw(line);
    } else {
      String shape = NUMBERS.matcher(text).replaceAll("#");
      if (!shape.equals(lastShape)) {
        terminal.out().println(line);
        lastShape = shape;
      }
    }
  }

  /** Replaces the live line with a final one and ends it. */
  public synchronized void finish(String text) {
    String line = prefix + text;
    if (terminal.interactive()) {
      redraw(line);
      terminal.out().println();
    } else {
      terminal.out().println(line);
    }
    drawn = 0;
    lastShape = null;
  }

  /** Erases the live line (terminal) so that ordinary output can follow; does nothing otherwise. */
  public synchronized void clear() {
    if (terminal.interactive() && drawn > 0) {
      terminal.out().print("\r" + " ".repeat(drawn) + "\r");
      terminal.out().flush();
    }
    drawn = 0;
    lastShape = null;
  }

  private void redraw(String line) {
    StringBuilder sb = new StringBuilder("\r").append(line);
    if (line.length() < drawn) {
      sb.append(" ".repeat(drawn - line.length()));
    }
    terminal.out().print(sb);
    terminal.out().flush();
    drawn = line.length();
  }

  private static String fit(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= WIDTH ? oneLine : oneLine.substring(0, WIDTH - 1) + "…";
  }
}
