package io.github.cloudify4j.snapshots.backup;

import java.time.Duration;

/**
 * Told about a backup as it runs, on the running thread: keep it fast. Every method has a default, so implement
 * only what you show.
 */
public interface BackupListener {

  /** A step starts. */
  default void onStepStarted(BackupStep step, String snapshotId) {
  }

  /** A step ended successfully after {@code took}. A failed step is reported to {@link #onStepFailed} instead. */
  default void onStepFinished(BackupStep step, String snapshotId, Duration took) {
  }

  /**
   * A step failed (or was cancelled: the failure's cause is then a {@code CloudifyInterruptedException}) after
   * {@code took}; {@code failure} is what the run throws next, with the report so far.
   */
  default void onStepFailed(BackupStep step, String snapshotId, Duration took, BackupFailedException failure) {
  }

  /** Download progress; {@code total} is -1 when the manager did not send a {@code Content-Length}. */
  default void onTransfer(long done, long total) {
  }

  static BackupListener none() {
    return new BackupListener() { };
  }
}
