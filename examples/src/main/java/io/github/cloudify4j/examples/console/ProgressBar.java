package io.github.cloudify4j.examples.console;

import java.time.Duration;
import java.util.Locale;

/**
 * A transfer progress bar: {@code [##########..........]  50 %  6.1 MiB / 12.3 MiB  8.4 MiB/s}. On a terminal it
 * redraws in place (at most ten times a second); otherwise it prints one line per 10 %. Plain Java, no dependency.
 * Usable directly as a {@code TransferListener}: {@code listener(bar::update)}.
 */
public final class ProgressBar {
  private static final int CELLS = 24;

  private final Terminal terminal;
  private final String label;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;
  private int lastDecile = -1;
  private int drawn;
  private long done;
  private long total = -1;
  private boolean finished;

  public ProgressBar(Terminal terminal, String label) {
    this.terminal = terminal;
    this.label = label;
  }

  /** Progress so far; {@code total} is -1 when unknown. */
  public synchronized void update(long bytesDone, long totalBytes) {
    if (finished) {
      return;
    }
    done = bytesDone;
    total = totalBytes;
    if (terminal.interactive()) {
      long now = System.nanoTime();
      if (now - lastDrawNanos >= 100_000_000L || (total > 0 && done >= total)) {
        lastDrawNanos = now;
        redraw(render());
      }
    } else if (total > 0) {
      int decile = (int) Math.min(10, done * 10 / total);
      if (decile > lastDecile && decile > 0) {
        lastDecile = decile;
        terminal.out().println(render());
      }
    }
  }

  /** A retry started over (resuming at {@code resumedAt}). */
  public synchronized void restart(long resumedAt) {
    lastDecile = -1;
    done = resumedAt;
    line("  " + label + ": transfer interrupted, " + (resumedAt > 0 ? "resuming at " + Human.bytes(resumedAt)
        : "starting over"));
  }

  /** Ends the bar with the final size, time and rate. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    Duration elapsed = elapsed();
    long size = total > 0 ? total : done;
    String text = String.format(Locale.ROOT, "  %-9s %s 100 %%  %s in %s (%s)", label, bar(1.0), Human.bytes(size),
        Human.duration(elapsed), Human.rate(size, elapsed));
    if (terminal.interactive()) {
      redraw(text);
      terminal.out().println();
    } else if (lastDecile < 10) {
      terminal.out().println(text);
    }
  }

  public synchronized Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private String render() {
    if (total <= 0) {
      return String.format(Locale.ROOT, "  %-9s %s  %s", label, Human.bytes(done), Human.rate(done, elapsed()));
    }
    double f = Math.min(1.0, (double) done / total);
    return String.format(Locale.ROOT, "  %-9s %s %3d %%  %s / %s  %s", label, bar(f), (int) Math.floor(f * 100),
        Human.bytes(done), Human.bytes(total), Human.rate(done, elapsed()));
  }

  private static String bar(double f) {
    int full = (int) Math.round(f * CELLS);
    return "[" + "#".repeat(full) + ".".repeat(CELLS - full) + "]";
  }

  private void line(String text) {
    if (terminal.interactive() && drawn > 0) {
      terminal.out().println();
      drawn = 0;
    }
    terminal.out().println(text);
  }

  private void redraw(String text) {
    StringBuilder sb = new StringBuilder("\r").append(text);
    if (text.length() < drawn) {
      sb.append(" ".repeat(drawn - text.length()));
    }
    terminal.out().print(sb);
    terminal.out().flush();
    drawn = text.length();
  }
}
