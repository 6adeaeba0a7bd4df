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
   *
   * @param client an open client
   * @return its context, sharing its transport, configuration and caches
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
   *
   * @param <T> the interface type
   * @param retrofitInterface a Retrofit service interface
   * @return its implementation; cheap to keep and thread-safe
   */
  <T> T create(Class<T> retrofitInterface);

  /**
   * What a Retrofit method's {@code @Tag} must carry: this context's default options (those of the client view it
   * came from, see {@code CloudifyClient.withOptions}) with {@code options} laid over them. Call it with the
   * caller's per-call options, or {@link RequestOptions#none()}, for every request.
   *
   * @param options the call's own options, or {@link RequestOptions#none()}
   * @return the options to pass as the method's {@code @Tag}
   */
  CallOptions callOptions(RequestOptions options);

  /**
   * The JSON configuration the client reads and writes with: unknown fields ignored, {@code java.time} and
   * {@code Optional} support. Do not reconfigure it; it is shared.
   *
   * @return the client's mapper
   */
  ObjectMapper objectMapper();

  /**
   * Starts waits on the client's clock and sleeper, so a test's virtual clock drives a module's waits too.
   *
   * @return the client's poller
   */
  Poller poller();

  /**
   * The client's clock (injectable, virtual in tests); use it, not the system clock, for anything timed.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * The client's sleeper (injectable); library code never calls {@code Thread.sleep}.
   *
   * @return the sleeper
   */
  Sleeper sleeper();

  /**
   * The server version, fetched once per client and cached: for a module that must choose between API shapes
   * of different manager versions.
   *
   * @return the manager's version
   */
  ServerVersion serverVersion();

  /**
   * The client's default per-call options.
   *
   * @return the defaults every call starts from
   */
  RequestOptions defaults();

  /**
   * The retry policy of this client's calls (its default options' policy, else the client's): for a module that
   * repeats work itself, such as resuming a download, so that it waits as the user configured.
   *
   * @return the effective retry policy
   */
  RetryPolicy retryPolicy();

  /**
   * The manager nodes, in the order configured.
   *
   * @return the node base URLs, unmodifiable, at least one
   */
  List<URI> managers();

  /**
   * The node that answered last: the one failover will try first for the next call.
   *
   * @return one of {@link #managers()}
   */

  URI currentManager();

  /**
   * The Micrometer {@code ObservationRegistry} the client was given ({@code
   * CloudifyClient.Builder.observationRegistry}), or null. Typed {@code Object} on purpose: Micrometer is
   * optional, and a module tests for null before it hands the value to a class that names Micrometer types, so a
   * class path without Micrometer never loads one.
   *
   * @return the registry, or null when the client observes nothing
   */
  default Object observationRegistry() {
    return null;
  }
}
