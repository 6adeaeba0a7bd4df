package io.github.cloudify4j.examples;

import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.LiveLine;
import io.github.cloudify4j.examples.console.ProgressBar;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.restore.RestoreListener;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows a restore as it runs: one line per step with its timing, a progress bar for the upload, and a live line
 * while the restore is followed.
 *
 * <p>The restart window is timed here, on the client's clock: from the last answer before the manager went quiet to
 * the first answer after it. A terminal counts it up live; a log (which keeps one line per kind of news, not one per
 * poll) gets "manager unreachable …" when it starts and "manager answered again after 31.5 s without an answer"
 * when it ends — a length printed with the first line would be the first poll's, not the outage's.
 */
public final class RestoreProgress implements RestoreListener {
  private static final String UNREACHABLE = "manager unreachable";

  private final Terminal term;
  private final Clock clock;
  private int stepCount;
  private final LiveLine live;
  private int index;
  private RestoreStep current;
  private Instant stepStart;
  private boolean headerShown;
  private ProgressBar upload;
  /** When the manager last answered (a progress message that is not about unreachability), or the step began. */
  private Instant lastAnswer;
  /** While unreachable: {@link #lastAnswer} as it was when the first "unreachable" came. */
  private Instant quietSince;

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
    current = step;
    stepStart = clock.instant();
    lastAnswer = stepStart;
    quietSince = null;
    headerShown = false;
    if (term.interactive()) {
      live.show(prefix(step) + "…    " + step.title());
    }
  }

  @Override
  public synchronized void onProgress(RestoreStep step, String message) {
    Instant now = clock.instant();
    String text;
    if (LibraryText.isUnreachable(message)) {
      if (quietSince == null) {
        quietSince = lastAnswer;
      }
      text = unreachable(message, term.interactive() ? Duration.between(quietSince, now) : null);
    } else {
      if (quietSince != null) {
        endOfOutage(step, "manager answered again after " + Human.duration(Duration.between(quietSince, now))
            + " without an answer");
      }
      lastAnswer = now;
      text = message;
    }
    if (term.interactive()) {
      live.show(prefix(step) + Human.duration(elapsed()) + "  " + text);
    } else {
      header(step);
      live.show("      " + text);
    }
  }

  private void endOfOutage(RestoreStep step, String line) {
    quietSince = null;
    if (term.interactive()) {
      live.finish(prefix(step) + Human.duration(elapsed()) + "  " + line);
    } else {
      header(step);
      live.clear();
      term.out().println("      " + line);
    }
  }

  private void header(RestoreStep step) {
    if (!headerShown) {
      term.out().println(prefix(step) + step.title());
      headerShown = true;
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
  public synchronized void onStepFinished(StepResult<RestoreStep> r) {
    ended(r);
  }

  /** A failed or cancelled step ends its line the same way; the report that follows says why. */
  @Override
  public synchronized void onStepFailed(StepResult<RestoreStep> r, Throwable cause) {
    ended(r);
  }

  private void ended(StepResult<RestoreStep> r) {
    if (upload != null) {
      upload.finish();
      upload = null;
    }
    if (quietSince != null) {
      endOfOutage(r.step(), "manager still unreachable after "
          + Human.duration(Duration.between(quietSince, clock.instant())));
    }
    // A failed step's reason can be long (a wait's last answer): the report that follows says it once.
    String detail = r.status() == StepResult.Status.FAILED ? "(why: in the report below)"
        : LibraryText.forCommandLine(r.detail());
    String line = prefix(r.step()) + String.format(Locale.ROOT, "%-9s %8s  %s", status(r.status()),
        Human.duration(r.duration()), detail);
    if (term.interactive()) {
      live.finish(line);
    } else {
      live.clear();
      term.out().println(line);
    }
  }

  /**
   * "manager unreachable for 2 s (No answer from …: Failed to connect to /10.0.0.5:80 (Connection refused))" as
   * "manager unreachable for 9.5 s while its services restart (Connection refused)": the length measured here
   * ({@code null}: none), and only the innermost cause.
   */
  static String unreachable(String message, Duration quiet) {
    String lead = UNREACHABLE + (quiet == null ? "" : " for " + Human.duration(quiet)) + " while its services restart";
    String cause = LibraryText.unreachableCause(message);
    return cause == null ? lead : lead + " (" + cause + ")";
  }

  private String prefix(RestoreStep step) {
    // A step recorded without being started (the rollback's DEACTIVATE_MAINTENANCE) has no number of its own.
    String n = step == current ? String.format(Locale.ROOT, "%2d/%d", index, stepCount) : "  " + " ".repeat(
        String.valueOf(stepCount).length() + 1);
    return String.format(Locale.ROOT, "  %s %-22s ", n, step.name());
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
