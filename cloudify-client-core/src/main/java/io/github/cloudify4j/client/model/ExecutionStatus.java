package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status of an execution. Terminal: {@code terminated} (success), {@code failed}, {@code cancelled}. Waiting:
 * {@code queued}, {@code scheduled}. Everything else is active.
 */
public final class ExecutionStatus extends OpenValue {
  private static final Map<String, ExecutionStatus> KNOWN = new LinkedHashMap<>();

  public static final ExecutionStatus PENDING = known("pending");
  public static final ExecutionStatus STARTED = known("started");
  public static final ExecutionStatus CANCELLING = known("cancelling");
  public static final ExecutionStatus FORCE_CANCELLING = known("force_cancelling");
  public static final ExecutionStatus KILL_CANCELLING = known("kill_cancelling");
  public static final ExecutionStatus TERMINATED = known("terminated");
  public static final ExecutionStatus FAILED = known("failed");
  public static final ExecutionStatus CANCELLED = known("cancelled");
  public static final ExecutionStatus QUEUED = known("queued");
  public static final ExecutionStatus SCHEDULED = known("scheduled");

  private ExecutionStatus(String value, boolean known) {
    super(value, known);
  }

  private static ExecutionStatus known(String value) {
    ExecutionStatus status = new ExecutionStatus(value, true);
    KNOWN.put(value, status);
    return status;
  }

  /** The status for this text; unknown text gives an unknown status, never a known one. */
  @JsonCreator
  public static ExecutionStatus of(String value) {
    ExecutionStatus status = KNOWN.get(value);
    return status != null ? status : new ExecutionStatus(value, false);
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
