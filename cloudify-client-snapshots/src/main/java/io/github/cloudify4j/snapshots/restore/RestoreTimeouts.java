package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;

/**
 * How long each waiting step may take. The restart window is the longest the manager may stay unreachable
 * (connection refused, 502/503/504, no answer) while the restore follows it; a legacy restore stops the REST
 * service for as long as the database restore takes.
 */
public final class RestoreTimeouts {
  private static final RestoreTimeouts DEFAULTS = builder().build();

  private final Duration overall;
  private final Duration maintenance;
  private final Duration restore;
  private final Duration restartWindow;
  private final Duration health;
  private final Duration pollReadTimeout;

  private RestoreTimeouts(Builder b) {
    overall = b.overall;
    maintenance = b.maintenance;
    restore = b.restore;
    restartWindow = b.restartWindow;
    health = b.health;
    pollReadTimeout = b.pollReadTimeout;
  }

  /** Overall 6 h; maintenance 30 min; restore 4 h; restart window 30 min; health 10 min; poll read 30 s. */
  public static RestoreTimeouts defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration overall() {
    return overall;
  }

  public Duration maintenance() {
    return maintenance;
  }

  public Duration restore() {
    return restore;
  }

  public Duration restartWindow() {
    return restartWindow;
  }

  public Duration health() {
    return health;
  }

  public Duration pollReadTimeout() {
    return pollReadTimeout;
  }

  /** Builds {@link RestoreTimeouts}. */
  public static final class Builder {
    private Duration overall = Duration.ofHours(6);
    private Duration maintenance = Duration.ofMinutes(30);
    private Duration restore = Duration.ofHours(4);
    private Duration restartWindow = Duration.ofMinutes(30);
    private Duration health = Duration.ofMinutes(10);
    private Duration pollReadTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The whole run, upload excluded (an upload is bounded by lack of progress, not by time). */
    public Builder overall(Duration overall) {
      this.overall = Arguments.requirePositive(overall, "overall");
      return this;
    }

    public Builder maintenance(Duration maintenance) {
      this.maintenance = Arguments.requirePositive(maintenance, "maintenance");
      return this;
    }

    public Builder restore(Duration restore) {
      this.restore = Arguments.requirePositive(restore, "restore");
      return this;
    }

    public Builder restartWindow(Duration restartWindow) {
      this.restartWindow = Arguments.requirePositive(restartWindow, "restartWindow");
      return this;
    }

    public Builder health(Duration health) {
      this.health = Arguments.requirePositive(health, "health");
      return this;
    }

    /** The read timeout of each poll, so that a hanging manager counts as unreachable instead of blocking. */
    public Builder pollReadTimeout(Duration pollReadTimeout) {
      this.pollReadTimeout = Arguments.requirePositive(pollReadTimeout, "pollReadTimeout");
      return this;
    }

    public RestoreTimeouts build() {
      return new RestoreTimeouts(this);
    }
  }

  @Override
  public String toString() {
    return "RestoreTimeouts{overall=" + overall + ", maintenance=" + maintenance + ", restore=" + restore
        + ", restartWindow=" + restartWindow + ", health=" + health + ", pollReadTimeout=" + pollReadTimeout + "}";
  }
}
