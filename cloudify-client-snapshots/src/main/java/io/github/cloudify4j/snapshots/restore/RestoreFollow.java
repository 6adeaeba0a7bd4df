package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ForbiddenException;
import io.github.cloudify4j.client.errors.MaintenanceModeException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.errors.UnauthorizedException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.snapshots.RestoreStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The state machine of FOLLOW_RESTORE: combines {@code /snapshot-status} and the restore execution, times the
 * manager's unreachability while it restarts its services, and decides when the restore is really over — never
 * trusting a "not running" read from before the restore began. One instance per follow; {@link #probe()} is the
 * waiter's poll and {@link #isOver} its success rule.
 */
final class RestoreFollow {
  /** How long "not running" must hold, for a restore never seen running, before it is taken as over. */
  static final Duration START_GRACE = Duration.ofMinutes(2);
  private static final RequestOptions SYS_ADMIN = RequestOptions.builder().bypassMaintenance(true).build();

  private final boolean statusEndpoint;
  private final Snapshots pollSnapshots;
  private final CloudifyClient poll;
  private final String executionId;
  private final Duration restartWindow;
  private final Instant restoreRequestedAt;
  private final Supplier<Instant> clock;
  private boolean sawRunning;
  private boolean executionStarted;
  private Instant lastReachable;
  private Instant notRunningSince;

  /**
   * @param statusEndpoint whether the manager has {@code /snapshot-status} (5.0.5+)
   * @param resumed whether the restore was found running (then it counts as seen running)
   * @param executionId the restore execution, or null when it could not be read
   * @param restoreRequestedAt when the restore was asked for, or null
   */
  RestoreFollow(boolean statusEndpoint, boolean resumed, Snapshots pollSnapshots, CloudifyClient poll,
      String executionId, Duration restartWindow, Instant restoreRequestedAt, Supplier<Instant> clock) {
    this.statusEndpoint = statusEndpoint;
    this.sawRunning = resumed;
    this.pollSnapshots = pollSnapshots;
    this.poll = poll;
    this.executionId = executionId;
    this.restartWindow = restartWindow;
    this.restoreRequestedAt = restoreRequestedAt;
    this.clock = clock;
    this.lastReachable = clock.get();
  }

  private Instant clock() {
    return clock.get();
  }

  static final class State {
    RestoreStatus status;
    Execution execution;
    String executionNote;
    String unreachable;
    boolean unconfirmedStart;

    String describe() {
      StringBuilder sb = new StringBuilder();
      if (unreachable != null) {
        sb.append(unreachable);
      } else {
        sb.append("snapshot-status ").append(status == null ? "-" : status.state().name()
            .toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      if (execution != null) {
        sb.append(", execution ").append(execution.status());
      } else if (executionNote != null) {
        sb.append(", execution ").append(executionNote);
      }
      return sb.toString();
    }
  }

  State probe() {
    State s = new State();
    boolean reachable = false;
    String failure = null;
    if (statusEndpoint) {
      try {
        s.status = pollSnapshots.restoreStatus();
        reachable = true;
      } catch (CloudifyTransportException | ServerUnavailableException e) {
        failure = e.getMessage();
      } catch (CloudifyInvalidResponseException e) {
        reachable = true; // something answered, but not the status: this poll proves nothing either way
      }
    }
    if (executionId != null) {
      try {
        s.execution = poll.executions().get(executionId, SYS_ADMIN);
        reachable = true;
      } catch (CloudifyTransportException | ServerUnavailableException e) {
        failure = failure == null ? e.getMessage() : failure;
      } catch (UnauthorizedException | ForbiddenException | NotFoundException | MaintenanceModeException e) {
        reachable = true;
        s.executionNote = "unreadable (" + e.statusCode() + ")";
      }
    }
    Instant now = clock();
    if (reachable) {
      lastReachable = now;
    } else {
      Duration down = Duration.between(lastReachable, now);
      s.unreachable = "manager unreachable for " + RestoreText.human(down) + " (" + failure + ")";
      if (down.compareTo(restartWindow) > 0) {
        throw new RestartWindowExceeded("The manager has been unreachable for " + RestoreText.human(down)
            + ", longer than the restart window allowed (" + RestoreText.human(restartWindow) + "). The restore may"
            + " still be running on the manager; check /snapshot-status before acting. Last error: " + failure);
      }
    }
    if (s.status != null && s.status.isRunning()) {
      sawRunning = true;
    }
    if (s.execution != null && !s.execution.status().equals(ExecutionStatus.PENDING)
        && !s.execution.status().isWaiting()) {
      executionStarted = true;
    }
    if (s.status != null && s.status.isNotRunning()) {
      if (notRunningSince == null) {
        notRunningSince = now;
      }
    } else if (s.status != null) {
      notRunningSince = null;
    }
    return s;
  }

  boolean isOver(State s) {
    boolean executionDone = s.execution != null && s.execution.isTerminal();
    boolean executionUnknown = s.execution == null;
    if (!statusEndpoint) {
      return executionDone;
    }
    if (s.status == null || !s.status.isNotRunning()) {
      return false;
    }
    if (sawRunning || executionStarted) {
      return executionDone || executionUnknown;
    }
    // Never seen running: only an unreadable execution plus a long "not running" lets us conclude.
    if (executionUnknown && restoreRequestedAt != null && notRunningSince != null
        && Duration.between(restoreRequestedAt, clock()).compareTo(START_GRACE) >= 0
        && Duration.between(notRunningSince, clock()).compareTo(START_GRACE) >= 0) {
      s.unconfirmedStart = true;
      return true;
    }
    return false;
  }

  /** The manager stayed unreachable longer than the caller allowed. */
  static final class RestartWindowExceeded extends CloudifyException {
    private static final long serialVersionUID = 1L;

    RestartWindowExceeded(String message) {
      super(message);
    }
  }
}
