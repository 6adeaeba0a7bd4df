package io.github.cloudify4j.client.poll;

import java.time.Duration;
import java.util.Optional;

/** One poll of a wait, as told to a {@link PollListener}: what was seen and what happens next. */
public final class PollEvent<T> {
  /** What the wait does after this poll. */
  public enum Outcome { SUCCESS, FAILURE, RETRY, TIMEOUT }

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

  /** What is being waited for, e.g. "snapshot nightly to be created". */
  public String description() {
    return description;
  }

  /** 1 for the first poll. */
  public int attempt() {
    return attempt;
  }

  public Duration elapsed() {
    return elapsed;
  }

  /** The value the probe returned, if it returned one. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** The error the probe threw, when it was one the wait rides out. */
  public Optional<RuntimeException> error() {
    return Optional.ofNullable(error);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Why, in words (the matched rule's message). */
  public String reason() {
    return reason;
  }

  /** The delay before the next poll, for {@link Outcome#RETRY}. */
  public Optional<Duration> nextDelay() {
    return Optional.ofNullable(nextDelay);
  }

  @Override
  public String toString() {
    return "PollEvent{" + description + " #" + attempt + " after " + elapsed.toMillis() + " ms: " + outcome
        + (reason == null ? "" : " (" + reason + ")") + "}";
  }
}
