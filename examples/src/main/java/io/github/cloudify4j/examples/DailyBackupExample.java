package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The daily backup, for cron or any scheduler: create a snapshot, wait, download it verified (zip + SHA-256, with
 * a {@code .sha256} file beside it), keep the newest few on the manager and on disk.
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

  public static DailyBackup.Result run(CloudifyClient client, Terminal term, Path backupDir, int keepOnManager,
      int keepLocally) {
    DailyBackup.Result r = DailyBackup.builder(client)
        .directory(backupDir)
        .prefix("daily-")
        .keepOnManager(keepOnManager)
        .keepLocally(keepLocally)
        .listener(new BackupProgress(term))
        .build()
        .run();
    term.out().println("Backup " + r.snapshotId + " done in " + Human.duration(r.total));
    term.out().println("  archive:   " + r.archive + " (" + Human.bytes(r.bytes) + ")");
    term.out().println("  sha256:    " + r.sha256 + "  (" + r.checksumFile.getFileName() + ")");
    term.out().println("  retention: deleted on the manager " + r.deletedOnManager + ", locally "
        + r.deletedLocally.size() + " archive(s)");
    return r;
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
