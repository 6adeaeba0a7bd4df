package io.github.cloudify4j.client.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait ran out of time or attempts before its condition held. {@link #lastObserved()} is the last state seen
 * (a snapshot, an execution, a maintenance status …), so the caller can say what the manager was doing.
 */
public class WaitTimeoutException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final transient Object lastObserved;
  private final int attempts;
  private final Duration elapsed;

  public WaitTimeoutException(String message, Object lastObserved, int attempts, Duration elapsed,
      Throwable lastError) {
    super(message, lastError);
    this.lastObserved = lastObserved;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  public Optional<Object> lastObserved() {
    return Optional.ofNullable(lastObserved);
  }

  public int attempts() {
    return attempts;
  }

  public Duration elapsed() {
    return elapsed;
  }
}
