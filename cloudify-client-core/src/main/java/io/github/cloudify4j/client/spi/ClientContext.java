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
   */
  static ClientContext of(CloudifyClient client) {
    return InternalAccess.context(client);
  }

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
   * @throws IllegalArgumentException for an empty segment, or {@code .} or {@code ..}
   */
  <T> T get(Class<T> type, RequestOptions options, String... pathSegments);

  /** The JSON configuration the client reads and writes with. */
  ObjectMapper objectMapper();

  Poller poller();

  Clock clock();

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
