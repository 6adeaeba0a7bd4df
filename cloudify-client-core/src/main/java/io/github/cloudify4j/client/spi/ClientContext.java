package io.github.cloudify4j.client.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.poll.Poller;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * What a resource module gets from a client ({@code client.context()}).
 *
 * <p>{@link #create(Class)} binds a Retrofit interface to the client's transport: paths are relative to
 * {@code <manager>/api/v3.1/}, a {@code @Tag RequestOptions} parameter carries per-call options, and methods
 * return values directly (or {@code Response<T>}, or a {@code @Streaming ResponseBody}) with every failure already
 * mapped to the typed exceptions. Credentials, tenant, retries, failover and logging apply as for core's own
 * calls.
 */
public interface ClientContext {

  <T> T create(Class<T> retrofitInterface);

  /** The JSON configuration the client reads and writes with. */
  ObjectMapper objectMapper();

  Poller poller();

  Clock clock();

  Sleeper sleeper();

  /** The server version, fetched once per client and cached. */
  ServerVersion serverVersion();

  /** The client's default per-call options. */
  RequestOptions defaults();

  /** The manager nodes, in the order configured. */
  List<URI> managers();

  /** The node that answered last. */
  URI currentManager();
}
