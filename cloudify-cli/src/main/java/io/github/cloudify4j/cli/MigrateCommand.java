package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.RestorePrinter;
import io.github.cloudify4j.examples.RestoreProgress;
import io.github.cloudify4j.snapshots.restore.Migration;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate --from URL --to URL}: the {@link Migration} (snapshot the old manager, download and verify, restore
 * onto the new one). The connection options describe the source; {@code --to-*} the target, each defaulting to the
 * source's. Without {@code --yes} nothing is sent to either manager (exit 3).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Move everything from one manager to a new one: snapshot, download, verify, restore.",
        "Replaces ALL data of the target. Stops (exit 3) unless --yes."})
final class MigrateCommand implements Callable<Integer> {
  private final Session s;

  @Mixin Connection connection;
  @Mixin RestoreSettings settings;

  @Option(names = "--from", paramLabel = "URL", required = true, description = "The old manager.")
  String from;

  @Option(names = "--to", paramLabel = "URL", required = true, description = "The new manager.")
  String to;

  @Option(names = "--to-username", paramLabel = "NAME", description = "Default: the source's.")
  String toUsername;

  @Option(names = "--to-password-file", paramLabel = "FILE", description = "Default: the source's.")
  Path toPasswordFile;

  @Option(names = "--to-token-file", paramLabel = "FILE", description = "Default: the source's.")
  Path toTokenFile;

  @Option(names = "--to-tenant", paramLabel = "NAME", description = "Default: the source's.")
  String toTenant;

  @Option(names = "--to-ca-cert", paramLabel = "FILE", description = "Default: the source's.")
  Path toCaCert;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the archive is kept (default ${DEFAULT-VALUE}).")
  Path workDir = Path.of(".");

  @Option(names = "--snapshot", paramLabel = "ID", description = "The snapshot id (default migration-<time>).")
  String snapshotId;

  @Option(names = "--yes", description = "Go ahead: replace the target's data.")
  boolean yes;

  MigrateCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() throws Exception {
    if (!connection.managers.isEmpty()) {
      throw new IllegalArgumentException("migrate takes --from URL (the source) and --to URL, not --manager");
    }
    Connection.url(from);
    Connection.url(to);
    Connection target = targetConnection();
    if (!yes) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("outcome", "NOT_CONFIRMED");
      doc.put("from", from);
      doc.put("to", to);
      s.printJson(doc);
      throw new Refused("a migration replaces all data of " + to + " with a snapshot of " + from
          + "; nothing was sent. Add --yes to go ahead");
    }
    Files.createDirectories(workDir);
    try (CloudifyClient source = connection.builder(s, List.of(from)).build();
        CloudifyClient targetClient = target.builder(s, List.of(to)).build()) {
      RestoreProgress progress = new RestoreProgress(s.terminal(), targetClient.poller().clock());
      Migration.Builder b = Migration.builder(source, targetClient).workDir(workDir).listener(progress)
          .restore(r -> settings.applyTo(r, s));
      if (snapshotId != null) {
        b.snapshotId(snapshotId);
      }
      Migration.MigrationReport report;
      try {
        report = b.build().run();
      } catch (RestoreFailedException e) {
        s.human().println();
        RestorePrinter.report(e.report(), s.human());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("restore", Documents.restore(e.report()));
        s.printJson(doc);
        throw e;
      }
      s.human().println();
      RestorePrinter.report(report.restore(), s.human());
      s.human().println("Migrated " + report.sourceVersion() + " → " + report.targetVersion() + ", archive "
          + report.archive().path());
      for (String f : report.followUps()) {
        s.human().println("  next: " + f);
      }
      s.printJson(Documents.migration(report));
      return report.restore().outcome() == RestoreReport.Outcome.PARTIAL ? Exit.PARTIAL : Exit.OK;
    }
  }

  private Connection targetConnection() {
    Connection t = new Connection();
    t.username = toUsername != null ? toUsername : connection.username;
    t.passwordFile = toPasswordFile != null ? toPasswordFile : connection.passwordFile;
    t.tokenFile = toTokenFile != null ? toTokenFile : connection.tokenFile;
    t.tenant = toTenant != null ? toTenant : connection.tenant;
    t.caCert = toCaCert != null ? toCaCert : connection.caCert;
    t.trustAll = connection.trustAll;
    return t;
  }
}
