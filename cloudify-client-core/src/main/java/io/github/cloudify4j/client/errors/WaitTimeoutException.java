package io.github.cloudify4j.client.errors;

import java.time.Duration;

/**
 * A wait ran out of time or attempts before its condition held. {@link #lastObserved(Class)} is the last state seen;
 * {@link #getCause()} the last error the wait rode out, if any.
 */
public class WaitTimeoutException extends WaitException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for a wait that ran out of time or attempts.
   *
   * @param message what was awaited and which limit ended it
   * @param lastObserved the last value a poll returned, or null if none did
   * @param attempts how many polls were made
   * @param elapsed how long the wait took, on the wait's clock
   * @param lastError the last error the wait rode out (a transient failure), or null; becomes the cause
   */
  public WaitTimeoutException(String message, Object lastObserved, int attempts, Duration elapsed,

      Throwable lastError) {
    super(message, lastObserved, attempts, elapsed, lastError);
  }
}
