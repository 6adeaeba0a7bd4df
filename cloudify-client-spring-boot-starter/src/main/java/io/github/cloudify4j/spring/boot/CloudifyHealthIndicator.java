package io.github.cloudify4j.spring.boot;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.snapshots.RestoreStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The manager's health as the application sees it, under {@code /actuator/health/cloudify}.
 *
 * <p>One check makes up to three calls, in this order, together bounded by {@code cloudify.health.timeout}
 * (default 3 s; each call gets what is left as its call timeout, and none is retried), so a slow or hanging
 * manager makes the check DOWN instead of blocking the health endpoint:
 * <ol>
 *   <li>{@code GET /maintenance-mode}: {@code activated} or {@code activating} is <b>OUT_OF_SERVICE</b>: the
 *       manager is there but refuses work on purpose (an upgrade, a restore); the check stops there apart from
 *       asking, best effort, whether a restore is running.</li>
 *   <li>{@code GET /snapshot-status}: a restore running is <b>OUT_OF_SERVICE</b> (the manager's data is being
 *       replaced).</li>
 *   <li>{@code GET /status}: {@code OK} is <b>UP</b>; anything else is <b>DOWN</b>, with the services that are not
 *       running.</li>
 * </ol>
 * Any failure (no connection, a timeout, a 5xx, a 401 from wrong credentials) is <b>DOWN</b> with the error's type
 * and message. Details never hold credentials: the client's messages are masked, and the only other details are
 * states and service names.
 */
public final class CloudifyHealthIndicator implements HealthIndicator {
  private final CloudifyClient client;
  private final Snapshots snapshots;
  private final Duration timeout;

  /**
   * An indicator for the client's manager.
   *
   * @param client the client
   * @param timeout the bound of one whole check; positive
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public CloudifyHealthIndicator(CloudifyClient client, Duration timeout) {
    this.client = requireNonNull(client, "client == null");
    this.snapshots = Snapshots.of(client);
    this.timeout = requireNonNull(timeout, "timeout == null");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("cloudify.health.timeout must be positive: " + timeout);
    }
  }

  /**
   * Checks the manager; see the class description for the mapping.
   *
   * @return UP, OUT_OF_SERVICE or DOWN, with details
   */
  @Override
  public Health health() {
    long deadline = System.nanoTime() + timeout.toNanos();
    Health.Builder health = new Health.Builder().withDetail("managers",
        client.managers().stream().map(Object::toString).collect(Collectors.toList()));
    try {
      MaintenanceStatus maintenance = client.maintenance().status(options(deadline, false));
      health.withDetail("maintenance", maintenance.status().toString());
      if (maintenance.isActivated() || maintenance.isActivating()) {
        try {
          RestoreStatus restore = snapshots.restoreStatus(options(deadline, true));
          health.withDetail("restore", restoreDetail(restore));
        } catch (CloudifyException e) {
          health.withDetail("restore", "unknown");
        }
        return health.outOfService().build();
      }
      RestoreStatus restore = snapshots.restoreStatus(options(deadline, false));
      health.withDetail("restore", restoreDetail(restore));
      if (restore.isRunning()) {
        return health.outOfService().build();
      }
      ManagerStatus status = client.manager().status(options(deadline, false));
      health.withDetail("status", status.status());
      if (status.isHealthy()) {
        return health.up().build();
      }
      List<String> failing = status.services().entrySet().stream()
          .filter(e -> !e.getValue().isActive())
          .map(Map.Entry::getKey)
          .sorted()
          .collect(Collectors.toList());
      return health.down().withDetail("failingServices", failing).build();
    } catch (DeadlinePassed e) {
      return health.down().withDetail("error", "no answer within " + timeout).build();
    } catch (CloudifyException e) {
      return health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
  }

  private static String restoreDetail(RestoreStatus restore) {
    return restore.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private RequestOptions options(long deadline, boolean bypassMaintenance) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new DeadlinePassed();
    }
    RequestOptions.Builder b = RequestOptions.builder()
        .callTimeout(Duration.ofNanos(left))
        .retryPolicy(RetryPolicy.none());
    if (bypassMaintenance) {
      b.bypassMaintenance(true);
    }
    return b.build();
  }

  /** The check's time is up before its next call. */
  private static final class DeadlinePassed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlinePassed() {
      super(null, null, false, false);
    }
  }

  @Override
  public String toString() {
    return "CloudifyHealthIndicator{managers=" + client.managers() + ", timeout=" + timeout + "}";
  }
}
