package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.LiveLine;
import io.github.cloudify4j.examples.console.ProgressBar;
import io.github.cloudify4j.examples.console.Terminal;
import java.time.Duration;
import java.util.Locale;

/** Shows a backup as it runs: a live line while the snapshot is created, a progress bar for the download. */
public final class BackupProgress implements DailyBackup.Listener {
  private final Terminal term;
  private final LiveLine live;
  private ProgressBar download;

  public BackupProgress(Terminal term) {
    this.term = term;
    this.live = new LiveLine(term, "");
  }

  @Override
  public synchronized void onCreated(String snapshotId, Execution execution) {
    term.out().println("  creating snapshot " + snapshotId + " (execution " + execution.id() + ")");
  }

  @Override
  public synchronized void onWaiting(String snapshotId, Duration elapsed, String status) {
    live.show("  waiting  " + status + " after " + Human.duration(elapsed));
  }

  @Override
  public synchronized void onTransfer(long done, long total) {
    if (download == null) {
      download = new ProgressBar(term, "download");
    }
    download.update(done, total);
  }

  @Override
  public synchronized void onTransferRestart(long resumedAt) {
    if (download != null) {
      download.restart(resumedAt);
    }
  }

  @Override
  public synchronized void onStep(String step, Duration took, String detail) {
    if ("WAIT".equals(step)) {
      live.clear();
    }
    if (download != null) {
      download.finish();
      download = null;
    }
    term.out().println(String.format(Locale.ROOT, "  %-10s ok %8s  %s", step, Human.duration(took), detail));
  }
}
