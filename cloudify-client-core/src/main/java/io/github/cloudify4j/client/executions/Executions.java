package io.github.cloudify4j.client.executions;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.internal.CoreApi;
import io.github.cloudify4j.client.internal.InternalAccess;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.poll.PollListener;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.poll.Poller;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.AutoPager;
import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.client.spi.RelativeUrl;
import io.github.cloudify4j.client.spi.Secrets;
import java.util.Collections;
import java.util.stream.Stream;

/**
 * Executions ({@code /executions}). Note: while maintenance mode is {@code activated} the manager blocks every
 * {@code /executions} call (503 {@code maintenance_mode_active}) unless a sys-admin sends
 * {@code RequestOptions.builder().bypassMaintenance(true)}.
 */
public final class Executions {
  private static final int PAGE_SIZE = 1000;

  private final ClientContext context;
  private final CoreApi api;
  private final Poller poller;

  static {
    InternalAccess.executions(Executions::new);
  }

  /** Made by the client ({@code client.executions()}); not constructible by applications. */
  private Executions(ClientContext context) {
    this.context = requireNonNull(context, "context == null");
    this.api = context.create(CoreApi.class);
    this.poller = context.poller();
  }

  /**
   * {@code GET /executions/{id}}: the execution as the manager has it now.
   *
   * @param executionId the execution's id
   * @return the execution
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   * @throws io.github.cloudify4j.client.errors.NotFoundException when the manager has no such execution
   */
  public Execution get(String executionId) {
    return get(executionId, RequestOptions.none());
  }

  /**
   * {@link #get(String)} with per-call options: while maintenance mode is {@code activated} a sys-admin reads an
   * execution (a restore's) only with {@code bypassMaintenance(true)}.
   *
   * @param executionId the execution's id
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @return the execution
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   */
  public Execution get(String executionId, RequestOptions options) {
    Arguments.requireId(executionId, "executionId");
    requireNonNull(options, "options == null");
    return api.execution(executionId, context.callOptions(options));
  }

  /**
   * One page of {@code GET /executions}. System workflows are hidden unless the params include them.
   *
   * @param params filters, sort, page size and offset
   * @return the page, with the total the manager counted
   */
  public Page<Execution> list(ListParams params) {
    return list(params, RequestOptions.none());
  }

  /**
   * {@link #list(ListParams)} with per-call options.
   *
   * @param params filters, sort, page size and offset
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @return the page, with the total the manager counted
   */
  public Page<Execution> list(ListParams params, RequestOptions options) {
    requireNonNull(params, "params == null");
    requireNonNull(options, "options == null");
    return api.executions(RelativeUrl.list("executions", params, null, null), context.callOptions(options));
  }

  /**
   * Every matching execution, fetched page by page as the stream is consumed (pages of the params' size, or 1000).
   *
   * @param params filters and sort; the size is the page size, the offset where to start
   * @return a lazy stream: a page is asked for only when the previous one is used up
   */
  public Stream<Execution> listAll(ListParams params) {
    return listAll(params, RequestOptions.none());
  }

  /**
   * {@link #listAll(ListParams)} with per-call options, applied to every page's request.
   *
   * @param params filters and sort; the size is the page size, the offset where to start
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @return a lazy stream: a page is asked for only when the previous one is used up
   */
  public Stream<Execution> listAll(ListParams params, RequestOptions options) {
    requireNonNull(params, "params == null");
    requireNonNull(options, "options == null");
    CallOptions call = context.callOptions(options);
    int size = params.size().filter(s -> s > 0).orElse(PAGE_SIZE);
    return AutoPager.<Execution>of((offset, pageSize) ->
        api.executions(RelativeUrl.list("executions", params, pageSize, offset), call), size,
        params.offset().orElse(0L)).stream();
  }

  /**
   * Asks the workflow to stop ({@code cancel}); the status becomes {@code cancelling}, then {@code cancelled}.
   *
   * @param executionId the execution's id
   * @return the execution as the action left it
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   */
  public Execution cancel(String executionId) {
    return cancel(executionId, RequestOptions.none());
  }

  /**
   * {@link #cancel(String)} with per-call options ({@code bypassMaintenance} during maintenance mode).
   *
   * @param executionId the execution's id
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @return the execution as the action left it
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   */
  public Execution cancel(String executionId, RequestOptions options) {
    return action(executionId, "cancel", options);
  }

  /**
   * {@code force-cancel}: stops without waiting for running operations.
   *
   * @param executionId the execution's id
   * @return the execution as the action left it
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   */
  public Execution forceCancel(String executionId) {
    return forceCancel(executionId, RequestOptions.none());
  }

  /**
   * {@link #forceCancel(String)} with per-call options.
   *
   * @param executionId the execution's id
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @return the execution as the action left it
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   */
  public Execution forceCancel(String executionId, RequestOptions options) {
    return action(executionId, "force-cancel", options);
  }

  /**
   * {@code kill}: kills the workflow's processes; the last resort for a stuck execution.
   *
   * @param executionId the execution's id
   * @return the execution as the action left it
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   */
  public Execution kill(String executionId) {
    return kill(executionId, RequestOptions.none());
  }

  /**
   * {@link #kill(String)} with per-call options: a restore refused by the manager leaves a {@code pending}
   * execution that only a sys-admin bypassing maintenance mode can kill.
   *
   * @param executionId the execution's id
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @return the execution as the action left it
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   */
  public Execution kill(String executionId, RequestOptions options) {
    return action(executionId, "kill", options);
  }

  /**
   * {@code POST /executions/{id}} with {@code {"action": ...}}: one of {@code cancel}, {@code force-cancel},
   * {@code kill}, {@code resume}, {@code force-resume}. Returns the execution as the action left it.
   *
   * @param executionId the execution's id
   * @param action the action's name, as the manager spells it
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @return the execution as the action left it
   * @throws IllegalArgumentException for another action or an invalid id, before anything is sent
   */
  public Execution action(String executionId, String action, RequestOptions options) {
    Arguments.requireId(executionId, "executionId");
    requireNonNull(action, "action == null");
    requireNonNull(options, "options == null");
    if (!action.equals("cancel") && !action.equals("force-cancel") && !action.equals("kill")
        && !action.equals("resume") && !action.equals("force-resume")) {
      throw new IllegalArgumentException("action must be cancel, force-cancel, kill, resume or force-resume: "
          + action);
    }
    return api.executionAction(executionId, Collections.singletonMap("action", action),
        context.callOptions(options));
  }

  /**
   * Polls {@code GET /executions/{id}} until the execution is terminal, whatever the outcome, and returns it.
   * {@code options} apply to every poll (each is one call: a call timeout bounds a poll, {@code pollOptions} the
   * wait).
   *
   * @param executionId the execution's id
   * @param pollOptions how long and how often to poll
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @param listener told about each poll
   * @return the execution once terminal ({@code terminated}, {@code failed} or {@code cancelled})
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   * @throws io.github.cloudify4j.client.errors.WaitTimeoutException when it is still running as time runs out
   */
  public Execution waitUntilEnded(String executionId, PollOptions pollOptions, RequestOptions options,
      PollListener<Execution> listener) {
    Arguments.requireId(executionId, "executionId");
    requireNonNull(pollOptions, "pollOptions == null");
    requireNonNull(options, "options == null");
    requireNonNull(listener, "listener == null");
    return poller.until("execution " + executionId + " to end", () -> get(executionId, options))
        .succeedWhen(Execution::isTerminal, "ended")
        .options(pollOptions)
        .listener(listener)
        .await();
  }

  /**
   * {@link #waitUntilEnded(String, PollOptions, RequestOptions, PollListener)} without options or listener.
   *
   * @param executionId the execution's id
   * @param pollOptions how long and how often to poll
   * @return the execution once terminal
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   * @throws io.github.cloudify4j.client.errors.WaitTimeoutException when it is still running as time runs out
   */
  public Execution waitUntilEnded(String executionId, PollOptions pollOptions) {
    return waitUntilEnded(executionId, pollOptions, RequestOptions.none(), PollListener.none());
  }

  /**
   * Polls until the execution is {@code terminated}; {@code failed} or {@code cancelled} end the wait with a
   * {@link io.github.cloudify4j.client.errors.WaitFailedException} carrying the execution's error, masked (a
   * snapshot workflow's error can quote its config, database password included); the listener's events carry
   * the same masked text. {@link io.github.cloudify4j.client.errors.WaitException#lastObserved(Class)} holds the
   * execution as the server sent it.
   *
   * @param executionId the execution's id
   * @param pollOptions how long and how often to poll
   * @param options per-call options (a pinned node, a call timeout, {@code bypassMaintenance})
   * @param listener told about each poll
   * @return the execution once {@code terminated}
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   * @throws io.github.cloudify4j.client.errors.WaitFailedException when it ended {@code failed} or {@code cancelled}
   * @throws io.github.cloudify4j.client.errors.WaitTimeoutException when it is still running as time runs out
   */
  public Execution waitUntilSucceeded(String executionId, PollOptions pollOptions, RequestOptions options,
      PollListener<Execution> listener) {
    Arguments.requireId(executionId, "executionId");
    requireNonNull(pollOptions, "pollOptions == null");
    requireNonNull(options, "options == null");
    requireNonNull(listener, "listener == null");
    return poller.until("execution " + executionId + " to succeed", () -> get(executionId, options))
        .succeedWhen(e -> e.status().isSuccess(), "terminated")
        .failWhen(Execution::isTerminal, e -> "execution " + e.id() + " (" + e.workflowId().orElse("?")
            + ") ended " + e.status() + (e.error().isEmpty() ? "" : ": " + Secrets.mask(e.error())))
        .options(pollOptions)
        .listener(listener)
        .await();
  }

  /**
   * {@link #waitUntilSucceeded(String, PollOptions, RequestOptions, PollListener)} without options or listener.
   *
   * @param executionId the execution's id
   * @param pollOptions how long and how often to poll
   * @return the execution once {@code terminated}
   * @throws IllegalArgumentException if {@code executionId} is not a valid id, before anything is sent
   * @throws io.github.cloudify4j.client.errors.WaitFailedException when it ended {@code failed} or {@code cancelled}
   * @throws io.github.cloudify4j.client.errors.WaitTimeoutException when it is still running as time runs out
   */
  public Execution waitUntilSucceeded(String executionId, PollOptions pollOptions) {
    return waitUntilSucceeded(executionId, pollOptions, RequestOptions.none(), PollListener.none());
  }
}
