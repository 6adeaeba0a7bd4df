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

  /**
   * A failed restore; the message names the failed step, the reason and a snapshot left on the manager.
   *
   * @param report the run's report, naming the failed step
   * @param cause what stopped the step, or null
   */
  public RestoreFailedException(RestoreReport report, Throwable cause) {
    super("Restore of " + report.snapshotId() + " failed at " + report.failedStep().map(Enum::name).orElse("?")
        + ": " + report.failure().orElse("unknown")
        + report.snapshotLeftOnManager().map(id -> " Snapshot " + id + " (uploaded by this run) is still on the"
            + " manager: a rerun needs onExistingSnapshot(REUSE) or REPLACE, or delete it first.").orElse(""),
        cause);
    this.report = report;
  }

  /** {@return the run's report: the steps done, the failed one, the manager's state} */
  public RestoreReport report() {
    return report;
  }

  /**
   * The snapshot this run uploaded and left on the manager, when the restore failed after the upload: see
   * {@link RestoreReport#snapshotLeftOnManager()}.
   *
   * @return the snapshot's id, or empty
   */
  public java.util.Optional<String> snapshotLeftOnManager() {
    return report.snapshotLeftOnManager();
  }

  /** {@return the step that failed, or null when the report names none} */
  public RestoreStep step() {
    return report.failedStep().orElse(null);
  }
}
