package io.github.cloudify4j.client.poll;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One wait: a probe, rules that classify what it returns or throws, and bounds. Rules are tried in the order
 * they were added; a value no rule matches means "poll again"; an exception no rule matches ends the wait by
 * propagating. Build with {@link Poller#until(String, Supplier)}; run with {@link #await()}. Not thread-safe;
 * {@link #await()} may be called once.
 *
 * @param <T> the type of the value the probe returns
 */
public final class Waiter<T> {
  private enum Kind { SUCCESS, FAILURE, RETRY }

  private static final class Rule<T> {
    final Kind kind;
    final Predicate<T> onValue;
    final Predicate<RuntimeException> onError;
    final Function<Object, String> reason;

    Rule(Kind kind, Predicate<T> onValue, Predicate<RuntimeException> onError, Function<Object, String> reason) {
      this.kind = kind;
      this.onValue = onValue;
      this.onError = onError;
      this.reason = reason;
    }
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final String description;
  private final Supplier<T> probe;
  private final List<Rule<T>> rules = new ArrayList<>();
  private PollOptions options = PollOptions.defaults();
  private PollListener<T> listener = PollListener.none();
  private BooleanSupplier cancelled = () -> false;

  Waiter(Clock clock, Sleeper sleeper, String description, Supplier<T> probe) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.description = description;
    this.probe = probe;
  }

  /**
   * The wait succeeds with the first value that matches: {@link #await()} returns it.
   *
   * @param condition tested on each value the probe returns, null included (guard against it if the probe can
   *     return null)

   * @param reason why it matched, for the listener's {@link PollEvent#reason()}
   * @return this wait
   * @throws NullPointerException if {@code condition} is null
   */
  public Waiter<T> succeedWhen(Predicate<T> condition, String reason) {
    requireNonNull(condition, "condition == null");
    rules.add(new Rule<>(Kind.SUCCESS, condition, null, v -> reason));
    return this;
  }

  /**
   * The wait fails ({@link WaitFailedException}) on the first value that matches, with this message. Use it for
   * states the condition cannot come back from (a workflow that ended {@code failed}), so a caller is not kept
   * waiting until the timeout.
   *
   * @param condition tested on each value the probe returns
   * @param message the failure's text from the value, e.g. the server's error (masked before it is used)
   * @return this wait
   * @throws NullPointerException if either is null
   */
  @SuppressWarnings("unchecked")
  public Waiter<T> failWhen(Predicate<T> condition, Function<T, String> message) {
    requireNonNull(condition, "condition == null");
    requireNonNull(message, "message == null");
    rules.add(new Rule<>(Kind.FAILURE, condition, null, v -> message.apply((T) v)));
    return this;
  }

  /**
   * Values that match mean "not yet", with a reason reported to the listener. Not needed for correctness (an
   * unmatched value also means "not yet"); it names the state in progress events.
   *
   * @param condition tested on each value the probe returns
   * @param reason what the state means, for the listener
   * @return this wait
   * @throws NullPointerException if {@code condition} is null
   */
  public Waiter<T> retryWhen(Predicate<T> condition, String reason) {
    requireNonNull(condition, "condition == null");
    rules.add(new Rule<>(Kind.RETRY, condition, null, v -> reason));
    return this;
  }

  /**
   * Exceptions of these types thrown by the probe mean "not yet" (a manager restarting answers 502 or refuses
   * connections for a while). Anything else thrown ends the wait.
   *
   * @param types exception classes; a subclass matches too
   * @return this wait
   * @throws NullPointerException if a type is null
   */
  @SafeVarargs
  public final Waiter<T> retryOn(Class<? extends RuntimeException>... types) {
    for (Class<? extends RuntimeException> type : types) {
      requireNonNull(type, "type == null");
      rules.add(new Rule<>(Kind.RETRY, null, type::isInstance, e -> "rode out " + type.getSimpleName()));
    }
    return this;
  }

  /**
   * Exceptions that match mean "not yet"; for finer choices than {@link #retryOn(Class[])}, e.g. a 404 only
   * until the object is created.
   *
   * @param condition tested on each exception the probe throws
   * @param reason what the error means, for the listener
   * @return this wait
   * @throws NullPointerException if {@code condition} is null
   */
  public Waiter<T> retryOnError(Predicate<RuntimeException> condition, String reason) {
    requireNonNull(condition, "condition == null");
    rules.add(new Rule<>(Kind.RETRY, null, condition, e -> reason));
    return this;
  }

  /**
   * How long and how often to poll.
   *
   * @param options the bounds and delays; default {@link PollOptions#defaults()} (30 minutes)
   * @return this wait
   * @throws NullPointerException if {@code options} is null
   */
  public Waiter<T> options(PollOptions options) {
    this.options = requireNonNull(options, "options == null");
    return this;
  }

  /**
   * Told about every poll, e.g. to print progress.
   *
   * @param listener called on the waiting thread after each poll; default {@link PollListener#none()}
   * @return this wait
   * @throws NullPointerException if {@code listener} is null
   */
  public Waiter<T> listener(PollListener<T> listener) {
    this.listener = requireNonNull(listener, "listener == null");
    return this;
  }

  /**
   * Checked before each poll: when true the wait stops with a cancellation. A sleep in progress is not cut short
   * (interrupt the thread for that).
   *
   * @param cancelled true to stop; default never
   * @return this wait
   * @throws NullPointerException if {@code cancelled} is null
   */
  public Waiter<T> cancelWhen(BooleanSupplier cancelled) {
    this.cancelled = requireNonNull(cancelled, "cancelled == null");
    return this;
  }

  /**
   * Polls until a success rule matches and returns that value.
   *
   * @return the value the success rule matched
   * @throws WaitFailedException when a failure rule matches
   * @throws WaitTimeoutException when the time or attempts run out
   * @throws CloudifyInterruptedException when interrupted or cancelled
   * @throws RuntimeException whatever the probe throws that no rule matches, unchanged
   */

  public T await() {
    Instant start = clock.instant();
    T last = null;
    RuntimeException lastError = null;
    for (int attempt = 1; ; attempt++) {
      checkCancelled(attempt, start, last);
      T value = null;
      RuntimeException error = null;
      Rule<T> matched;
      try {
        value = probe.get();
        last = value;
        matched = matchValue(value);
      } catch (RuntimeException e) {
        error = e;
        lastError = e;
        matched = matchError(e);
        if (matched == null) {
          throw e;
        }
      }
      Duration elapsed = Duration.between(start, clock.instant());
      Object subject = error != null ? error : value;
      String reason = matched == null ? "not yet" : matched.reason.apply(subject);
      if (matched != null && matched.kind == Kind.SUCCESS) {
        listener.onPoll(new PollEvent<>(description, attempt, elapsed, value, null, PollEvent.Outcome.SUCCESS,
            reason, null));
        return value;
      }
      if (matched != null && matched.kind == Kind.FAILURE) {
        listener.onPoll(new PollEvent<>(description, attempt, elapsed, value, null, PollEvent.Outcome.FAILURE,
            reason, null));
        throw new WaitFailedException("Waiting for " + description + " failed: " + reason, value, attempt, elapsed,
            null);
      }
      Duration remaining = options.maxWait().minus(elapsed);
      if (attempt >= options.maxAttempts() || remaining.isNegative() || remaining.isZero()) {
        listener.onPoll(new PollEvent<>(description, attempt, elapsed, value, error, PollEvent.Outcome.TIMEOUT,
            reason, null));
        throw new WaitTimeoutException("Gave up waiting for " + description + " after " + attempt
            + (attempt == 1 ? " poll" : " polls") + " in " + human(elapsed) + " (limit "
            + limits() + "); last seen: " + describe(last, lastError), last, attempt, elapsed, lastError);
      }
      Duration delay = options.delayAfter(attempt);
      if (delay.compareTo(remaining) > 0) {
        delay = remaining;
      }
      listener.onPoll(new PollEvent<>(description, attempt, elapsed, value, error, PollEvent.Outcome.RETRY, reason,
          delay));
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CloudifyInterruptedException("Interrupted while waiting for " + description, e);
      }
    }
  }

  private void checkCancelled(int attempt, Instant start, T last) {
    if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
      throw new CloudifyInterruptedException("Cancelled while waiting for " + description + " (after "
          + (attempt - 1) + " polls in " + human(Duration.between(start, clock.instant())) + ")", null);
    }
  }

  private Rule<T> matchValue(T value) {
    for (Rule<T> rule : rules) {
      if (rule.onValue != null && rule.onValue.test(value)) {
        return rule;
      }
    }
    return null;
  }

  private Rule<T> matchError(RuntimeException e) {
    for (Rule<T> rule : rules) {
      if (rule.onError != null && rule.onError.test(e)) {
        return rule;
      }
    }
    return null;
  }

  private String limits() {
    return human(options.maxWait())
        + (options.maxAttempts() == Integer.MAX_VALUE ? "" : ", " + options.maxAttempts() + " polls");
  }

  private static String describe(Object last, RuntimeException lastError) {
    if (last != null) {
      return String.valueOf(last);
    }
    return lastError == null ? "nothing" : lastError.getClass().getSimpleName() + ": " + lastError.getMessage();
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    long s = d.getSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
  }
}
