package io.github.cloudify4j.examples;

import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.LiveLine;
import io.github.cloudify4j.examples.console.ProgressBar;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.restore.RestoreListener;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.restore.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows a restore as it runs: one line per step with its timing, a progress bar for the upload, and a live line
 * while the restore is followed (the restart window shows as "manager unreachable for 3 s").
 */
public final class RestoreProgress implements RestoreListener {
  private final Terminal term;
  private final Clock clock;
  private int stepCount;
  private final LiveLine live;
  private int index;
  private Instant stepStart;
  private boolean headerShown;
  private ProgressBar upload;

  public RestoreProgress(Terminal term) {
    this(term, Clock.systemUTC());
  }

  /** {@code clock}: the client's ({@code client.poller().clock()}), so that durations agree with the library's. */
  public RestoreProgress(Terminal term, Clock clock) {
    this.term = term;
    this.clock = clock;
    this.stepCount = RestoreStep.values().length;
    this.live = new LiveLine(term, "");
  }

  /** The number of steps of the plan, for the "3/10" counter. */
  public synchronized RestoreProgress steps(int count) {
    this.stepCount = count;
    return this;
  }

  @Override
  public synchronized void onStepStarted(RestoreStep step) {
    index++;
    stepStart = clock.instant();
    headerShown = false;
    if (term.interactive()) {
      live.show(prefix(step) + "…    " + step.title());
    }
  }

  @Override
  public synchronized void onProgress(RestoreStep step, String message0) {
    String message = shorten(message0);
    if (term.interactive()) {
      live.show(prefix(step) + Human.duration(elapsed()) + "  " + message);
    } else {
      if (!headerShown) {
        term.out().println(prefix(step) + step.title());
        headerShown = true;
      }
      live.show("      " + message);
    }
  }

  @Override
  public synchronized void onTransfer(long done, long total) {
    if (upload == null) {
      live.clear();
      upload = new ProgressBar(term, "upload");
    }
    upload.update(done, total);
  }

  @Override
  public synchronized void onStepFinished(StepResult r) {
    if (upload != null) {
      upload.finish();
      upload = null;
    }
    String line = prefix(r.step()) + String.format(Locale.ROOT, "%-9s %8s  %s", status(r.status()),
        Human.duration(r.duration()), r.detail());
    if (term.interactive()) {
      live.finish(line);
    } else {
      live.clear();
      term.out().println(line);
    }
  }

  /** "manager unreachable for 2 s (No answer from … : Failed to connect to …)" keeps only the last cause. */
  static String shorten(String message) {
    int open = message.indexOf(" (");
    if (!message.startsWith("manager unreachable") || open < 0 || !message.endsWith(")")) {
      return message;
    }
    String cause = message.substring(open + 2, message.length() - 1);
    int colon = cause.lastIndexOf(": ");
    if (colon >= 0 && colon + 2 < cause.length()) {
      cause = cause.substring(colon + 2);
    }
    cause = cause.replaceAll("\\)+$", "");
    if (cause.length() > 60) {
      cause = cause.substring(0, 59) + "…";
    }
    return message.substring(0, open) + " while its services restart (" + cause + ")";
  }

  private String prefix(RestoreStep step) {
    return String.format(Locale.ROOT, "  %2d/%d %-22s ", index, stepCount, step.name());
  }

  private Duration elapsed() {
    return Duration.between(stepStart, clock.instant());
  }

  static String status(StepResult.Status s) {
    switch (s) {
      case SUCCEEDED:
        return "ok";
      case SKIPPED:
        return "skipped";
      case FAILED:
        return "FAILED";
      default:
        return "cancelled";
    }
  }
}
