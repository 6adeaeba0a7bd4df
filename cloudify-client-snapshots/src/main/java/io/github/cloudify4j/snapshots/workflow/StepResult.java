package io.github.cloudify4j.snapshots.workflow;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * How one step of a workflow went: which step, its outcome, when it started, how long it took and what happened in
 * words. The same class for every workflow, typed by the workflow's step enum, so that reports and listeners read
 * alike for a restore and a backup.
 *
 * @param <S> the workflow's step enum ({@code RestoreStep}, {@code BackupStep})
 */
public final class StepResult<S extends Enum<S>> {
  /** The outcome of a step. */
  public enum Status {
    /** The step did its work. */
    SUCCEEDED,
    /** The plan left the step out (the reason is the detail); nothing was sent for it. */
    SKIPPED,
    /** The step failed; the detail is the (secret-free) reason. */
    FAILED,
    /** The run was cancelled before or during the step. */
    CANCELLED
  }

  private final S step;
  private final Status status;
  private final Instant startedAt;
  private final Duration duration;
  private final String detail;

  /**
   * A result; public so that a listener can be tested without running a workflow.
   *
   * @param step the step this result is about
   * @param status how it went
   * @param startedAt when it started, by the workflow's clock
   * @param duration how long it ran (zero for a skipped step)
   * @param detail what happened, in words; {@code null} reads as empty
   */
  public StepResult(S step, Status status, Instant startedAt, Duration duration, String detail) {
    this.step = requireNonNull(step, "step == null");
    this.status = requireNonNull(status, "status == null");
    this.startedAt = requireNonNull(startedAt, "startedAt == null");
    this.duration = requireNonNull(duration, "duration == null");
    this.detail = detail == null ? "" : detail;
  }

  /**
   * The step this result is about.
   *
   * @return the step
   */
  public S step() {
    return step;
  }

  /**
   * Whether it succeeded, was skipped, failed or was cancelled.
   *
   * @return the outcome
   */
  public Status status() {
    return status;
  }

  /**
   * When the step started (or, for a skipped step, when it was passed over), by the workflow's clock.
   *
   * @return the start instant
   */
  public Instant startedAt() {
    return startedAt;
  }

  /**
   * How long the step ran, by the workflow's (injectable) clock: zero for a skipped step.
   *
   * @return the duration, never negative
   */
  public Duration duration() {
    return duration;
  }

  /**
   * What happened, in words: a success's facts, a skip's reason, a failure's cause (secrets masked).
   *
   * @return the detail, empty when there is nothing to say
   */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return step + " " + status + " in " + duration.toMillis() + " ms" + (detail.isEmpty() ? "" : ": " + detail);
  }
}
