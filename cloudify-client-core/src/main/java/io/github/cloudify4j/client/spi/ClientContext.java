package io.github.cloudify4j.client.spi;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.client.internal.InternalAccess;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.poll.Poller;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * What a resource module gets from a client ({@link #of(CloudifyClient)}).
 *
 * <p>{@link #create(Class)} binds a Retrofit interface to the client's transport: paths are relative to
 * {@code <manager>/api/v3.1/}, a {@code @Tag CallOptions} parameter carries the options in force
 * ({@link #callOptions(RequestOptions)}), and methods return values directly (or {@code Response<T>}, or a
 * {@code @Streaming ResponseBody}) with every failure already mapped to the typed exceptions. Credentials, tenant,
 * retries, failover and logging apply as for core's own calls: there is one request path, and every call of
 * every module takes it.
 */
@InternalApi
public interface ClientContext {

  /**
   * The context of {@code client}: how cloudify4j's resource modules (snapshots) reach its transport. Replaces
   * {@code CloudifyClient.context()}, which made this SPI part of every user's API; this package is exported
   * only to cloudify4j's own modules.
   */
  static ClientContext of(CloudifyClient client) {
    return InternalAccess.context(client);
  }

  /**
   * The Retrofit interface bound to the client's one request path. Every method must take a
   * {@code @Tag CallOptions} parameter (pass {@link #callOptions(RequestOptions)}) and return the value itself,
   * {@code Response<T>}, or with {@code @Streaming} an open {@code ResponseBody}; a {@code Call<T>} return type is
   * refused when the interface is bound. The instance is shared by every view of the client: binding is cheap,
   * and so is a view.
   */
  <T> T create(Class<T> retrofitInterface);

  /**
   * What a Retrofit method's {@code @Tag} must carry: this context's default options (those of the client view it
   * came from, see {@code CloudifyClient.withOptions}) with {@code options} laid over them. Call it with the
   * caller's per-call options, or {@link RequestOptions#none()}, for every request.
   */
  CallOptions callOptions(RequestOptions options);

  /** The JSON configuration the client reads and writes with. */
  ObjectMapper objectMapper();

  /** Waits with the client's clock and sleeper, so that tests on virtual time never sleep. */
  Poller poller();

  /** The client's clock: what a module measures durations with (a download's, a restore's). */
  Clock clock();

  /** The client's sleeper: how a module pauses between its own attempts (never {@code Thread.sleep}). */
  Sleeper sleeper();

  /** The server version, fetched once per client and cached. */
  ServerVersion serverVersion();

  /** The client's default per-call options. */
  RequestOptions defaults();

  /**
   * The retry policy of this client's calls (its default options' policy, else the client's): for a module that
   * repeats work itself, such as resuming a download, so that it waits as the user configured.
   */
  RetryPolicy retryPolicy();

  /** The manager nodes, in the order configured. */
  List<URI> managers();

  /** The node that answered last. */
  URI currentManager();
}
