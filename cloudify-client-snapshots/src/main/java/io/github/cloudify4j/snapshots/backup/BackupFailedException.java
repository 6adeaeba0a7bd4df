package io.github.cloudify4j.snapshots.backup;

import io.github.cloudify4j.client.errors.CloudifyException;

/**
 * A backup did not complete. The message names the snapshot, the step and the cause (for a {@code failed}
 * snapshot or a failed {@code create_snapshot} execution, the manager's error text with every secret masked, as in
 * {@link BackupReport#failure()} and the job's log); {@link #report()} has what was done until then. Nothing unverified is left
 * in the directory; a {@code failed} snapshot is left on the manager for diagnosis and replaced by the next run of
 * the same slot (or deleted by a later run's retention).
 */
public class BackupFailedException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final BackupStep step;
  private final transient BackupReport report;

  /**
   * A failed run; public so that code handling it can be tested without a manager.
   *
   * @param step the step that failed
   * @param report what the run did until then
   * @param message why, without secrets
   * @param cause what stopped the step, or null
   */
  public BackupFailedException(BackupStep step, BackupReport report, String message, Throwable cause) {
    super("Backup " + report.snapshotId() + " failed at " + step + ": " + message, cause);
    this.step = step;
    this.report = report;
  }

  /** {@return the step that failed} */
  public BackupStep step() {
    return step;
  }

  /** {@return what was done before the failure (outcome {@link BackupReport.Outcome#FAILED})} */
  public BackupReport report() {
    return report;
  }
}
