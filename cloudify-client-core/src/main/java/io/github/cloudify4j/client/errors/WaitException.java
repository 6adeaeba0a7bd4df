package io.github.cloudify4j.client.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait ended without its condition: {@link WaitTimeoutException} (out of time or attempts) or
 * {@link WaitFailedException} (a state it cannot recover from). Both carry the last state seen, so the caller can
 * say what the manager was doing ({@link #lastObserved(Class)}).
 */
public abstract class WaitException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final transient Object lastObserved;
  private final int attempts;
  private final Duration elapsed;

  /**
   * An exception for a wait that ended without its condition.
   *
   * @param message what was awaited and why it ended
   * @param lastObserved the last value a poll returned, or null if none did
   * @param attempts how many polls were made
   * @param elapsed how long the wait took, on the wait's clock
   * @param cause the error that ended the wait or the last one it rode out, or null
   */
  protected WaitException(String message, Object lastObserved, int attempts, Duration elapsed, Throwable cause) {
    super(message, cause);
    this.lastObserved = lastObserved;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /**
   * The last value the wait observed, if it observed one and it is a {@code type}: each wait documents its type
   * ({@code Execution} for {@code Executions.waitFor…}, {@code MaintenanceStatus} for
   * {@code MaintenanceMode.waitUntilActivated}, {@code Snapshot} for {@code Snapshots.waitUntilCreated},
   * {@code RestoreStatus} for {@code Snapshots.waitUntilRestoreFinished}; a {@code Poller} wait, its probe's type).
   * Empty when the wait saw no value (every poll failed) or a value of another type, so one {@code catch} can serve
   * several waits:
   *
   * <pre>{@code
   * } catch (WaitTimeoutException e) {
   *   String still = e.lastObserved(MaintenanceStatus.class).map(s -> s.status().toString()).orElse("unknown");
   * }
   * }</pre>
   *
   * @param <T> the type the caller expects
   * @param type the class of {@code T}
   * @return the last observed value as a {@code T}, or empty
   * @throws NullPointerException if {@code type} is null
   */
  public <T> Optional<T> lastObserved(Class<T> type) {
    java.util.Objects.requireNonNull(type, "type == null");
    return type.isInstance(lastObserved) ? Optional.of(type.cast(lastObserved)) : Optional.empty();
  }

  /**
   * Polls made, the failed ones included: with {@link #elapsed()}, tells a wait that was too short from a server
   * that never answered.
   *
   * @return the number of polls, 0 or more
   */
  public int attempts() {
    return attempts;
  }

  /**
   * How long the wait lasted, measured on its clock (a test's virtual clock in tests), from the first poll to the
   * end.
   *
   * @return the elapsed time, never negative
   */
  public Duration elapsed() {

    return elapsed;
  }
}
