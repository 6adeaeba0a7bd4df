package io.github.cloudify4j.client.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait reached a state from which its condition can no longer hold: a snapshot became {@code failed}, an
 * execution ended {@code failed} or {@code cancelled}. The message carries the server's error text.
 */
public class WaitFailedException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final transient Object lastObserved;
  private final int attempts;
  private final Duration elapsed;

  public WaitFailedException(String message, Object lastObserved, int attempts, Duration elapsed,
      Throwable cause) {
    super(message, cause);
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
