package io.github.cloudify4j.examples;

import io.github.cloudify4j.snapshots.restore.ExistingSnapshotPolicy;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreTimeouts;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The restore settings a person must be able to choose from the command line of every program that runs a
 * restore: what to do with a snapshot id already on the manager (a restore that failed after its upload leaves
 * the snapshot there, and the next run meets it) and how long to wait for the manager to be healthy afterwards.
 * Checked when the arguments are read, before anything is sent.
 */
final class RestoreCli {
  static final String EXISTING = "existing-snapshot";
  static final String HEALTH_WAIT = "health-wait";
  static final String[] OPTIONS = {EXISTING, HEALTH_WAIT};

  /** For the programs' --help. */
  static final String USAGE = String.join(System.lineSeparator(),
      "  --existing-snapshot fail|reuse|replace",
      "                             when the snapshot id is already on the manager (a failed restore leaves it",
      "                             there): stop before changing anything (fail, the default), restore the one",
      "                             there without uploading (reuse), or delete it and upload again (replace)",
      "  --health-wait DURATION     how long to wait for the manager to be healthy after the restore",
      "                             (default 10m; e.g. 90s, 30m, 1h)");

  final ExistingSnapshotPolicy existing;
  final Duration healthWait;

  private RestoreCli(ExistingSnapshotPolicy existing, Duration healthWait) {
    this.existing = existing;
    this.healthWait = healthWait;
  }

  /** @throws Cli.UsageException for a value that is not one of the choices */
  static RestoreCli parse(Args args) {
    ExistingSnapshotPolicy policy = ExistingSnapshotPolicy.FAIL;
    Optional<String> p = args.option(EXISTING);
    if (p.isPresent()) {
      try {
        policy = ExistingSnapshotPolicy.valueOf(p.get().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Cli.UsageException("--" + EXISTING + " takes fail, reuse or replace, not " + p.get());
      }
    }
    Duration health = args.option(HEALTH_WAIT).map(v -> Cli.duration(HEALTH_WAIT, v)).orElse(null);
    return new RestoreCli(policy, health);
  }

  /** Sets the choices on the orchestrator's builder. */
  RestoreOrchestrator.Builder applyTo(RestoreOrchestrator.Builder b) {
    b.onExistingSnapshot(existing);
    if (healthWait != null) {
      b.timeouts(RestoreTimeouts.builder().health(healthWait).build());
    }
    return b;
  }
}
