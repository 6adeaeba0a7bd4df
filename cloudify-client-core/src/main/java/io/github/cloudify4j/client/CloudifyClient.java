package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.executions.Executions;
import io.github.cloudify4j.client.internal.BufferedSocketFactory;
import io.github.cloudify4j.client.internal.ClientConfig;
import io.github.cloudify4j.client.internal.InternalAccess;
import io.github.cloudify4j.client.internal.Json;
import io.github.cloudify4j.client.internal.ManagerNodes;
import io.github.cloudify4j.client.internal.Transport;
import io.github.cloudify4j.client.maintenance.MaintenanceMode;
import io.github.cloudify4j.client.manager.Manager;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.poll.Poller;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one Cloudify Manager, or of the manager nodes of one HA cluster.
 *
 * <pre>{@code
 * try (CloudifyClient client = CloudifyClient.builder()
 *     .manager("https://manager.example.com")
 *     .credentials(Credentials.basic("admin", password))
 *     .tenant("default_tenant")
 *     .tls(TlsConfig.trustPem(Path.of("/etc/cloudify/ca.pem")))
 *     .build()) {
 *   MaintenanceStatus status = client.maintenance().status();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per manager (or cluster) and share it. It owns a connection pool and a
 * few threads, released by {@link #close()}. {@link #withOptions(Consumer)} gives a view with other default
 * per-call options that shares them, and everything else: a view costs a few small objects, so making one per
 * call is fine.
 */
public final class CloudifyClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CloudifyClient.class);
  static final String DEFAULT_TENANT = "default_tenant";

  static {
    // For cloudify4j's own modules only (ClientContext.of, exported to them alone): not an API method.
    InternalAccess.contexts(client -> client.context);
  }

  private final Builder settings;
  private final ClientConfig config;
  private final Transport transport;
  private final ObjectMapper mapper;
  private final boolean root;
  private final AtomicBoolean closed;
  private final AtomicReference<ServerVersion> version;
  private final Poller poller;
  private final MaintenanceMode maintenance;
  private final Executions executions;
  private final Manager manager;
  private final ClientContext context;

  private CloudifyClient(Builder settings, ClientConfig config, Transport transport, ObjectMapper mapper,
      boolean root, AtomicBoolean closed, AtomicReference<ServerVersion> version) {
    this.settings = settings;
    this.config = config;
    this.transport = transport;
    this.mapper = mapper;
    this.root = root;
    this.closed = closed;
    this.version = version;
    this.poller = new Poller(config.clock(), config.sleeper());
    this.context = new Context();
    this.maintenance = InternalAccess.newMaintenanceMode(context);
    this.executions = InternalAccess.newExecutions(context);
    this.manager = InternalAccess.newManager(context, version);
  }

  /** {@return a builder: at least {@link Builder#manager(String)} (or {@link Builder#managers(List)}) is needed} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured like the {@code cfy} CLI from the environment: {@code CLOUDIFY_MANAGER_URL} (several
   * separated by commas for a cluster), {@code CLOUDIFY_USERNAME} and {@code CLOUDIFY_PASSWORD} or
   * {@code CLOUDIFY_TOKEN}, {@code CLOUDIFY_TENANT}, {@code CLOUDIFY_SSL_TRUST_ALL}, {@code LOCAL_REST_CERT_FILE}.
   *
   * @return a client configured from the {@code CLOUDIFY_*} environment variables
   */
  public static CloudifyClient fromEnv() {
    return builder().fromEnv(System.getenv()).build();
  }

  /**
   * Maintenance mode: status, activate, deactivate, wait until activated.
   *
   * @return the maintenance mode operations
   */
  public MaintenanceMode maintenance() {
    return maintenance;
  }

  /**
   * Executions: get, list, cancel, wait.
   *
   * @return the execution operations
   */
  public Executions executions() {
    return executions;
  }

  /** {@return the manager: version, status, cluster status, manager nodes} */
  public Manager manager() {
    return manager;
  }

  /**
   * Waits with this client's clock and sleeper.
   *
   * @return the poller of this client's waits
   */
  public Poller poller() {
    return poller;
  }

  /** {@return the manager nodes, in the order configured} */
  public List<URI> managers() {
    return Collections.unmodifiableList(settings.managers);
  }

  /** {@return the {@code Tenant} header every call sends unless its options name another} */
  public String tenant() {
    return settings.tenant;
  }

  /** {@return the credentials every call sends (their {@code toString()} shows no secret)} */
  public Credentials credentials() {
    return settings.credentials;
  }

  /**
   * A view of this client whose calls use these default options: this client's defaults changed by
   * {@code options}. Per-call options given to the view's methods are laid over them, so
   * {@code client.withOptions(o -> o.bypassMaintenance(true)).executions().get(id)} and
   * {@code client.executions().get(id, RequestOptions.builder().bypassMaintenance(true).build())} send the same
   * request. The view shares this client's connections, threads and request machinery; making one is cheap.
   * Closing it does nothing, closing this client closes both.
   *
   * @param options sets the view's options on a builder starting from this client's defaults
   * @return a view sharing this client's connections, with those defaults
   */
  public CloudifyClient withOptions(Consumer<RequestOptions.Builder> options) {
    requireNonNull(options, "options == null");
    RequestOptions.Builder b = config.defaults().toBuilder();
    options.accept(b);
    return withOptions(b.build());
  }

  /**
   * A view of this client whose calls use {@code defaults} as their default options, in place of this client's
   * (options this client had and {@code defaults} leaves unset no longer apply; use {@link #withOptions(Consumer)}
   * to change some and keep the rest). See {@link #withOptions(Consumer)}.
   *
   * @param defaults the options every call of the view (or client) starts from
   * @return a view sharing this client's connections, with those defaults
   * @throws IllegalArgumentException if {@code defaults} names a node that is not one of {@link #managers()}
   */
  public CloudifyClient withOptions(RequestOptions defaults) {
    requireNonNull(defaults, "defaults == null");
    requireKnownNode(defaults, config.nodes(), settings.managers, "defaults.node");
    return new CloudifyClient(settings, config.withDefaults(defaults), transport, mapper, false, closed, version);
  }

  /** A node named by default options must be one of the client's: found now, not at the first call. */
  private static void requireKnownNode(RequestOptions defaults, ManagerNodes nodes, List<URI> managers,
      String name) {
    if (defaults.node().isPresent() && !nodes.contains(defaults.node().get())) {
      throw new IllegalArgumentException(name + " is not one of the client's managers " + managers + ": "
          + defaults.node().get());
    }
  }

  /**
   * A view whose every call goes to {@code node} (one of {@link #managers()}) without failover: for what must be
   * asked of one node of a cluster, such as the state of a restore running on it.
   *
   * @param node the node's base URL, one of the client's managers
   * @return a view whose every call goes to that node
   * @throws IllegalArgumentException if {@code node} is not one of {@link #managers()}
   */
  public CloudifyClient pinnedTo(URI node) {
    URI checked = validManagerUri(node, "node");
    if (!config.nodes().contains(checked)) {
      throw new IllegalArgumentException("node is not one of the client's managers " + settings.managers + ": "
          + checked);
    }
    return withOptions(o -> o.node(checked));
  }

  /**
   * A builder holding this client's settings. What it builds is a new, independent client with its own
   * connections (unless a base {@code OkHttpClient} was given), e.g. with the credentials a restore brought.
   *
   * @return a builder holding this client's settings
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Releases connections and threads: all of them, or, for a client built from a caller's {@code OkHttpClient},
   * only the connections it opened for archive transfers (the caller's pool and dispatcher stay the caller's).
   * Idempotent; a view made by {@link #withOptions} does nothing.
   */
  @Override
  public void close() {
    if (root && closed.compareAndSet(false, true)) {
      transport.shutdown();
    }
  }

  /** The managers, tenant, credentials (masked) and TLS mode: what identifies the client, no secret. */
  @Override
  public String toString() {
    return "CloudifyClient{managers=" + settings.managers + ", tenant=" + settings.tenant + ", credentials="
        + settings.credentials + ", tls=" + settings.tls + "}";
  }

  private final class Context implements ClientContext {
    /** This view's defaults as a tag, made once: most calls carry no options of their own. */
    private final CallOptions defaultCall = CallOptions.of(config.defaults());

    @Override
    public <T> T create(Class<T> retrofitInterface) {
      requireNonNull(retrofitInterface, "retrofitInterface == null");
      return transport.create(retrofitInterface);
    }

    @Override
    public CallOptions callOptions(RequestOptions options) {
      requireNonNull(options, "options == null");
      if (options == RequestOptions.none()) {
        return defaultCall;
      }
      RequestOptions inForce = config.defaults().overriddenBy(options);
      requireKnownNode(inForce, config.nodes(), settings.managers, "options.node");
      return CallOptions.of(inForce);
    }

    @Override
    public ObjectMapper objectMapper() {
      return mapper;
    }

    @Override
    public Poller poller() {
      return poller;
    }

    @Override
    public Clock clock() {
      return config.clock();
    }

    @Override
    public Sleeper sleeper() {
      return config.sleeper();
    }

    @Override
    public ServerVersion serverVersion() {
      return manager.serverVersion();
    }

    @Override
    public RequestOptions defaults() {
      return config.defaults();
    }

    @Override
    public RetryPolicy retryPolicy() {
      return config.defaults().retryPolicy().orElse(config.retryPolicy());
    }

    @Override
    public List<URI> managers() {
      return CloudifyClient.this.managers();
    }

    @Override
    public URI currentManager() {
      String s = config.nodes().current().toString();
      return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    @Override
    public Object observationRegistry() {
      return config.observationRegistry();
    }
  }

  /** A tenant name goes into the {@code Tenant} header: visible ASCII only (the manager's names are), 1..256. */
  static String validTenant(String tenant, String name) {
    Arguments.requireText(tenant, name);
    if (tenant.length() > 256) {
      throw new IllegalArgumentException(name + " is longer than 256 characters (" + tenant.length() + ")");
    }
    for (int i = 0; i < tenant.length(); i++) {
      char c = tenant.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(name + " may only contain printable ASCII characters, found U+"
            + String.format("%04X", (int) c) + " at index " + i);
      }
    }
    return tenant;
  }

  static URI validManagerUri(URI uri, String name) {
    return Arguments.requireManagerUrl(uri, name);
  }

  /** Builds a {@link CloudifyClient}. Every setter validates its argument at once. */
  public static final class Builder {
    private final List<URI> managers = new ArrayList<>();
    private Credentials credentials = Credentials.none();
    private String tenant = DEFAULT_TENANT;
    private TlsConfig tls = TlsConfig.system();
    private Timeouts timeouts = Timeouts.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RequestOptions defaults = RequestOptions.none();
    private Proxy proxy;
    private String userAgent;
    private OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private long maxResponseSize = ClientConfig.DEFAULT_MAX_RESPONSE_BYTES;
    // Micrometer is optional: held as Object, so that a builder (and a client) without them never links a
    // Micrometer type; only observationRegistry(...) and requestObservationConvention(...) name one.
    private Object observationRegistry;
    private Object requestObservationConvention;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.managers.addAll(managers);
      b.credentials = credentials;
      b.tenant = tenant;
      b.tls = tls;
      b.timeouts = timeouts;
      b.retryPolicy = retryPolicy;
      b.defaults = defaults;
      b.proxy = proxy;
      b.userAgent = userAgent;
      b.okHttpClient = okHttpClient;
      b.clock = clock;
      b.sleeper = sleeper;
      b.maxResponseSize = maxResponseSize;
      b.observationRegistry = observationRegistry;
      b.requestObservationConvention = requestObservationConvention;
      return b;
    }

    /**
     * The manager's URL ({@code https://manager.example.com}); replaces any set before.
     *
     * @param url the base URL, {@code http} or {@code https}
     * @return this builder
     */
    public Builder manager(String url) {
      return manager(Arguments.requireManagerUrl(url, "url"));
    }

    /**
     * The manager's URL; replaces any set before.
     *
     * @param url the base URL, {@code http} or {@code https}
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http(s) URL with a host, without user info, query or
     *     fragment (a password in a URL would end up in logs)
     */
    public Builder manager(URI url) {
      managers.clear();
      managers.add(Arguments.requireManagerUrl(url, "url"));
      return this;
    }

    /**
     * The manager nodes of an HA cluster. A request goes to the node that answered last; when a node does not
     * answer (or its proxy says 502/503/504) the next is tried.
     *
     * @param urls the nodes' base URLs, at least one
     * @return this builder
     */
    public Builder managers(List<URI> urls) {
      requireNonNull(urls, "urls == null");
      if (urls.isEmpty()) {
        throw new IllegalArgumentException("urls is empty");
      }
      List<URI> checked = new ArrayList<>();
      for (URI url : urls) {
        URI u = Arguments.requireManagerUrl(url, "urls");
        if (checked.contains(u)) {
          throw new IllegalArgumentException("urls lists " + u + " twice");
        }
        checked.add(u);
      }
      managers.clear();
      managers.addAll(checked);
      return this;
    }

    /**
     * Adds a manager node.
     *
     * @param url the base URL, {@code http} or {@code https}
     * @return this builder
     */
    public Builder addManager(URI url) {
      URI u = Arguments.requireManagerUrl(url, "url");
      if (managers.contains(u)) {
        throw new IllegalArgumentException("url is already a manager: " + u);
      }
      managers.add(u);
      return this;
    }

    /**
     * How every call authenticates (default: none, for the few endpoints that need none).
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * Shorthand for {@code credentials(Credentials.basic(username, password))}.
     *
     * @param username the user name
     * @param password the password; never logged nor shown by {@code toString()}
     * @return this builder
     */
    public Builder basicAuth(String username, String password) {
      return credentials(Credentials.basic(username, password));
    }

    /**
     * Shorthand for {@code credentials(Credentials.token(token))}.
     *
     * @param token the token; never logged nor shown
     * @return this builder
     */
    public Builder token(String token) {
      return credentials(Credentials.token(token));
    }

    /**
     * The {@code Tenant} header (default {@code default_tenant}).
     *
     * @param tenant the tenant's name
     * @return this builder
     */
    public Builder tenant(String tenant) {
      this.tenant = validTenant(tenant, "tenant");
      return this;
    }

    /**
     * Which server certificates are trusted (default: the JVM's, {@link TlsConfig#system()}).
     *
     * @param tls the trust configuration
     * @return this builder
     */
    public Builder tls(TlsConfig tls) {
      this.tls = requireNonNull(tls, "tls == null");
      return this;
    }

    /**
     * The network timeouts of every call (default {@link Timeouts#defaults()}); per call see {@link RequestOptions}.
     *
     * @param timeouts the timeouts
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = requireNonNull(timeouts, "timeouts == null");
      return this;
    }

    /**
     * How calls that fail in a way that may be temporary are repeated (default {@link RetryPolicy#defaults()}:
     * safe calls only).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Default per-call options for every call of the client.
     *
     * @param defaults the options every call of the view (or client) starts from
     * @return this builder
     */
    public Builder defaultRequestOptions(RequestOptions defaults) {
      this.defaults = requireNonNull(defaults, "defaults == null");
      return this;
    }

    /**
     * An HTTP or SOCKS proxy to reach the managers through (default: direct, or the {@code OkHttpClient}'s).
     *
     * @param proxy the proxy
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * The {@code User-Agent} header, e.g. to tell an application's calls apart in the manager's logs.
     *
     * @param userAgent the header's value, without control characters
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Arguments.requireText(userAgent, "userAgent");
      return this;
    }

    /**
     * An {@code OkHttpClient} to start from (its pool, dispatcher, interceptors and event listeners are kept).
     * The client does not shut it down on {@link CloudifyClient#close()}.
     *
     * <p>Archive transfers (a streamed download, an upload body of unknown length or of 1 MiB and more) get the
     * client's buffered sockets (256 KiB reads, 64 KiB writes, what lets an archive move at curl's speed instead
     * of one system call per 8 KiB) on connections of their own, in a pool the client keeps for them and empties on
     * {@link CloudifyClient#close()}; other calls use its sockets and its pool as they are. If it sets a {@code socketFactory} of its own, that factory is kept for every call, archives
     * included, which then run at about 0.7 of curl's speed (benchmarks/README.md). Timeouts, proxy and TLS come
     * from this builder.
     *
     * @param okHttpClient the client to share (its connection pool and dispatcher)
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * The clock waits measure time with (tests inject a virtual one).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How waits sleep (tests inject one that advances a virtual clock).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The most bytes of one JSON answer the client reads, counted after decompression (OkHttp asks for gzip, and
     * a 100 KiB gzip body can inflate to gigabytes). An answer over it is a
     * {@link io.github.cloudify4j.client.errors.ResponseTooLargeException}, raised as soon as the limit is passed
     * (or before reading, when the server announces a larger {@code Content-Length}), so memory stays bounded
     * whatever a server sends. Default 16 MiB: a page of 1,000 snapshots is about 300 KiB. Archive downloads are
     * not JSON and have their own limit ({@code DownloadOptions.maxBytes}).
     *
     * @param bytes the limit in bytes, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is below 1 KiB
     */
    public Builder maxResponseSize(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxResponseSize must be at least 1024 bytes: " + bytes);
      }
      this.maxResponseSize = bytes;
      return this;
    }

    /**
     * Reports every request, and the archive transfers and workflows of the snapshots module, to a Micrometer
     * {@code ObservationRegistry}: a {@code cloudify.client.requests} observation per request (a timer and, with a
     * tracing bridge, a span), with the endpoint's template, method, status, outcome and node as tags, and retries
     * and failovers as events. See {@code docs/observability.md} for every name and key.
     *
     * <p>Micrometer is an optional dependency of cloudify4j: without this call nothing is observed and no
     * Micrometer class is loaded. An {@code ObservationRegistry.NOOP} costs next to nothing.
     *
     * @param registry the registry to report to (Spring Boot's, or {@code ObservationRegistry.create()} with
     *     handlers)
     * @return this builder
     */
    public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
      this.observationRegistry = requireNonNull(registry, "registry == null");
      return this;
    }

    /**
     * Replaces the names and keys of the request observations ({@code
     * DefaultClientRequestObservationConvention} by default). Has no effect without {@link
     * #observationRegistry}.
     *
     * @param convention the convention to use
     * @return this builder
     */
    public Builder requestObservationConvention(
        io.github.cloudify4j.client.observation.ClientRequestObservationConvention convention) {
      this.requestObservationConvention = requireNonNull(convention, "convention == null");
      return this;
    }

    /**
     * Reads the {@code cfy} CLI's variables (see {@link CloudifyClient#fromEnv()}) from {@code env}. Unset
     * variables leave the builder as it is.
     *
     * @param env the environment variables, e.g. {@code System.getenv()}
     * @return this builder
     */
    public Builder fromEnv(Map<String, String> env) {
      requireNonNull(env, "env == null");
      String urls = env.get("CLOUDIFY_MANAGER_URL");
      if (urls != null && !urls.trim().isEmpty()) {
        List<URI> list = new ArrayList<>();
        for (String u : urls.split(",")) {
          if (!u.trim().isEmpty()) {
            list.add(Arguments.requireManagerUrl(u.trim(), "CLOUDIFY_MANAGER_URL"));
          }
        }
        managers(list);
      }
      String token = env.get("CLOUDIFY_TOKEN");
      String username = env.get("CLOUDIFY_USERNAME");
      String password = env.get("CLOUDIFY_PASSWORD");
      if (token != null && !token.isEmpty()) {
        credentials(Credentials.token(token));
      } else if (username != null && !username.isEmpty()) {
        if (password == null) {
          throw new IllegalArgumentException("CLOUDIFY_PASSWORD is not set while CLOUDIFY_USERNAME is");
        }
        credentials(Credentials.basic(username, password));
      }
      String tenantValue = env.get("CLOUDIFY_TENANT");
      if (tenantValue != null && !tenantValue.isEmpty()) {
        tenant(tenantValue);
      }
      String trustAll = env.get("CLOUDIFY_SSL_TRUST_ALL");
      String cert = env.get("LOCAL_REST_CERT_FILE");
      if (trustAll != null && isTrue(trustAll)) {
        tls(TlsConfig.trustAll());
      } else if (cert != null && !cert.isEmpty()) {
        tls(TlsConfig.trustPem(Paths.get(cert)));
      }
      return this;
    }

    private static boolean isTrue(String v) {
      String s = v.trim().toLowerCase(Locale.ROOT);
      return s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("on");
    }

    /**
     * The client, with its own connection pool unless an {@code OkHttpClient} was given.
     *
     * @return the client; close it to release its resources when it owns them
     * @throws IllegalStateException if no manager was set, or TLS cannot be set up
     * @throws IllegalArgumentException if the default options name a node that is not one of the managers
     */
    public CloudifyClient build() {
      if (managers.isEmpty()) {
        throw new IllegalStateException("no manager: call manager(url) or managers(urls)");
      }
      OkHttpClient.Builder ok = okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder();
      ok.connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
          .readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS)
          .writeTimeout(timeouts.write().toMillis(), TimeUnit.MILLISECONDS)
          .callTimeout(timeouts.call().map(java.time.Duration::toMillis).orElse(0L), TimeUnit.MILLISECONDS);
      if (proxy != null) {
        ok.proxy(proxy);
      }
      applyTls(ok);
      ManagerNodes nodes = new ManagerNodes(managers);
      requireKnownNode(defaults, nodes, managers, "defaultRequestOptions.node");
      ClientConfig config = new ClientConfig(nodes, credentials.header(), tenant,
          userAgent != null ? userAgent : defaultUserAgent(), retryPolicy, defaults, clock, sleeper)
          .withMaxResponseBytes(maxResponseSize);
      if (observationRegistry != null) {
        config = config.withObservation(io.github.cloudify4j.client.internal.MicrometerRequestObserver.create(
            observationRegistry, requestObservationConvention, nodes), observationRegistry);
      }
      ObjectMapper mapper = Json.newMapper();
      // Archives go through buffered sockets (256 KiB reads, 64 KiB writes instead of Okio's 8 KiB: curl's
      // speed); other calls keep plain ones. A caller's own socket factory is kept for everything.
      Transport transport = Transport.create(ok.build(), config, mapper,
          BufferedSocketFactory.appliesTo(okHttpClient), okHttpClient == null);
      return new CloudifyClient(copy(), config, transport, mapper, true, new AtomicBoolean(),
          new AtomicReference<>());
    }

    private void applyTls(OkHttpClient.Builder ok) {
      try {
        switch (tls.mode()) {
          case CUSTOM:
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {tls.trustManager()}, new SecureRandom());
            ok.sslSocketFactory(context.getSocketFactory(), tls.trustManager());
            break;
          case TRUST_ALL:
            LOG.warn("TLS certificate and hostname verification are OFF for {} (TlsConfig.trustAll()):"
                + " anyone on the network path can read the credentials", managers);
            X509TrustManager trustAll = new TrustAllManager();
            SSLContext insecure = SSLContext.getInstance("TLS");
            insecure.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            ok.sslSocketFactory(insecure.getSocketFactory(), trustAll);
            ok.hostnameVerifier((host, session) -> true);
            break;
          default:
            break;
        }
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("TLS could not be set up: " + e.getMessage(), e);
      }
    }

    private static String defaultUserAgent() {
      String version = CloudifyClient.class.getPackage().getImplementationVersion();
      return "cloudify4j/" + (version != null ? version : "dev") + " Java/" + System.getProperty("java.version");
    }
  }

  /** For {@link TlsConfig#trustAll()} only. */
  private static final class TrustAllManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // trusts everything, as asked
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // trusts everything, as asked
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
