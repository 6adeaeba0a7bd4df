package io.github.cloudify4j.client.maintenance;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.NotModifiedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.internal.CoreApi;
import io.github.cloudify4j.client.internal.InternalAccess;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.RemainingExecution;
import io.github.cloudify4j.client.poll.PollListener;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.poll.Poller;
import io.github.cloudify4j.client.spi.ClientContext;
import java.util.stream.Collectors;
import retrofit2.Response;

/**
 * Maintenance mode ({@code /maintenance}). Activation is a two-step affair: the manager goes to
 * {@code activating} while executions remain (queued and scheduled ones included) and becomes {@code activated}
 * only once none is left — lazily, on the next request. A restore must not start before {@code activated}:
 * {@link #waitUntilActivated(PollOptions, PollListener)} waits for it and says what it is waiting for.
 */
public final class MaintenanceMode {
  private final ClientContext context;
  private final CoreApi api;
  private final Poller poller;

  static {
    InternalAccess.maintenance(MaintenanceMode::new);
  }

  /** Made by the client ({@code client.maintenance()}); not constructible by applications. */
  private MaintenanceMode(ClientContext context) {
    this.context = requireNonNull(context, "context == null");
    this.api = context.create(CoreApi.class);
    this.poller = context.poller();
  }

  /**
   * {@code GET /maintenance}. Also moves an {@code activating} manager with no execution left to activated.
   *
   * @return the mode and, while activating, the executions it waits for
   * @throws io.github.cloudify4j.client.errors.CloudifyException when the call fails
   */
  public MaintenanceStatus status() {
    return status(RequestOptions.none());
  }

  /**
   * {@link #status()} with per-call options. Mind {@code bypassMaintenance}: a manager moves from
   * {@code activating} to {@code activated} only on a request that does not bypass maintenance mode, so a status
   * read with the bypass may stay {@code activating}.
   *
   * @param options per-call options (a pinned node, a call timeout)
   * @return the mode and, while activating, the executions it waits for
   * @throws NullPointerException when {@code options} is null
   */
  public MaintenanceStatus status(RequestOptions options) {
    requireNonNull(options, "options == null");
    return api.maintenance(context.callOptions(options));
  }

  /**
   * {@code POST /maintenance/activate}. Already active or activating (the server's 304) is not an error:
   * {@link MaintenanceChange#changed()} is false and the current status is read.
   *
   * @return whether this call changed the mode, and the status afterwards (usually {@code activating})
   */
  public MaintenanceChange activate() {
    return activate(RequestOptions.none());
  }

  /**
   * {@link #activate()} with per-call options (a pinned node, a call timeout).
   *
   * @param options per-call options
   * @return whether this call changed the mode, and the status afterwards
   * @throws NullPointerException when {@code options} is null
   */
  public MaintenanceChange activate(RequestOptions options) {
    return change("activate", options);
  }

  /**
   * {@code POST /maintenance/deactivate}; already deactivated (304) gives {@code changed() == false}.
   *
   * @return whether this call changed the mode, and the status afterwards
   */
  public MaintenanceChange deactivate() {
    return deactivate(RequestOptions.none());
  }

  /**
   * {@link #deactivate()} with per-call options.
   *
   * @param options per-call options
   * @return whether this call changed the mode, and the status afterwards
   * @throws NullPointerException when {@code options} is null
   */
  public MaintenanceChange deactivate(RequestOptions options) {
    return change("deactivate", options);
  }

  private MaintenanceChange change(String action, RequestOptions options) {
    requireNonNull(options, "options == null");
    try {
      Response<MaintenanceStatus> response = api.maintenanceAction(action, context.callOptions(options));
      MaintenanceStatus status = response.body();
      if (status == null) {
        throw new CloudifyInvalidResponseException("The manager sent no maintenance status",
            response.code(), "POST", response.raw().request().url().toString(), null);
      }
      return new MaintenanceChange(true, status);
    } catch (NotModifiedException alreadySo) {
      return new MaintenanceChange(false, status(options));
    }
  }

  /**
   * Polls {@code GET /maintenance} until the status is {@code activated}. Each poll's status (with the remaining
   * executions) goes to the listener.
   *
   * @param options how long and how often to poll
   * @param listener told about each poll
   * @return the status once {@code activated}
   * @throws WaitTimeoutException naming the executions still running when time runs out; the manager stays
   *     {@code activating} (deactivate to give up)
   */
  public MaintenanceStatus waitUntilActivated(PollOptions options, PollListener<MaintenanceStatus> listener) {
    return waitUntilActivated(options, RequestOptions.none(), listener);
  }

  /**
   * {@link #waitUntilActivated(PollOptions, PollListener)} with per-call options for every poll (a pinned node in
   * a cluster, a call timeout per poll). The polls never send {@code X-BYPASS-MAINTENANCE}, whatever
   * {@code requestOptions} or the client view say: the manager flips {@code activating} to {@code activated} only
   * on a request without it (corpus seq 163), so a bypassing wait would wait for someone else's request.
   *
   * @param options how long and how often to poll
   * @param requestOptions per-call options of each poll (its bypass is ignored)
   * @param listener told about each poll
   * @return the status once {@code activated}
   * @throws WaitTimeoutException naming the executions still running when time runs out
   */
  public MaintenanceStatus waitUntilActivated(PollOptions options, RequestOptions requestOptions,
      PollListener<MaintenanceStatus> listener) {
    requireNonNull(options, "options == null");
    requireNonNull(requestOptions, "requestOptions == null");
    requireNonNull(listener, "listener == null");
    RequestOptions polls = requestOptions.toBuilder().bypassMaintenance(false).build();
    try {
      return poller.until("maintenance mode to be activated", () -> status(polls))
          .succeedWhen(MaintenanceStatus::isActivated, "activated")
          .failWhen(MaintenanceStatus::isDeactivated, s -> "maintenance mode is deactivated (someone turned it off)")
          .retryWhen(MaintenanceStatus::isActivating, "activating")
          .options(options)
          .listener(listener)
          .await();
    } catch (WaitTimeoutException e) {
      MaintenanceStatus last = e.lastObserved(MaintenanceStatus.class).orElse(null);
      String remaining = last == null || last.remainingExecutions().isEmpty() ? "none reported"
          : last.remainingExecutions().stream().map(MaintenanceMode::describe).collect(Collectors.joining(", "));
      throw new WaitTimeoutException("Maintenance mode is still " + (last == null ? "unknown" : last.status())
          + " after " + e.attempts() + " polls; executions still running: " + remaining
          + ". The manager keeps entering maintenance mode in the background: cancel those executions, wait"
          + " longer, or deactivate.", last, e.attempts(), e.elapsed(), e.getCause());
    }
  }

  /**
   * {@link #waitUntilActivated(PollOptions, PollListener)} without a listener.
   *
   * @param options how long and how often to poll
   * @return the status once {@code activated}
   * @throws WaitTimeoutException naming the executions still running when time runs out
   */
  public MaintenanceStatus waitUntilActivated(PollOptions options) {
    return waitUntilActivated(options, PollListener.none());
  }

  private static String describe(RemainingExecution e) {
    return e.id() + " (" + e.workflowId().orElse("?") + e.deploymentId().map(d -> " on " + d).orElse("")
        + ", " + e.status() + ")";
  }
}
