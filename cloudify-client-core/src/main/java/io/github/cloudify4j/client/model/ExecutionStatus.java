package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The status of an execution. Terminal: {@code terminated} (success), {@code failed}, {@code cancelled}. Waiting:
 * {@code queued}, {@code scheduled}. Everything else is active.
 */
public final class ExecutionStatus extends OpenValue {
  private static final Registry<ExecutionStatus> VALUES = new Registry<>(ExecutionStatus::new);

  public static final ExecutionStatus PENDING = VALUES.known("pending");
  public static final ExecutionStatus STARTED = VALUES.known("started");
  public static final ExecutionStatus CANCELLING = VALUES.known("cancelling");
  public static final ExecutionStatus FORCE_CANCELLING = VALUES.known("force_cancelling");
  public static final ExecutionStatus KILL_CANCELLING = VALUES.known("kill_cancelling");
  public static final ExecutionStatus TERMINATED = VALUES.known("terminated");
  public static final ExecutionStatus FAILED = VALUES.known("failed");
  public static final ExecutionStatus CANCELLED = VALUES.known("cancelled");
  public static final ExecutionStatus QUEUED = VALUES.known("queued");
  public static final ExecutionStatus SCHEDULED = VALUES.known("scheduled");

  private ExecutionStatus(String value, boolean known) {
    super(value, known);
  }

  /** The status for this text; unknown text gives an unknown status, never a known one. */
  @JsonCreator
  public static ExecutionStatus of(String value) {
    return VALUES.of(value);
  }

  /** {@code terminated}, {@code failed} or {@code cancelled}: the execution will not change any more. */
  public boolean isTerminal() {
    return this == TERMINATED || this == FAILED || this == CANCELLED;
  }

  /** {@code queued} or {@code scheduled}. */
  public boolean isWaiting() {
    return this == QUEUED || this == SCHEDULED;
  }

  /** {@code terminated}: the workflow succeeded. */
  public boolean isSuccess() {
    return this == TERMINATED;
  }
}
