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

  /** 30 minutes, unlimited attempts, delays 1 s ×1.5 up to 15 s, no jitter. */
  public static PollOptions defaults() {
    return DEFAULTS;
  }

  /** The defaults with another maximum wait. */
  public static PollOptions timeout(Duration maxWait) {
    return builder().maxWait(maxWait).build();
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts with every setting of this one. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The longest the wait may take before it gives up with a timeout. */
  public Duration maxWait() {
    return maxWait;
  }

  /** The most polls; {@link Integer#MAX_VALUE} for unlimited. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The delay after the first poll. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The longest delay between two polls. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** How much each delay grows over the one before (at least 1). */
  public double multiplier() {
    return multiplier;
  }

  /** The random spread of each delay, 0 (none) to 1 (±100 %). */
  public double jitter() {
    return jitter;
  }

  /** The delay after poll number {@code attempt} (1-based). */
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

    /** The longest the wait may take (default 30 minutes). */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Arguments.requirePositive(maxWait, "maxWait");
      return this;
    }

    /** The most polls (default unlimited). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Arguments.requireRange(maxAttempts, 1, Integer.MAX_VALUE, "maxAttempts");
      return this;
    }

    /** The delay after the first poll (default 1 s). */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Arguments.requirePositive(initialDelay, "initialDelay");
      return this;
    }

    /** The longest delay between polls (default 15 s); not less than the initial delay. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Arguments.requirePositive(maxDelay, "maxDelay");
      return this;
    }

    /** A fixed delay between polls. */
    public Builder fixedDelay(Duration delay) {
      this.initialDelay = Arguments.requirePositive(delay, "delay");
      this.maxDelay = delay;
      this.multiplier = 1.0;
      return this;
    }

    /** How much each delay grows (default 1.5; at least 1). */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** The random spread of each delay, 0..1 (default 0), so that many waiters do not poll in step. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** The options; refuses a maximum delay below the initial delay. */
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
