package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The daily backup, for cron or any scheduler: one snapshot per day ({@code daily-20261125}), downloaded and
 * verified (zip, metadata, SHA-256 in a {@code .sha256} file beside it), the newest few kept on the manager and on
 * disk. Running it twice the same day does nothing the second time, so a scheduler may retry freely.
 *
 * <pre>
 * # crontab: 03:00 every day
 * 0 3 * * *  java -cp cloudify4j-demo.jar io.github.cloudify4j.examples.DailyBackupExample \
 *            --backup-dir /var/backups/cloudify --keep-on-manager 7 --keep-locally 30
 * </pre>
 * (connection from the {@code cfy} CLI's {@code CLOUDIFY_*} variables, or {@code --manager …}).
 */
public final class DailyBackupExample {
  private DailyBackupExample() {}

  public static BackupReport run(CloudifyClient client, Terminal term, Path backupDir, int keepOnManager,
      int keepLocally) {
    try (BackupProgress progress = new BackupProgress(term)) {
      BackupReport report = BackupJob.builder(client)
          .directory(backupDir)
          .prefix("daily-")
          .keepOnManager(keepOnManager)
          .keepLocally(keepLocally)
          .listener(progress)
          .build()
          .run(); // BackupFailedException names the failed step; no file of the run is left behind
      BackupPrinter.report(report, term.out());
      return report;
    }
  }

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args);
    if (a.flag("help")) {
      System.out.println("usage: DailyBackupExample [connection options] [--backup-dir DIR]"
          + " [--keep-on-manager N] [--keep-locally N]");
      return;
    }
    Path dir = Paths.get(a.option("backup-dir", "cloudify-backups"));
    Files.createDirectories(dir);
    try (CloudifyClient client = a.client("", System.getenv()).build()) {
      run(client, Terminal.system(), dir, Integer.parseInt(a.option("keep-on-manager", "7")),
          Integer.parseInt(a.option("keep-locally", "30")));
    }
  }
}
