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
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Duration timeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final RetryPolicy retryPolicy;
  private final Boolean bypassMaintenance;
  private final Boolean authenticate;
  private final String tenant;
  private final URI node;
  private final Map<String, String> headers;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.retryPolicy = b.retryPolicy;
    this.bypassMaintenance = b.bypassMaintenance;
    this.authenticate = b.authenticate;
    this.tenant = b.tenant;
    this.node = b.node;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /** No per-call option: the client's settings apply. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Bounds the whole call, retries and failover included. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  public Optional<Duration> writeTimeout() {
    return Optional.ofNullable(writeTimeout);
  }

  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /**
   * Whether {@code X-BYPASS-MAINTENANCE} is sent. The manager honours it for sys-admins only; it lets a restore
   * orchestrator read the restore execution while maintenance mode blocks {@code /executions}.
   */
  public Optional<Boolean> bypassMaintenance() {
    return Optional.ofNullable(bypassMaintenance);
  }

  /** Whether credentials are sent (true unless set to false, e.g. for {@code /snapshot-status}). */
  public Optional<Boolean> authenticate() {
    return Optional.ofNullable(authenticate);
  }

  /** The {@code Tenant} header for this call, overriding the client's. */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }

  /**
   * Sends the call to this manager node only, without failover. The node must be one of the client's managers.
   */
  public Optional<URI> node() {
    return Optional.ofNullable(node);
  }

  /** Extra request headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** These options, with every option set in {@code overrides} replacing this one. */
  public RequestOptions overriddenBy(RequestOptions overrides) {
    requireNonNull(overrides, "overrides == null");
    if (overrides == NONE) {
      return this;
    }
    Builder b = toBuilder();
    if (overrides.timeout != null) b.timeout = overrides.timeout;
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
    private Duration timeout;
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
      timeout = o.timeout;
      readTimeout = o.readTimeout;
      writeTimeout = o.writeTimeout;
      retryPolicy = o.retryPolicy;
      bypassMaintenance = o.bypassMaintenance;
      authenticate = o.authenticate;
      tenant = o.tenant;
      node = o.node;
      headers.putAll(o.headers);
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Timeouts.positive(timeout, "timeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Timeouts.positive(readTimeout, "readTimeout");
      return this;
    }

    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = Timeouts.positive(writeTimeout, "writeTimeout");
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    public Builder bypassMaintenance(boolean bypassMaintenance) {
      this.bypassMaintenance = bypassMaintenance;
      return this;
    }

    public Builder authenticate(boolean authenticate) {
      this.authenticate = authenticate;
      return this;
    }

    public Builder tenant(String tenant) {
      this.tenant = CloudifyClient.validTenant(tenant, "tenant");
      return this;
    }

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
    return Objects.equals(timeout, r.timeout) && Objects.equals(readTimeout, r.readTimeout)
        && Objects.equals(writeTimeout, r.writeTimeout) && Objects.equals(retryPolicy, r.retryPolicy)
        && Objects.equals(bypassMaintenance, r.bypassMaintenance) && Objects.equals(authenticate, r.authenticate)
        && Objects.equals(tenant, r.tenant) && Objects.equals(node, r.node) && headers.equals(r.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, readTimeout, writeTimeout, retryPolicy, bypassMaintenance, authenticate, tenant,
        node, headers);
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout
        + ", retryPolicy=" + retryPolicy + ", bypassMaintenance=" + bypassMaintenance
        + ", authenticate=" + authenticate + ", tenant=" + tenant + ", node=" + node
        + ", headers=" + headers.keySet() + "}";
  }
}
