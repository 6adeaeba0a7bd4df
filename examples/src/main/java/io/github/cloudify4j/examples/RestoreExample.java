package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Restores an archive onto a (fresh) manager the way the backup and restore guide says: upload, maintenance mode,
 * restore, follow it through the manager's restart, check, verify, leave maintenance mode. The plan is printed
 * first; nothing happens without {@code --yes}, because a restore replaces the manager's data.
 *
 * <pre>
 * RestoreExample [connection options] --archive /backups/daily-20261125.zip --snapshot-id daily-20261125 [--yes]
 * </pre>
 */
public final class RestoreExample {
  private RestoreExample() {}

  /** Prints the plan; runs it only when {@code confirmed}. Returns the report, or null when not confirmed. */
  public static RestoreReport run(CloudifyClient client, Terminal term, Path archive, String snapshotId,
      boolean confirmed) {
    RestoreProgress progress = new RestoreProgress(term);
    RestoreOrchestrator restore = RestoreOrchestrator.builder(client)
        .snapshotId(snapshotId)
        .uploadFrom(archive)
        .listener(progress)
        .build();
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
    System.exit(run(args, Terminal.system(), System.err, System.getenv(), UnaryOperator.identity()));
  }

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, Terminal term, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a = Args.parse(args, "yes");
    if (a.flag("help") || !a.option("archive").isPresent()) {
      term.out().println("usage: RestoreExample [connection options] --archive FILE.zip [--snapshot-id ID] [--yes]");
      return 0;
    }
    Path archive = Paths.get(a.option("archive").get());
    String id = a.option("snapshot-id", archive.getFileName().toString().replaceFirst("\\.zip$", ""));
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      RestoreReport report = run(client, term, archive, id, a.flag("yes"));
      return report == null || report.isComplete() ? 0 : 1;
    }
  }
}
