package io.github.cloudify4j.snapshots.workflow;

/**
 * Told about a workflow as it runs, on the running thread: keep it fast, and do not throw (an exception from a
 * listener fails the step it was told about). Every method has a default, so implement only what you show. The one
 * shape for every workflow: a display written against it shows a restore, a backup or a migration.
 *
 * <p>For each step exactly one of {@link #onStepFinished} (succeeded or skipped) and {@link #onStepFailed} (failed or
 * cancelled) is called; {@link #onStepStarted} comes first for a step that runs (not for a skipped one, nor for one
 * cancelled before it started).
 *
 * @param <S> the workflow's step enum
 */
public interface WorkflowListener<S extends Enum<S>> {

  /**
   * A step starts: its work begins right after this returns.
   *
   * @param step the step
   */
  default void onStepStarted(S step) {
  }

  /**
   * A step succeeded, or was skipped by the plan: {@link StepResult#status()} says which.
   *
   * @param result the step, its status, timing and detail
   */
  default void onStepFinished(StepResult<S> result) {
  }

  /**
   * A step failed or was cancelled ({@link StepResult#status()} says which; {@link StepResult#detail()} says why,
   * secrets masked). The run throws its workflow's exception next, after any rollback.
   *
   * @param result the step, its status ({@code FAILED} or {@code CANCELLED}), timing and reason
   * @param cause what stopped the step: a {@code CloudifyInterruptedException} when cancelled, the step's error
   *     otherwise; {@code null} when a rollback step failed
   */
  default void onStepFailed(StepResult<S> result, Throwable cause) {
  }

  /**
   * News within a step, in words: remaining executions while maintenance mode activates, "manager unreachable for
   * 42 s" during a restart, a snapshot's status.
   *
   * @param step the step running
   * @param message what happened, in words (no secret)
   */
  default void onProgress(S step, String message) {
  }

  /**
   * Progress of an archive transfer (an upload for a restore, a download for a backup); {@code total} is -1 when the
   * size is not known (a download without {@code Content-Length}).
   *
   * @param done bytes transferred so far (after a restarted download, counted from the new start)
   * @param total the archive's size in bytes, or -1 when unknown
   */
  default void onTransfer(long done, long total) {
  }
}
