package io.github.cloudify4j.client.poll;

import java.time.Duration;
import java.util.Optional;

/**
 * One poll of a wait, as told to a {@link PollListener}: what was seen and what happens next.
 *
 * @param <T> the type of the value the wait polls
 */
public final class PollEvent<T> {
  /** What the wait does after this poll. */
  public enum Outcome {
    /** A success rule matched: {@code await()} returns this poll's value. */
    SUCCESS,
    /** A failure rule matched: {@code await()} throws {@code WaitFailedException}. */
    FAILURE,
    /** Not yet (a retry rule matched, no rule matched, or a ridden-out error): the wait sleeps and polls again. */
    RETRY,
    /** Not yet, but the time or attempts ran out: {@code await()} throws {@code WaitTimeoutException}. */
    TIMEOUT
  }

  private final String description;
  private final int attempt;
  private final Duration elapsed;
  private final T value;
  private final RuntimeException error;
  private final Outcome outcome;
  private final String reason;
  private final Duration nextDelay;

  PollEvent(String description, int attempt, Duration elapsed, T value, RuntimeException error, Outcome outcome,
      String reason, Duration nextDelay) {
    this.description = description;
    this.attempt = attempt;
    this.elapsed = elapsed;
    this.value = value;
    this.error = error;
    this.outcome = outcome;
    this.reason = reason;
    this.nextDelay = nextDelay;
  }

  /**
   * What is being waited for, e.g. "snapshot nightly to be created".
   *
   * @return the wait's description, as given to {@link Poller#until(String, java.util.function.Supplier)}
   */
  public String description() {
    return description;
  }

  /**
   * Which poll this was, counting every poll, failed ones included.
   *
   * @return 1 for the first poll
   */
  public int attempt() {
    return attempt;
  }

  /**
   * Time since the wait began, on the wait's clock, when this poll's answer was classified.
   *
   * @return the elapsed time, never negative
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * The value the probe returned, if it returned one.
   *
   * @return the value, or empty when the probe threw or returned null
   */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The error the probe threw, when it was one the wait rides out (an error no rule matches ends the wait
   * without an event).
   *
   * @return the error, or empty when the probe returned a value
   */
  public Optional<RuntimeException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * What the wait does after this poll.
   *
   * @return the outcome; {@link Outcome#SUCCESS}, {@link Outcome#FAILURE} and {@link Outcome#TIMEOUT} are the last
   *     event of a wait
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Why, in words (the matched rule's message).
   *
   * @return the matched rule's reason, or {@code "not yet"} when no rule matched
   */
  public String reason() {
    return reason;
  }

  /**
   * The delay before the next poll, for {@link Outcome#RETRY}: the options' delay, cut to the time left.
   *
   * @return the delay, or empty for every other outcome
   */

  public Optional<Duration> nextDelay() {
    return Optional.ofNullable(nextDelay);
  }

  @Override
  public String toString() {
    return "PollEvent{" + description + " #" + attempt + " after " + elapsed.toMillis() + " ms: " + outcome
        + (reason == null ? "" : " (" + reason + ")") + "}";
  }
}
