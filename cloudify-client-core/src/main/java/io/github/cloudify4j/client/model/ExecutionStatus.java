package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The status of an execution. Terminal: {@code terminated} (success), {@code failed}, {@code cancelled}. Waiting:
 * {@code queued}, {@code scheduled}. Everything else is active.
 */
public final class ExecutionStatus extends OpenValue {
  private static final Registry<ExecutionStatus> VALUES = new Registry<>(ExecutionStatus::new);

  /** Created, not yet picked up by a worker. */
  public static final ExecutionStatus PENDING = VALUES.known("pending");
  /** Running. */
  public static final ExecutionStatus STARTED = VALUES.known("started");
  /** A {@code cancel} was asked; the workflow stops after its running operations. */
  public static final ExecutionStatus CANCELLING = VALUES.known("cancelling");
  /** A {@code force-cancel} was asked; it stops without waiting for running operations. */
  public static final ExecutionStatus FORCE_CANCELLING = VALUES.known("force_cancelling");
  /** A {@code kill} was asked; the workflow's processes are being killed. */
  public static final ExecutionStatus KILL_CANCELLING = VALUES.known("kill_cancelling");
  /** Ended successfully (terminal). */
  public static final ExecutionStatus TERMINATED = VALUES.known("terminated");
  /** Ended with an error, in {@link Execution#error()} (terminal). */
  public static final ExecutionStatus FAILED = VALUES.known("failed");
  /** Ended by a cancel, force-cancel or kill (terminal). */
  public static final ExecutionStatus CANCELLED = VALUES.known("cancelled");
  /** Waiting for another execution to end (maintenance mode waits for these too). */
  public static final ExecutionStatus QUEUED = VALUES.known("queued");
  /** Waiting for its scheduled time ({@link Execution#scheduledFor()}). */
  public static final ExecutionStatus SCHEDULED = VALUES.known("scheduled");

  private ExecutionStatus(String value, boolean known) {
    super(value, known);
  }

  /**
   * The status for this text; unknown text gives an unknown status, never a known one, so that a newer manager's
   * status parses instead of failing.
   *
   * @param value the text as the server sends it, e.g. {@code terminated}
   * @return the constant for a known text, or an unknown status keeping the text
   * @throws NullPointerException when {@code value} is null
   */
  @JsonCreator
  public static ExecutionStatus of(String value) {
    return VALUES.of(value);
  }

  /**
   * {@code terminated}, {@code failed} or {@code cancelled}: the execution will not change any more.
   *
   * @return whether the execution has ended
   */
  public boolean isTerminal() {
    return this == TERMINATED || this == FAILED || this == CANCELLED;
  }

  /**
   * {@code queued} or {@code scheduled}: not started yet, but it will run (and keeps maintenance mode activating).
   *
   * @return whether the execution waits to start
   */
  public boolean isWaiting() {
    return this == QUEUED || this == SCHEDULED;
  }

  /**
   * {@code terminated}: the workflow succeeded.
   *
   * @return whether the execution ended successfully
   */
  public boolean isSuccess() {
    return this == TERMINATED;
  }
}
