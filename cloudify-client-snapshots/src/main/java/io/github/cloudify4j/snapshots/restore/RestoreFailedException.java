package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.client.errors.CloudifyException;

/**
 * A restore did not complete. The message names the step, the cause and the state the manager was left in;
 * {@link #report()} has every step taken. Thrown by {@link RestoreOrchestrator#run()} only for outcome
 * {@code FAILED}; a {@code PARTIAL} restore returns its report.
 */
public class RestoreFailedException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final transient RestoreReport report;

  public RestoreFailedException(RestoreReport report, Throwable cause) {
    super("Restore of " + report.snapshotId() + " failed at " + report.failedStep().map(Enum::name).orElse("?")
        + ": " + report.failure().orElse("unknown")
        + report.snapshotLeftOnManager().map(id -> " Snapshot " + id + " (uploaded by this run) is still on the"
            + " manager: a rerun needs onExistingSnapshot(REUSE) or REPLACE, or delete it first.").orElse(""),
        cause);
    this.report = report;
  }

  public RestoreReport report() {
    return report;
  }

  /**
   * The snapshot this run uploaded and left on the manager, when the restore failed after the upload: see
   * {@link RestoreReport#snapshotLeftOnManager()}.
   */
  public java.util.Optional<String> snapshotLeftOnManager() {
    return report.snapshotLeftOnManager();
  }

  public RestoreStep step() {
    return report.failedStep().orElse(null);
  }
}
