package io.github.cloudify4j.examples;

import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.LiveLine;
import io.github.cloudify4j.examples.console.ProgressBar;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.backup.BackupListener;
import io.github.cloudify4j.snapshots.backup.BackupStep;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows a {@code BackupJob} run: one line per step with its timing, a live "waiting … 2.4 s" line while the manager
 * creates the snapshot (on a terminal), a progress bar for the download.
 */
public final class BackupProgress implements BackupListener, AutoCloseable {
  private static final String[] TITLES = {
      "look for this slot's archive and snapshot", "start the create_snapshot workflow",
      "wait until the snapshot is created", "download the archive (zip and length checked)",
      "check the archive, write its .sha256, move it into place", "retention on the manager",
      "retention in the directory"};

  private final Terminal term;
  private final LiveLine live;
  private final ScheduledExecutorService ticker;
  private ScheduledFuture<?> tick;
  private ProgressBar download;
  private long stepStart;

  public BackupProgress(Terminal term) {
    this.term = term;
    this.live = new LiveLine(term, "");
    this.ticker = term.interactive() ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "backup-progress");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  @Override
  public synchronized void onStepStarted(BackupStep step) {
    stepStart = System.nanoTime();
    if (ticker != null && step != BackupStep.DOWNLOAD) {
      // The job reports steps, not polls: a ticker keeps the line alive during the long wait.
      tick = ticker.scheduleAtFixedRate(() -> show(step), 0, 200, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void show(BackupStep step) {
    live.show(prefix(step) + "…  " + Human.duration(elapsed()) + "  " + title(step));
  }

  @Override
  public synchronized void onTransfer(long done, long total) {
    if (download == null) {
      live.clear();
      download = new ProgressBar(term, "download");
    }
    download.update(done, total);
  }

  @Override
  public synchronized void onStepFinished(StepResult<BackupStep> result) {
    BackupStep step = result.step();
    Duration took = result.duration();
    if (tick != null) {
      tick.cancel(false);
      tick = null;
    }
    if (download != null) {
      download.finish();
      download = null;
    }
    String line = prefix(step) + String.format(Locale.ROOT, "ok %8s  %s", Human.duration(took), title(step));
    if (term.interactive()) {
      live.finish(line);
    } else {
      term.out().println(line);
    }
  }

  /** Ends a live line left by a failed step. */
  @Override
  public synchronized void close() {
    if (tick != null) {
      tick.cancel(false);
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    live.clear();
  }

  private static String prefix(BackupStep step) {
    return String.format(Locale.ROOT, "  %-14s ", step.name());
  }

  private static String title(BackupStep step) {
    return step.ordinal() < TITLES.length ? TITLES[step.ordinal()] : step.name().toLowerCase(Locale.ROOT);
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - stepStart);
  }
}
