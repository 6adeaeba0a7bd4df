package io.github.cloudify4j.client.poll;

import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;
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

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public Duration maxWait() {
    return maxWait;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialDelay() {
    return initialDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public double multiplier() {
    return multiplier;
  }

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

    public Builder maxWait(Duration maxWait) {
      this.maxWait = Arguments.requirePositive(maxWait, "maxWait");
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Arguments.requireRange(maxAttempts, 1, Integer.MAX_VALUE, "maxAttempts");
      return this;
    }

    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Arguments.requirePositive(initialDelay, "initialDelay");
      return this;
    }

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

    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    public PollOptions build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("maxDelay must be >= initialDelay");
      }
      return new PollOptions(this);
    }
  }

  @Override
  public String toString() {
    return "PollOptions{maxWait=" + maxWait + ", maxAttempts="
        + (maxAttempts == Integer.MAX_VALUE ? "unlimited" : String.valueOf(maxAttempts))
        + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay + ", multiplier=" + multiplier
        + ", jitter=" + jitter + "}";
  }
}
