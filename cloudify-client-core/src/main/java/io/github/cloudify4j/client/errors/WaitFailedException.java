package io.github.cloudify4j.client.errors;

import java.time.Duration;

/**
 * A wait reached a state from which its condition can no longer hold: a snapshot became {@code failed}, an
 * execution ended {@code failed} or {@code cancelled}. The message carries the server's error text, with every
 * secret in it masked (a snapshot workflow's error can quote its config, database password included);
 * {@link #lastObserved(Class)} is the value as the server sent it, whose {@code toString()} masks too.
 */
public class WaitFailedException extends WaitException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for a wait that reached a state its condition cannot come back from.
   *
   * @param message what failed, with the server's error text (masked here)
   * @param lastObserved the value in the failed state, as the server sent it
   * @param attempts how many polls were made
   * @param elapsed how long the wait took, on the wait's clock
   * @param cause the error that ended the wait, or null
   */
  public WaitFailedException(String message, Object lastObserved, int attempts, Duration elapsed,

      Throwable cause) {
    super(message, lastObserved, attempts, elapsed, cause);
  }
}
