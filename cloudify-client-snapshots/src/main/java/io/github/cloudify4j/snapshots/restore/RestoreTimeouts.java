package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;
import java.util.Objects;

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
   *
   * @return the default limits, one shared instance
   */
  public static RestoreTimeouts defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the {@link #defaults()}: set only the limits your manager needs changed.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these limits, to change some and keep the others ({@code
   * timeouts.toBuilder().restoreExecution(Duration.ofHours(8)).build()}); this object does not change.
   *
   * @return a new builder holding these limits
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.overall = overall;
    b.maintenance = maintenance;
    b.restoreExecution = restoreExecution;
    b.restartWindow = restartWindow;
    b.health = health;
    b.pollReadTimeout = pollReadTimeout;
    return b;
  }

  /**
   * The whole run, upload excluded (an upload is bounded by lack of progress, not by time).
   *
   * @return the limit of the run (default 6 h)
   */
  public Duration overall() {
    return overall;
  }

  /**
   * AWAIT_MAINTENANCE: how long the executions still running may keep maintenance mode "activating".
   *
   * @return the limit of that wait (default 30 min)
   */
  public Duration maintenance() {
    return maintenance;
  }

  /**
   * FOLLOW_RESTORE: how long the {@code restore_snapshot} execution may run until it is over (services restart
   * included). Bounded here, on the client: the manager's own {@code timeout} parameter of the restore request
   * ({@code RestoreOptions.workflowTimeout}) is not enforced by current managers.
   *
   * @return the limit of that wait (default 4 h)
   */
  public Duration restoreExecution() {
    return restoreExecution;
  }

  /**
   * The longest the manager may stay unreachable in one stretch while the restore is followed.
   *
   * @return the restart window (default 30 min)
   */
  public Duration restartWindow() {
    return restartWindow;
  }

  /**
   * CHECK_HEALTH (and REAUTHENTICATE's wait for an answer): how long until {@code /status} says OK.
   *
   * @return the limit of that wait (default 10 min)
   */
  public Duration health() {
    return health;
  }

  /**
   * The read timeout of each poll, so that a hanging manager counts as unreachable instead of blocking.
   *
   * @return the read timeout of one poll (default 30 s)
   */
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

    /**
     * The whole run, upload excluded (an upload is bounded by lack of progress, not by time). Every wait also ends
     * when this is used up.
     *
     * @param overall a positive duration (default 6 h)
     * @return this builder
     * @throws IllegalArgumentException when it is null, zero or negative
     */
    public Builder overall(Duration overall) {
      this.overall = Arguments.requirePositive(overall, "overall");
      return this;
    }

    /**
     * How long maintenance mode may stay "activating" (executions still running) before the run gives up.
     *
     * @param maintenance a positive duration (default 30 min)
     * @return this builder
     * @throws IllegalArgumentException when it is null, zero or negative
     */
    public Builder maintenance(Duration maintenance) {
      this.maintenance = Arguments.requirePositive(maintenance, "maintenance");
      return this;
    }

    /**
     * How long the restore execution may run until it is over; a big legacy database restore can take hours.
     * (Renamed from {@code restore(Duration)}: it bounds the restore execution, not the whole restore.)
     *
     * @param restoreExecution a positive duration (default 4 h)
     * @return this builder
     * @throws IllegalArgumentException when it is null, zero or negative
     */
    public Builder restoreExecution(Duration restoreExecution) {
      this.restoreExecution = Arguments.requirePositive(restoreExecution, "restoreExecution");
      return this;
    }

    /**
     * The longest the manager may stay unreachable in one stretch while its services restart; a legacy restore
     * stops the REST service for as long as its database restore takes.
     *
     * @param restartWindow a positive duration (default 30 min)
     * @return this builder
     * @throws IllegalArgumentException when it is null, zero or negative
     */
    public Builder restartWindow(Duration restartWindow) {
      this.restartWindow = Arguments.requirePositive(restartWindow, "restartWindow");
      return this;
    }

    /**
     * How long the manager may take to report itself healthy after the restore.
     *
     * @param health a positive duration (default 10 min)
     * @return this builder
     * @throws IllegalArgumentException when it is null, zero or negative
     */
    public Builder health(Duration health) {
      this.health = Arguments.requirePositive(health, "health");
      return this;
    }

    /**
     * The read timeout of each poll, so that a hanging manager counts as unreachable instead of blocking.
     *
     * @param pollReadTimeout a positive duration (default 30 s)
     * @return this builder
     * @throws IllegalArgumentException when it is null, zero or negative
     */
    public Builder pollReadTimeout(Duration pollReadTimeout) {
      this.pollReadTimeout = Arguments.requirePositive(pollReadTimeout, "pollReadTimeout");
      return this;
    }

    /**
     * The timeouts; the builder can be changed and built again without changing them.
     *
     * @return the limits set here, the defaults for the others
     */
    public RestoreTimeouts build() {
      return new RestoreTimeouts(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RestoreTimeouts)) {
      return false;
    }
    RestoreTimeouts t = (RestoreTimeouts) o;
    return overall.equals(t.overall) && maintenance.equals(t.maintenance)
        && restoreExecution.equals(t.restoreExecution) && restartWindow.equals(t.restartWindow)
        && health.equals(t.health) && pollReadTimeout.equals(t.pollReadTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(overall, maintenance, restoreExecution, restartWindow, health, pollReadTimeout);
  }

  @Override
  public String toString() {
    return "RestoreTimeouts{overall=" + overall + ", maintenance=" + maintenance + ", restoreExecution="
        + restoreExecution + ", restartWindow=" + restartWindow + ", health=" + health + ", pollReadTimeout="
        + pollReadTimeout + "}";
  }
}
