package io.github.cloudify4j.client.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait ended without its condition: {@link WaitTimeoutException} (out of time or attempts) or
 * {@link WaitFailedException} (a state it cannot recover from). Both carry the last state seen, so the caller can
 * say what the manager was doing.
 */
public abstract class WaitException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final transient Object lastObserved;
  private final int attempts;
  private final Duration elapsed;

  protected WaitException(String message, Object lastObserved, int attempts, Duration elapsed, Throwable cause) {
    super(message, cause);
    this.lastObserved = lastObserved;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /** The last value the wait observed (a snapshot, an execution, a maintenance status …), if any. */
  public Optional<Object> lastObserved() {
    return Optional.ofNullable(lastObserved);
  }

  /** Polls made. */
  public int attempts() {
    return attempts;
  }

  public Duration elapsed() {
    return elapsed;
  }
}
