package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for one call, layered over the client's own: every option left unset falls back to the client.
 *
 * <pre>{@code
 * RequestOptions sysAdmin = RequestOptions.builder().bypassMaintenance(true).build();
 * Execution restore = client.executions().get(restoreId, sysAdmin); // readable in maintenance mode
 * }</pre>
 *
 * <p>Two ways to apply them, with the same effect on the wire: as the last argument of a resource method (every
 * method that sends a request has such an overload), for one call; or as the defaults of a client view,
 * {@link CloudifyClient#withOptions(RequestOptions)}, for every call made through it. A view is cheap (it shares
 * the client's connections and request machinery), and per-call options given to a view's methods are laid over
 * the view's defaults.
 *
 * <p>The timeouts pair with the client's {@link Timeouts}: {@link #callTimeout()} overrides {@link Timeouts#call()}
 * for one call, {@link #readTimeout()} overrides {@link Timeouts#read()}, {@link #writeTimeout()} overrides
 * {@link Timeouts#write()}. A waiter's overall deadline is not among them: it is {@code PollOptions.maxWait}.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Duration callTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final RetryPolicy retryPolicy;
  private final Boolean bypassMaintenance;
  private final Boolean authenticate;
  private final String tenant;
  private final URI node;
  private final Map<String, String> headers;

  private RequestOptions(Builder b) {
    this.callTimeout = b.callTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.retryPolicy = b.retryPolicy;
    this.bypassMaintenance = b.bypassMaintenance;
    this.authenticate = b.authenticate;
    this.tenant = b.tenant;
    this.node = b.node;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /**
   * No per-call option: the client's settings apply.
   *
   * @return the empty options, one shared instance
   */
  public static RequestOptions none() {
    return NONE;
  }

  /** {@return a builder with no option set: set only what should differ from the client for this call} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options, to derive others from them (a view's defaults plus one more header)} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The call timeout: how long one call may take from start to end, whatever it is doing. It covers connecting,
   * sending, waiting, every retry and its back-off, failover to other nodes, and reading the answer (for a
   * streamed archive download, the whole transfer). Overrides {@link Timeouts#call()} for this call. Empty: the
   * client's applies (by default none, since an archive transfer may rightly take hours).
   *
   * @return the call timeout, or empty for the client's
   */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /**
   * The read timeout: how long a socket read may wait for the next byte (inactivity, not total time). Overrides
   * {@link Timeouts#read()} for this call; raise it for an endpoint the manager is slow to answer.
   *
   * @return the read timeout, or empty for the client's
   */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /** {@return the write timeout: how long a socket write may stall (inactivity). Overrides {@link Timeouts#write()}} */
  public Optional<Duration> writeTimeout() {
    return Optional.ofNullable(writeTimeout);
  }

  /**
   * How this call is repeated after a failure that may be temporary, instead of the client's
   * {@link CloudifyClient.Builder#retryPolicy(RetryPolicy) policy}: e.g. {@link RetryPolicy#none()} for a probe that
   * must fail fast.
   *
   * @return the policy, or empty for the client's
   */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /**
   * Whether {@code X-BYPASS-MAINTENANCE} is sent. The manager honours it for sys-admins only; it lets a restore
   * orchestrator read the restore execution while maintenance mode blocks {@code /executions}.
   *
   * @return whether to bypass, or empty for the client's
   */
  public Optional<Boolean> bypassMaintenance() {
    return Optional.ofNullable(bypassMaintenance);
  }

  /** {@return whether credentials are sent (true unless set to false, e.g. for {@code /snapshot-status})} */
  public Optional<Boolean> authenticate() {
    return Optional.ofNullable(authenticate);
  }

  /** {@return the {@code Tenant} header for this call, overriding the client's} */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }

  /**
   * Sends the call to this manager node only, without failover. The node must be one of the client's managers.
   *
   * @return the pinned node, or empty to let the client choose
   */
  public Optional<URI> node() {
    return Optional.ofNullable(node);
  }

  /**
   * Extra request headers.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * These options, with every option set in {@code overrides} replacing this one and its headers added (a header
   * of the same name replaced). How per-call options are laid over a view's defaults.
   *
   * @param overrides the options that win where they are set
   * @return new options: {@code overrides}' settings where set, these elsewhere
   */
  public RequestOptions overriddenBy(RequestOptions overrides) {
    requireNonNull(overrides, "overrides == null");
    if (overrides == NONE || overrides.equals(NONE)) {
      return this;
    }
    if (this == NONE || this.equals(NONE)) {
      return overrides;
    }
    Builder b = toBuilder();
    if (overrides.callTimeout != null) b.callTimeout = overrides.callTimeout;
    if (overrides.readTimeout != null) b.readTimeout = overrides.readTimeout;
    if (overrides.writeTimeout != null) b.writeTimeout = overrides.writeTimeout;
    if (overrides.retryPolicy != null) b.retryPolicy = overrides.retryPolicy;
    if (overrides.bypassMaintenance != null) b.bypassMaintenance = overrides.bypassMaintenance;
    if (overrides.authenticate != null) b.authenticate = overrides.authenticate;
    if (overrides.tenant != null) b.tenant = overrides.tenant;
    if (overrides.node != null) b.node = overrides.node;
    b.headers.putAll(overrides.headers);
    return b.build();
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration callTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private RetryPolicy retryPolicy;
    private Boolean bypassMaintenance;
    private Boolean authenticate;
    private String tenant;
    private URI node;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    private Builder(RequestOptions o) {
      callTimeout = o.callTimeout;
      readTimeout = o.readTimeout;
      writeTimeout = o.writeTimeout;
      retryPolicy = o.retryPolicy;
      bypassMaintenance = o.bypassMaintenance;
      authenticate = o.authenticate;
      tenant = o.tenant;
      node = o.node;
      headers.putAll(o.headers);
    }

    /**
     * Bounds the whole call, retries, failover and reading the answer included (see
     * {@link RequestOptions#callTimeout()}). When it runs out the call fails with a
     * {@link io.github.cloudify4j.client.errors.CloudifyTransportException} saying so.
     *
     * @param callTimeout a positive duration
     * @return the call timeout, or empty for the client's
     * @throws IllegalArgumentException if not positive
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Timeouts.positive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * How long a socket read may wait for data in this call (see {@link RequestOptions#readTimeout()}).
     *
     * @param readTimeout a positive duration
     * @return the read timeout, or empty for the client's
     * @throws IllegalArgumentException if not positive
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Timeouts.positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * How long a socket write may stall in this call (see {@link RequestOptions#writeTimeout()}).
     *
     * @param writeTimeout a positive duration
     * @return the write timeout, or empty for the client's
     * @throws IllegalArgumentException if not positive
     */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = Timeouts.positive(writeTimeout, "writeTimeout");
      return this;
    }

    /**
     * The retry policy of this call, replacing the client's (see {@link RequestOptions#retryPolicy()}).
     *
     * @param retryPolicy the policy of this call
     * @return the policy, or empty for the client's
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Sends {@code X-BYPASS-MAINTENANCE: true} when true. Only a sys-admin's call gets through maintenance mode
     * with it; use it for what must work during a restore (reading the restore execution), not routinely.
     *
     * @param bypassMaintenance true to send {@code X-BYPASS-MAINTENANCE: true}
     * @return whether to bypass, or empty for the client's
     */
    public Builder bypassMaintenance(boolean bypassMaintenance) {
      this.bypassMaintenance = bypassMaintenance;
      return this;
    }

    /**
     * False sends neither credentials nor {@code Tenant}: for the endpoints that need none
     * ({@code /snapshot-status}), whose answers must not depend on credentials a restore is replacing.
     *
     * @param authenticate false to send no credentials
     * @return whether credentials are sent, or empty for the client's
     */
    public Builder authenticate(boolean authenticate) {
      this.authenticate = authenticate;
      return this;
    }

    /**
     * The {@code Tenant} header for this call, instead of the client's: reads of another tenant's resources
     * without a second client.
     *
     * @param tenant the tenant's name
     * @return the tenant, or empty for the client's
     * @throws IllegalArgumentException if blank, longer than 256 characters or not printable ASCII
     */
    public Builder tenant(String tenant) {
      this.tenant = CloudifyClient.validTenant(tenant, "tenant");
      return this;
    }

    /**
     * Sends this call to {@code node} alone, with no failover: in a cluster, what happens on one node (a restore
     * on the node being restored) must be asked of that node. It must be one of the client's managers, which is
     * checked when the call is made (for a view's defaults, when the view is made).
     *
     * @param node the node's base URL, one of the client's managers
     * @return the pinned node, or empty to let the client choose
     * @throws IllegalArgumentException if {@code node} is not an absolute http(s) URL without user info
     */
    public Builder node(URI node) {
      this.node = CloudifyClient.validManagerUri(node, "node");
      return this;
    }

    /**
     * Adds a header. Authentication headers cannot be set this way: use {@link Credentials}.
     *
     * <p>HTTP/1.1 header values are ASCII: the value must hold only visible ASCII characters, spaces and tabs.
     * Anything else is refused here, before anything is sent, with a message that names the header and the
     * position but never quotes the value (a header may carry a secret; OkHttp's own check would quote it).
     * Encode other text first (for example percent- or Base64-encoding).
     *
     * @param name the header's name
     * @param value the header's value (kept out of logs and {@code toString()} when it is a credential)
     * @return this builder
     * @throws IllegalArgumentException when the name is not a valid header name, the value holds a non-ASCII or
     *     control character, or the name is an authentication header
     */
    public Builder header(String name, String value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
        throw new IllegalArgumentException("name is not a valid header name: " + printableName(name));
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
          continue;
        }
        throw new IllegalArgumentException("value of header " + name + " contains a "
            + (c < 0x20 || c == 0x7f ? "control" : "non-ASCII") + " character at index " + i
            + "; header values must be visible ASCII, spaces or tabs (the value is not shown)");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("authorization") || lower.equals("authentication-token")
          || lower.equals("execution-token") || lower.equals("cookie")) {
        throw new IllegalArgumentException("name " + name + " is an authentication header; use Credentials");
      }
      headers.put(name, value);
      return this;
    }

    /** {@return the options; the builder may be reused} */
    public RequestOptions build() {
      return new RequestOptions(this);
    }

    /** A rejected header name, with anything unprintable escaped (it goes into a message). */
    private static String printableName(String name) {
      StringBuilder sb = new StringBuilder("\"");
      for (int i = 0; i < name.length() && i < 100; i++) {
        char c = name.charAt(i);
        sb.append(c > 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
      }
      return sb.append(name.length() > 100 ? "…\"" : "\"").toString();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RequestOptions)) {
      return false;
    }
    RequestOptions r = (RequestOptions) o;
    return Objects.equals(callTimeout, r.callTimeout) && Objects.equals(readTimeout, r.readTimeout)
        && Objects.equals(writeTimeout, r.writeTimeout) && Objects.equals(retryPolicy, r.retryPolicy)
        && Objects.equals(bypassMaintenance, r.bypassMaintenance) && Objects.equals(authenticate, r.authenticate)
        && Objects.equals(tenant, r.tenant) && Objects.equals(node, r.node) && headers.equals(r.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(callTimeout, readTimeout, writeTimeout, retryPolicy, bypassMaintenance, authenticate, tenant,
        node, headers);
  }

  @Override
  public String toString() {
    return "RequestOptions{callTimeout=" + callTimeout + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout
        + ", retryPolicy=" + retryPolicy + ", bypassMaintenance=" + bypassMaintenance
        + ", authenticate=" + authenticate + ", tenant=" + tenant + ", node=" + node
        + ", headers=" + headers.keySet() + "}";
  }
}
