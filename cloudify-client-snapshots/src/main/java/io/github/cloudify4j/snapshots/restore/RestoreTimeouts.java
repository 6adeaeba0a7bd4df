package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;

/**
 * How long each waiting step of a {@link RestoreOrchestrator} may take, and the whole run. Each wait is bounded by
 * its own limit and by what is left of {@link #overall()}, whichever ends first. The restart window is the longest
 * the manager may stay unreachable (connection refused, 502/503/504, no answer) while the restore is followed; a
 * legacy restore stops the REST service for as long as the database restore takes.
 */
public final class RestoreTimeouts {
  private static final RestoreTimeouts DEFAULTS = builder().build();

  private final Duration overall;
  private final Duration maintenance;
  private final Duration restoreExecution;
  private final Duration restartWindow;
  private final Duration health;
  private final Duration pollReadTimeout;

  private RestoreTimeouts(Builder b) {
    overall = b.overall;
    maintenance = b.maintenance;
    restoreExecution = b.restoreExecution;
    restartWindow = b.restartWindow;
    health = b.health;
    pollReadTimeout = b.pollReadTimeout;
  }

  /**
   * Overall 6 h; maintenance 30 min; restore execution 4 h; restart window 30 min; health 10 min; poll read 30 s.
   */
  public static RestoreTimeouts defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the {@link #defaults()}: set only the limits your manager needs changed. */
  public static Builder builder() {
    return new Builder();
  }

  /** The whole run, upload excluded (an upload is bounded by lack of progress, not by time). */
  public Duration overall() {
    return overall;
  }

  /** AWAIT_MAINTENANCE: how long the executions still running may keep maintenance mode "activating". */
  public Duration maintenance() {
    return maintenance;
  }

  /**
   * FOLLOW_RESTORE: how long the {@code restore_snapshot} execution may run until it is over (services restart
   * included). Bounded here, on the client: the manager's own {@code timeout} parameter of the restore request
   * ({@code RestoreOptions.workflowTimeout}) is not enforced by current managers.
   */
  public Duration restoreExecution() {
    return restoreExecution;
  }

  /** The longest the manager may stay unreachable in one stretch while the restore is followed. */
  public Duration restartWindow() {
    return restartWindow;
  }

  /** CHECK_HEALTH (and REAUTHENTICATE's wait for an answer): how long until {@code /status} says OK. */
  public Duration health() {
    return health;
  }

  /** The read timeout of each poll, so that a hanging manager counts as unreachable instead of blocking. */
  public Duration pollReadTimeout() {
    return pollReadTimeout;
  }

  /** Builds {@link RestoreTimeouts}; every limit must be positive. */
  public static final class Builder {
    private Duration overall = Duration.ofHours(6);
    private Duration maintenance = Duration.ofMinutes(30);
    private Duration restoreExecution = Duration.ofHours(4);
    private Duration restartWindow = Duration.ofMinutes(30);
    private Duration health = Duration.ofMinutes(10);
    private Duration pollReadTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The whole run, upload excluded (an upload is bounded by lack of progress, not by time). */
    public Builder overall(Duration overall) {
      this.overall = Arguments.requirePositive(overall, "overall");
      return this;
    }

    /** How long maintenance mode may stay "activating" (executions still running) before the run gives up. */
    public Builder maintenance(Duration maintenance) {
      this.maintenance = Arguments.requirePositive(maintenance, "maintenance");
      return this;
    }

    /**
     * How long the restore execution may run until it is over; a big legacy database restore can take hours.
     * (Renamed from {@code restore(Duration)}: it bounds the restore execution, not the whole restore.)
     */
    public Builder restoreExecution(Duration restoreExecution) {
      this.restoreExecution = Arguments.requirePositive(restoreExecution, "restoreExecution");
      return this;
    }

    /** The longest the manager may stay unreachable in one stretch while its services restart. */
    public Builder restartWindow(Duration restartWindow) {
      this.restartWindow = Arguments.requirePositive(restartWindow, "restartWindow");
      return this;
    }

    /** How long the manager may take to report itself healthy after the restore. */
    public Builder health(Duration health) {
      this.health = Arguments.requirePositive(health, "health");
      return this;
    }

    /** The read timeout of each poll, so that a hanging manager counts as unreachable instead of blocking. */
    public Builder pollReadTimeout(Duration pollReadTimeout) {
      this.pollReadTimeout = Arguments.requirePositive(pollReadTimeout, "pollReadTimeout");
      return this;
    }

    /** The timeouts. */
    public RestoreTimeouts build() {
      return new RestoreTimeouts(this);
    }
  }

  @Override
  public String toString() {
    return "RestoreTimeouts{overall=" + overall + ", maintenance=" + maintenance + ", restoreExecution="
        + restoreExecution + ", restartWindow=" + restartWindow + ", health=" + health + ", pollReadTimeout="
        + pollReadTimeout + "}";
  }
}
