package io.github.cloudify4j.client.errors;

import java.time.Duration;

/**
 * A wait ran out of time or attempts before its condition held. {@link #lastObserved(Class)} is the last state seen;
 * {@link #getCause()} the last error the wait rode out, if any.
 */
public class WaitTimeoutException extends WaitException {
  private static final long serialVersionUID = 1L;

  public WaitTimeoutException(String message, Object lastObserved, int attempts, Duration elapsed,
      Throwable lastError) {
    super(message, lastObserved, attempts, elapsed, lastError);
  }
}
