package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.restore.ExistingSnapshotPolicy;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.RestoreTimeouts;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Restores an archive onto a (fresh) manager the way the backup and restore guide says: upload, maintenance mode,
 * restore, follow it through the manager's restart, check, verify, leave maintenance mode. The plan is printed
 * first; nothing happens without {@code --yes}, because a restore replaces the manager's data.
 *
 * <pre>
 * RestoreExample [connection options] --archive /backups/daily-20261125.zip [--snapshot-id daily-20261125]
 *                [--existing-snapshot fail|reuse|replace] [--health-wait 10m] [--yes]
 * </pre>
 *
 * <p>Exit codes: 0 restored completely (or, without {@code --yes}, the plan printed); 1 failed, or PARTIAL; 2 bad
 * arguments (nothing was sent).
 */
public final class RestoreExample {
  static final String USAGE = String.join(System.lineSeparator(),
      "usage: RestoreExample [connection options] --archive FILE.zip [--snapshot-id ID] [--yes]",
      "  --archive FILE.zip         the archive to upload and restore",
      "  --snapshot-id ID           the id to upload it as (default: the file name without .zip)",
      "  --yes                      run the plan (without it the plan is printed and nothing is sent)",
      RestoreCli.USAGE,
      "  --verbose | --debug        library logs at INFO | DEBUG; --debug also prints stack traces",
      "connection options: --manager URL --username U --password P | --token T, --tenant T, --ca-cert FILE",
      "                    (default: the cfy CLI's CLOUDIFY_* variables)",
      "Exit codes: 0 restored completely (or the plan printed, without --yes); 1 failed, or the restore is PARTIAL;",
      "2 bad arguments (nothing was sent).");

  private RestoreExample() {}

  /** Prints the plan; runs it only when {@code confirmed}. Returns the report, or null when not confirmed. */
  public static RestoreReport run(CloudifyClient client, Terminal term, Path archive, String snapshotId,
      boolean confirmed) {
    return run(client, term, archive, snapshotId, confirmed, ExistingSnapshotPolicy.FAIL, null);
  }

  /**
   * Like {@link #run(CloudifyClient, Terminal, Path, String, boolean)}, choosing what to do with a snapshot id
   * already on the manager (a failed restore leaves its upload there) and how long to wait for the manager to be
   * healthy afterwards ({@code null}: the default, 10 minutes).
   */
  public static RestoreReport run(CloudifyClient client, Terminal term, Path archive, String snapshotId,
      boolean confirmed, ExistingSnapshotPolicy existing, Duration healthWait) {
    RestoreProgress progress = new RestoreProgress(term, client.poller().clock());
    RestoreOrchestrator.Builder builder = RestoreOrchestrator.builder(client)
        .snapshotId(snapshotId)
        .uploadFrom(archive)
        .onExistingSnapshot(existing)
        .listener(progress);
    if (healthWait != null) {
      builder.timeouts(RestoreTimeouts.builder().health(healthWait).build());
    }
    RestoreOrchestrator restore = builder.build();
    RestorePlan plan = restore.plan(); // computed locally, nothing is sent: review it before saying yes
    RestorePrinter.plan(plan, term.out());
    progress.steps(plan.steps().size());
    if (!confirmed) {
      term.out().println("Not confirmed: nothing was changed. Add --yes to restore.");
      return null;
    }
    RestoreReport report;
    try {
      report = restore.run();
    } catch (RestoreFailedException e) {
      // The report names the failed step and the state the manager was left in (maintenance mode, restore).
      RestorePrinter.report(e.report(), term.out());
      throw e;
    }
    RestorePrinter.report(report, term.out());
    return report;
  }

  public static void main(String[] args) {
    Cli.logLevels(args);
    System.exit(run(args, Terminal.system(), System.err, System.getenv(), UnaryOperator.identity()));
  }

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, Terminal term, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a;
    Path archive;
    RestoreCli restore;
    try {
      a = Args.parse(args, "yes");
      if (a.flag("help")) {
        term.out().println(USAGE);
        return Cli.OK;
      }
      List<String> known = new ArrayList<>(Arrays.asList(Cli.COMMON_OPTIONS));
      known.addAll(Arrays.asList(RestoreCli.OPTIONS));
      known.addAll(Arrays.asList("archive", "snapshot-id"));
      a.requireKnown(known.toArray(new String[0]));
      if (!a.positional().isEmpty()) {
        throw new Cli.UsageException("unexpected argument " + a.positional().get(0));
      }
      archive = Paths.get(a.option("archive").orElseThrow(() -> new Cli.UsageException("--archive FILE.zip is"
          + " required")));
      if (!Files.isReadable(archive)) {
        throw new Cli.UsageException("--archive " + archive + " is not a readable file");
      }
      restore = RestoreCli.parse(a);
    } catch (IllegalArgumentException e) {
      return Cli.usage(err, Cli.oneLine(e));
    }
    boolean debug = a.flag("debug");
    String id = a.option("snapshot-id", archive.getFileName().toString().replaceFirst("\\.zip$", ""));
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      RestoreReport report = run(client, term, archive, id, a.flag("yes"), restore.existing, restore.healthWait);
      if (report == null || report.isComplete()) {
        return Cli.OK;
      }
      return Cli.failed(err, RestorePrinter.partialLine(report), null, false);
    } catch (RestoreFailedException e) {
      return Cli.failed(err, RestorePrinter.errorLine(e.report()), e, debug); // the report above says why
    } catch (RuntimeException e) {
      return Cli.ended(err, e, debug);
    }
  }
}
