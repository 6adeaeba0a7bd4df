package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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

  public static void main(String[] args) {
    Cli.logLevels(args);
    System.exit(run(args, Terminal.system(), System.err, System.getenv(), UnaryOperator.identity()));
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: DailyBackupExample [connection options] [--backup-dir DIR] [--keep-on-manager N] [--keep-locally N]"
          + " [--debug]",
      "Exit codes: 0 done (or already done today); 1 failed (no file of the run is left behind); 2 bad arguments.");

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, Terminal term, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a;
    int keepOnManager;
    int keepLocally;
    try {
      a = Args.parse(args);
      if (a.flag("help")) {
        term.out().println(USAGE);
        return Cli.OK;
      }
      List<String> known = new ArrayList<>(Arrays.asList(Cli.COMMON_OPTIONS));
      known.addAll(Arrays.asList("backup-dir", "keep-on-manager", "keep-locally"));
      a.requireKnown(known.toArray(new String[0]));
      keepOnManager = Cli.atLeast(a, "keep-on-manager", 1, 7);
      keepLocally = Cli.atLeast(a, "keep-locally", 1, 30);
    } catch (IllegalArgumentException e) {
      return Cli.usage(err, Cli.oneLine(e));
    }
    Path dir = Paths.get(a.option("backup-dir", "cloudify-backups"));
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      Files.createDirectories(dir);
      run(client, term, dir, keepOnManager, keepLocally);
      return Cli.OK;
    } catch (RuntimeException e) {
      return Cli.ended(err, e, a.flag("debug"));
    } catch (IOException e) {
      return Cli.failed(err, Cli.oneLine(e), e, a.flag("debug"));
    }
  }
}
