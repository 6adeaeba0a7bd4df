package io.github.cloudify4j.snapshots.restore;

/**
 * Told about a restore as it runs, on the running thread: keep it fast. Every method has a default, so implement
 * only what you show.
 */
public interface RestoreListener {

  /** A step starts. */
  default void onStepStarted(RestoreStep step) {
  }

  /** A step ended (succeeded, skipped, failed or cancelled). */
  default void onStepFinished(StepResult result) {
  }

  /**
   * News within a step: remaining executions while maintenance mode activates, "manager unreachable for 42 s"
   * during the restart window, the restore status.
   */
  default void onProgress(RestoreStep step, String message) {
  }

  /** Upload progress; {@code total} is the archive size. */
  default void onTransfer(long done, long total) {
  }

  static RestoreListener none() {
    return new RestoreListener() { };
  }
}
