package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Sleeper;
import java.time.Clock;

/** What the interceptor chain needs to know about its client. Immutable. */
@InternalApi
public final class ClientConfig {
  private final ManagerNodes nodes;
  private final String[] authHeader;
  private final String tenant;
  private final String userAgent;
  private final RetryPolicy retryPolicy;
  private final RequestOptions defaults;
  private final Clock clock;
  private final Sleeper sleeper;
  private final long maxResponseBytes;
  private final RequestObserver observer;
  /** The {@code ObservationRegistry}, as an Object so that no Micrometer type is linked without one; or null. */
  private final Object observationRegistry;

  /** The most bytes of one JSON answer a client reads unless told otherwise (after decompression): 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** {@code authHeader}: {@code {name, value}} of the credentials' header, or null to send none. */
  public ClientConfig(ManagerNodes nodes, String[] authHeader, String tenant, String userAgent,
      RetryPolicy retryPolicy, RequestOptions defaults, Clock clock, Sleeper sleeper) {
    this(nodes, authHeader, tenant, userAgent, retryPolicy, defaults, clock, sleeper, DEFAULT_MAX_RESPONSE_BYTES,
        RequestObserver.NOOP, null);
  }

  private ClientConfig(ManagerNodes nodes, String[] authHeader, String tenant, String userAgent,
      RetryPolicy retryPolicy, RequestOptions defaults, Clock clock, Sleeper sleeper, long maxResponseBytes,
      RequestObserver observer, Object observationRegistry) {
    this.maxResponseBytes = maxResponseBytes;
    this.observer = observer;
    this.observationRegistry = observationRegistry;
    this.nodes = nodes;
    this.authHeader = authHeader == null ? null : authHeader.clone();
    this.tenant = tenant;
    this.userAgent = userAgent;
    this.retryPolicy = retryPolicy;
    this.defaults = defaults;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public ClientConfig withDefaults(RequestOptions newDefaults) {
    return new ClientConfig(nodes, authHeader, tenant, userAgent, retryPolicy, newDefaults, clock, sleeper,
        maxResponseBytes, observer, observationRegistry);
  }

  /**
   * This configuration with an observer of its requests, and the registry it reports to (an {@code
   * ObservationRegistry} held as an Object, for the modules built on core; null for none).
   */
  public ClientConfig withObservation(RequestObserver newObserver, Object registry) {
    return new ClientConfig(nodes, authHeader, tenant, userAgent, retryPolicy, defaults, clock, sleeper,
        maxResponseBytes, newObserver, registry);
  }

  /** What watches the requests: {@link RequestObserver#NOOP} unless a registry was given. */
  public RequestObserver observer() {
    return observer;
  }

  /** The {@code ObservationRegistry} the client was given, or null: an Object so that Micrometer stays optional. */
  public Object observationRegistry() {
    return observationRegistry;
  }

  /** This configuration with another limit on the size of a JSON answer. */
  public ClientConfig withMaxResponseBytes(long limit) {
    return new ClientConfig(nodes, authHeader, tenant, userAgent, retryPolicy, defaults, clock, sleeper, limit,
        observer, observationRegistry);
  }

  /** The most bytes of one JSON answer the client reads, counted after decompression. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public ManagerNodes nodes() {
    return nodes;
  }

  /** Name of the credentials' header ({@code Authorization} or {@code Authentication-Token}), or null. */
  String authHeaderName() {
    return authHeader == null ? null : authHeader[0];
  }

  /** Its value: a secret, never to be logged. */
  String authHeaderValue() {
    return authHeader == null ? null : authHeader[1];
  }

  public String tenant() {
    return tenant;
  }

  public String userAgent() {
    return userAgent;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public RequestOptions defaults() {
    return defaults;
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }
}
