package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When and how a failed request is sent again.
 *
 * <p>By default only safe requests ({@code GET}, {@code HEAD}) are retried, on connection failures and on
 * 502/503/504 answers, with exponential backoff and jitter, bounded both by {@link #maxAttempts()} and by
 * {@link #maxElapsed()}. A {@code Retry-After} header is honoured, clamped to {@link #maxRetryAfter()}.
 *
 * <p>Two things are never retried: a 503 whose {@code error_code} says the manager is in (or entering)
 * maintenance mode — that is a state to act on, not a blip — and a request whose body cannot be replayed (an
 * upload from an {@code InputStream}). Creating a snapshot or starting a restore is not idempotent, so it is only
 * retried when the caller asks for it with {@link Builder#retryNonIdempotent(boolean)}.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxElapsed;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryStatuses;
  private final boolean retryNonIdempotent;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxElapsed = b.maxElapsed;
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryStatuses));
    this.retryNonIdempotent = b.retryNonIdempotent;
  }

  /**
   * 4 attempts, backoff 500 ms ×2 up to 10 s with 20 % jitter, at most 2 minutes in all, on 502/503/504.
   *
   * @return the default policy, one shared instance
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a single attempt} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder that starts from {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with every setting of this policy} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Attempts in all, the first included; 1 disables retries.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the delay before the second attempt, before jitter} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the longest delay between two attempts, before jitter} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return how much each delay grows over the one before (at least 1)} */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Fraction (0..1) of each delay that is randomised, so that many clients do not retry in lockstep.
   *
   * @return the fraction, 0..1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * No retry starts once this much time has passed since the first attempt.
   *
   * @return the time budget of all attempts
   */
  public Duration maxElapsed() {
    return maxElapsed;
  }

  /** {@return the longest {@code Retry-After} honoured; a longer one is clamped to it} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** {@return the HTTP statuses that are retried, sorted} */
  public Set<Integer> retryStatuses() {
    return retryStatuses;
  }

  /** {@return whether PUT, POST, PATCH and DELETE are retried too} */
  public boolean retryNonIdempotent() {
    return retryNonIdempotent;
  }

  /**
   * The delay before attempt {@code attempt + 1}, for {@code attempt >= 1}, before jitter.
   *
   * @param attempt the attempt that failed, from 1
   * @return the delay before the next attempt, jitter not included
   */
  public Duration backoff(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private Duration maxElapsed = Duration.ofMinutes(2);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Set<Integer> retryStatuses = new TreeSet<>(java.util.Arrays.asList(502, 503, 504));
    private boolean retryNonIdempotent;

    private Builder() {}

    private Builder(RetryPolicy p) {
      maxAttempts = p.maxAttempts;
      initialBackoff = p.initialBackoff;
      maxBackoff = p.maxBackoff;
      multiplier = p.multiplier;
      jitter = p.jitter;
      maxElapsed = p.maxElapsed;
      maxRetryAfter = p.maxRetryAfter;
      retryStatuses = new TreeSet<>(p.retryStatuses);
      retryNonIdempotent = p.retryNonIdempotent;
    }

    /**
     * Attempts in all, the first included, 1..1000 (default 4); 1 disables retries.
     *
     * @param maxAttempts 1..1000
     * @return at least 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 1000) {
        throw new IllegalArgumentException("maxAttempts must be within 1..1000: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The delay before the second attempt (default 500 ms).
     *
     * @param initialBackoff a positive duration
     * @return the first delay
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Timeouts.positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The longest delay between attempts (default 10 s); not less than the initial backoff.
     *
     * @param maxBackoff a positive duration
     * @return the longest delay
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Timeouts.positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * How much each delay grows (default 2; at least 1).
     *
     * @param multiplier at least 1
     * @return the growth factor, at least 1
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The random spread of each delay, 0..1 (default 0.2), so that clients do not retry in step.
     *
     * @param jitter 0..1
     * @return the fraction, 0..1
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The most time all attempts may take together (default 2 minutes).
     *
     * @param maxElapsed a positive duration
     * @return the time budget of all attempts
     */
    public Builder maxElapsed(Duration maxElapsed) {
      this.maxElapsed = Timeouts.positive(maxElapsed, "maxElapsed");
      return this;
    }

    /**
     * The longest {@code Retry-After} honoured (default 60 s); a longer one is clamped to it.
     *
     * @param maxRetryAfter a positive duration
     * @return the longest {@code Retry-After} honoured
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      requireNonNull(maxRetryAfter, "maxRetryAfter == null");
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * HTTP statuses that are retried (default 502, 503, 504).
     *
     * @param statuses HTTP statuses (100..599)
     * @return the statuses, unmodifiable
     */
    public Builder retryStatuses(Set<Integer> statuses) {
      requireNonNull(statuses, "statuses == null");
      for (Integer s : statuses) {
        if (s == null || s < 400 || s > 599) {
          throw new IllegalArgumentException("statuses must be HTTP error statuses (400..599): " + s);
        }
      }
      this.retryStatuses = new TreeSet<>(statuses);
      return this;
    }

    /**
     * Also retry non-idempotent requests (PUT, POST, PATCH, DELETE). Only for calls where the caller has made a
     * repeat harmless; bodies that cannot be replayed are still never sent twice.
     *
     * @param retryNonIdempotent true to retry them too; default false
     * @return whether POST, PATCH and other non-idempotent calls are retried
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /** {@return the policy; refuses a maximum backoff below the initial backoff} */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must be >= initialBackoff");
      }
      return new RetryPolicy(this);
    }
  }

  /** Equal when every setting is equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy other = (RetryPolicy) o;
    return maxAttempts == other.maxAttempts
        && Objects.equals(initialBackoff, other.initialBackoff)
        && Objects.equals(maxBackoff, other.maxBackoff)
        && multiplier == other.multiplier
        && jitter == other.jitter
        && Objects.equals(maxElapsed, other.maxElapsed)
        && Objects.equals(maxRetryAfter, other.maxRetryAfter)
        && Objects.equals(retryStatuses, other.retryStatuses)
        && retryNonIdempotent == other.retryNonIdempotent;
  }

  /** A hash of every setting, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxElapsed, maxRetryAfter, retryStatuses, retryNonIdempotent);
  }

  /** The settings, for logs. */
  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter
        + ", maxElapsed=" + maxElapsed + ", maxRetryAfter=" + maxRetryAfter
        + ", retryStatuses=" + retryStatuses + ", retryNonIdempotent=" + retryNonIdempotent + "}";
  }
}
