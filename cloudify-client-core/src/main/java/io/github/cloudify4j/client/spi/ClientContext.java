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
 * {@code <manager>/api/v3.1/}, a {@code @Tag RequestOptions} parameter carries per-call options, and methods
 * return values directly (or {@code Response<T>}, or a {@code @Streaming ResponseBody}) with every failure already
 * mapped to the typed exceptions. Credentials, tenant, retries, failover and logging apply as for core's own
 * calls.
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
   * A Retrofit implementation of {@code retrofitInterface} bound to the client's transport (see the type's
   * description for the conventions its methods follow).
   *
   * @param <T> the interface type
   * @param retrofitInterface a Retrofit service interface
   * @return its implementation; cheap to keep and thread-safe
   */
  <T> T create(Class<T> retrofitInterface);

  /**
   * Reads one resource: {@code GET <manager>/api/v3.1/<segment>/<segment>...}, its JSON answer parsed into
   * {@code type}, through the same chain as the calls of {@link #create(Class)} (credentials, tenant, options,
   * retries, failover, logging, typed errors).
   *
   * <p>For the reads a waiter repeats ({@code GET /snapshots/{id}}, {@code /snapshot-status},
   * {@code /executions/{id}}, {@code /maintenance}): it builds the
   * request directly, where a Retrofit call spends about as much CPU again on resolving its URL template and
   * copying the body (benchmarks/README.md). Each segment is sent as one path segment, percent-encoded if needed.
   *
   * @param <T> the answer's type
   * @param type the class Jackson parses the answer into
   * @param options per-call options, merged over the client's defaults
   * @param pathSegments the path under {@code api/v3.1/}, one segment each (not encoded)
   * @return the parsed answer
   * @throws IllegalArgumentException for an empty segment, or {@code .} or {@code ..}
   */
  <T> T get(Class<T> type, RequestOptions options, String... pathSegments);

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
}
