package io.github.cloudify4j.snapshots.restore;

import java.time.Duration;
import java.time.Instant;

/** How one step went. */
public final class StepResult {
  /** The outcome of a step. */
  public enum Status { SUCCEEDED, SKIPPED, FAILED, CANCELLED }

  private final RestoreStep step;
  private final Status status;
  private final Instant startedAt;
  private final Duration duration;
  private final String detail;

  public StepResult(RestoreStep step, Status status, Instant startedAt, Duration duration, String detail) {
    this.step = step;
    this.status = status;
    this.startedAt = startedAt;
    this.duration = duration;
    this.detail = detail == null ? "" : detail;
  }

  public RestoreStep step() {
    return step;
  }

  public Status status() {
    return status;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Duration duration() {
    return duration;
  }

  /** What happened, in words. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return step + " " + status + " in " + duration.toMillis() + " ms" + (detail.isEmpty() ? "" : ": " + detail);
  }
}
