package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.BackupPrinter;
import io.github.cloudify4j.examples.BackupProgress;
import io.github.cloudify4j.snapshots.backup.BackupFailedException;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backup}: one run of the {@link BackupJob}. Idempotent per slot: run it from cron as often as you like, a
 * second run of the same day finds the verified archive (ALREADY_DONE) or the snapshot on the manager (RESUMED)
 * instead of creating another.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Take today's backup: create the slot's snapshot, download and verify it, apply retention.",
        "Idempotent per slot (a second run the same day does nothing new)."})
final class BackupCommand implements Callable<Integer> {
  private final Session s;

  @Mixin Connection connection;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where archives go (default ${DEFAULT-VALUE}).")
  Path dir = Path.of("cloudify-backups");

  @Option(names = "--prefix", description = "Snapshot id prefix (default ${DEFAULT-VALUE}).")
  String prefix = "daily-";

  @Option(names = "--slot", paramLabel = "DURATION", converter = Durations.class,
      description = "One backup per slot of this length (default 1d).")
  Duration slot;

  @Option(names = "--keep-on-manager", paramLabel = "N", description = "Snapshots kept on the manager "
      + "(default ${DEFAULT-VALUE}).")
  int keepOnManager = 7;

  @Option(names = "--keep-locally", paramLabel = "N", description = "Archives kept in --dir (default ${DEFAULT-VALUE}).")
  int keepLocally = 30;

  @Option(names = "--create-timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "How long the snapshot may take to create.")
  Duration createTimeout;

  BackupCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() throws Exception {
    if (keepOnManager < 1 || keepLocally < 1) {
      throw new IllegalArgumentException("--keep-on-manager and --keep-locally take a whole number of at least 1");
    }
    try (CloudifyClient client = connection.builder(s).build()) {
      Files.createDirectories(dir);
      BackupProgress progress = new BackupProgress(s.terminal());
      BackupJob.Builder b = BackupJob.builder(client).directory(dir).prefix(prefix).keepOnManager(keepOnManager)
          .keepLocally(keepLocally).listener(progress);
      if (slot != null) {
        b.slotLength(slot);
      }
      if (createTimeout != null) {
        b.createTimeout(createTimeout);
      }
      BackupReport report;
      try {
        report = b.build().run();
      } catch (BackupFailedException e) {
        progress.close();
        s.printJson(Documents.backup(e.report()));
        throw e;
      } finally {
        progress.close();
      }
      s.human().println();
      BackupPrinter.report(report, s.human());
      s.printJson(Documents.backup(report));
      return Exit.OK;
    }
  }
}
