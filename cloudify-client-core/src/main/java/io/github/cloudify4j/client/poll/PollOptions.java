package io.github.cloudify4j.client.poll;

import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long and how often a wait polls: at most {@link #maxWait()} and {@link #maxAttempts()}, with delays growing
 * from {@link #initialDelay()} by {@link #multiplier()} up to {@link #maxDelay()}.
 */
public final class PollOptions {
  private static final PollOptions DEFAULTS = new Builder().build();

  private final Duration maxWait;
  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;

  private PollOptions(Builder b) {
    this.maxWait = b.maxWait;
    this.maxAttempts = b.maxAttempts;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
  }

  /**
   * 30 minutes, unlimited attempts, delays 1 s ×1.5 up to 15 s, no jitter: long enough for a snapshot of a
   * busy manager, gentle enough on it (a poll every 15 s once the wait is long).
   *
   * @return the shared default options
   */
  public static PollOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults with another maximum wait.
   *
   * @param maxWait how long to wait at most, positive
   * @return new options
   * @throws IllegalArgumentException if {@code maxWait} is zero or negative
   * @throws NullPointerException if {@code maxWait} is null
   */
  public static PollOptions timeout(Duration maxWait) {
    return builder().maxWait(maxWait).build();
  }

  /**
   * A builder starting from the defaults ({@link #defaults()}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these options, to change one of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The longest a wait lasts; the last sleep is cut so that it ends on time.
   *
   * @return a positive duration; default 30 minutes
   */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * The most polls a wait makes.
   *
   * @return 1 or more; default {@link Integer#MAX_VALUE} (no limit but {@link #maxWait()})
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The delay after the first poll.
   *
   * @return a positive duration; default 1 second
   */
  public Duration initialDelay() {
    return initialDelay;
  }

  /**
   * The longest delay between two polls, however many were made.
   *
   * @return a positive duration, at least {@link #initialDelay()}; default 15 seconds
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * How much each delay grows over the previous one.
   *
   * @return 1 or more (1 is a fixed delay); default 1.5
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * How much each delay varies at random, as a fraction of it, so that many clients do not poll in step.
   *
   * @return 0 to 1 (0.2 means ±20 %); default 0
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The delay after poll number {@code attempt}: {@code initialDelay × multiplier^(attempt-1)}, capped at
   * {@link #maxDelay()}, then varied by {@link #jitter()}.
   *
   * @param attempt the poll just made, 1-based (values below 1 count as 1)
   * @return the delay, at least 1 ms
   */
  public Duration delayAfter(int attempt) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    long capped = (long) Math.min(millis, maxDelay.toMillis());
    if (jitter > 0) {
      capped = (long) (capped * (1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1)));
    }
    return Duration.ofMillis(Math.max(1, capped));
  }

  /** Builds {@link PollOptions}. */
  public static final class Builder {
    private Duration maxWait = Duration.ofMinutes(30);
    private int maxAttempts = Integer.MAX_VALUE;
    private Duration initialDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(15);
    private double multiplier = 1.5;
    private double jitter;

    private Builder() {}

    private Builder(PollOptions o) {
      maxWait = o.maxWait;
      maxAttempts = o.maxAttempts;
      initialDelay = o.initialDelay;
      maxDelay = o.maxDelay;
      multiplier = o.multiplier;
      jitter = o.jitter;
    }

    /**
     * The longest a wait lasts.
     *
     * @param maxWait a positive duration; default 30 minutes
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     * @throws NullPointerException if null
     */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Arguments.requirePositive(maxWait, "maxWait");
      return this;
    }

    /**
     * The most polls a wait makes, whatever time is left; 1 polls once and never sleeps.
     *
     * @param maxAttempts 1 or more; default {@link Integer#MAX_VALUE} (no limit)
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Arguments.requireRange(maxAttempts, 1, Integer.MAX_VALUE, "maxAttempts");
      return this;
    }

    /**
     * The delay after the first poll; later delays grow from it by {@link #multiplier(double)}.
     *
     * @param initialDelay a positive duration, at most {@link #maxDelay(Duration)} (checked by {@link #build()});
     *     default 1 second
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     * @throws NullPointerException if null
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Arguments.requirePositive(initialDelay, "initialDelay");
      return this;
    }

    /**
     * The longest delay between two polls: bounds how late a wait notices the change it waits for.
     *
     * @param maxDelay a positive duration, at least the initial delay (checked by {@link #build()}); default 15
     *     seconds
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     * @throws NullPointerException if null
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Arguments.requirePositive(maxDelay, "maxDelay");
      return this;
    }

    /**
     * A fixed delay between polls: sets the initial and maximum delay to {@code delay} and the multiplier to 1.
     *
     * @param delay a positive duration
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     * @throws NullPointerException if null
     */
    public Builder fixedDelay(Duration delay) {
      this.initialDelay = Arguments.requirePositive(delay, "delay");
      this.maxDelay = delay;
      this.multiplier = 1.0;
      return this;
    }

    /**
     * How much each delay grows over the previous one, up to the maximum delay.
     *
     * @param multiplier 1 or more, finite (1 is a fixed delay); default 1.5
     * @return this builder
     * @throws IllegalArgumentException if below 1, infinite or NaN
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * How much each delay varies at random, as a fraction of it: spreads the polls of many clients that started
     * together.
     *
     * @param jitter 0 to 1 (0.2 means each delay is between 80 % and 120 % of its value); default 0
     * @return this builder
     * @throws IllegalArgumentException if outside 0..1 or NaN
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The options.
     *
     * @return new, immutable options
     * @throws IllegalArgumentException if the maximum delay is below the initial delay
     */
    public PollOptions build() {

      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("maxDelay must be >= initialDelay");
      }
      return new PollOptions(this);
    }
  }

  /** Equal when every setting is equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PollOptions)) {
      return false;
    }
    PollOptions other = (PollOptions) o;
    return Objects.equals(maxWait, other.maxWait)
        && maxAttempts == other.maxAttempts
        && Objects.equals(initialDelay, other.initialDelay)
        && Objects.equals(maxDelay, other.maxDelay)
        && multiplier == other.multiplier
        && jitter == other.jitter;
  }

  /** A hash of every setting, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(maxWait, maxAttempts, initialDelay, maxDelay, multiplier, jitter);
  }

  /** The options, for logs. */
  @Override
  public String toString() {
    return "PollOptions{maxWait=" + maxWait + ", maxAttempts="
        + (maxAttempts == Integer.MAX_VALUE ? "unlimited" : String.valueOf(maxAttempts))
        + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay + ", multiplier=" + multiplier
        + ", jitter=" + jitter + "}";
  }
}
