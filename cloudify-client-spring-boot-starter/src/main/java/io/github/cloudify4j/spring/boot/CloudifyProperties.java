package io.github.cloudify4j.spring.boot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cloudify.* properties the starter builds its {@link io.github.cloudify4j.client.CloudifyClient} from.
 *
 * <p>The credentials are top-level on purpose: Spring Boot's relaxed binding maps the environment variables the
 * cfy CLI reads (CLOUDIFY_USERNAME, CLOUDIFY_PASSWORD, CLOUDIFY_TOKEN,
 * CLOUDIFY_TENANT) onto cloudify.username, cloudify.password, cloudify.token and
 * cloudify.tenant with no code of ours, so an application deployed beside a configured CLI needs no
 * properties at all. CLOUDIFY_MANAGER_URL, CLOUDIFY_SSL_TRUST_ALL and LOCAL_REST_CERT_FILE
 * are read too when the matching property is not set (see {@link CloudifyAutoConfiguration}).
 *
 * <p>{@link #toString()} never shows the password, the token or the trust store password; the starter also masks
 * them in /actuator/configprops and /actuator/env whatever show-values says.
 */
@ConfigurationProperties(prefix = "cloudify")
public class CloudifyProperties {
  /** Where the manager is. */
  private final Manager manager = new Manager();

  /** User name for HTTP basic authentication (as cfy's CLOUDIFY_USERNAME). */
  private String username;

  /** Password for HTTP basic authentication (as cfy's CLOUDIFY_PASSWORD); never logged. */
  private String password;

  /** API token, used instead of user name and password when set (as cfy's CLOUDIFY_TOKEN). */
  private String token;

  /** The tenant every call is made in (the Tenant header); default default_tenant. */
  private String tenant;

  /** The User-Agent header, to tell this application's calls apart in the manager's logs. */
  private String userAgent;

  /** Which server certificates are trusted. */
  private final Tls tls = new Tls();

  /** Network timeouts of every call. */
  private final Timeouts timeouts = new Timeouts();

  /** How calls that failed in a way that may be temporary are repeated. */
  private final Retry retry = new Retry();

  /** The health indicator (management.health.cloudify.enabled turns it off). */
  private final Health health = new Health();

  /** The optional scheduled backup. */
  private final Backup backup = new Backup();

  /** Creates the properties with their defaults. */
  public CloudifyProperties() {}

  /**
   * Where the manager is.
   *
   * @return the manager properties
   */
  public Manager getManager() {
    return manager;
  }

  /**
   * The user name for basic authentication.
   *
   * @return the user name, or null
   */
  public String getUsername() {
    return username;
  }

  /**
   * Sets the user name for basic authentication.
   *
   * @param username the user name
   */
  public void setUsername(String username) {
    this.username = username;
  }

  /**
   * The password for basic authentication.
   *
   * @return the password, or null
   */
  public String getPassword() {
    return password;
  }

  /**
   * Sets the password for basic authentication.
   *
   * @param password the password
   */
  public void setPassword(String password) {
    this.password = password;
  }

  /**
   * The API token.
   *
   * @return the token, or null
   */
  public String getToken() {
    return token;
  }

  /**
   * Sets the API token, used instead of user name and password.
   *
   * @param token the token
   */
  public void setToken(String token) {
    this.token = token;
  }

  /**
   * The tenant.
   *
   * @return the tenant, or null for the client's default (default_tenant)
   */
  public String getTenant() {
    return tenant;
  }

  /**
   * Sets the tenant.
   *
   * @param tenant the tenant
   */
  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  /**
   * The User-Agent header.
   *
   * @return the user agent, or null for the client's
   */
  public String getUserAgent() {
    return userAgent;
  }

  /**
   * Sets the User-Agent header.
   *
   * @param userAgent the user agent
   */
  public void setUserAgent(String userAgent) {
    this.userAgent = userAgent;
  }

  /**
   * TLS settings.
   *
   * @return the TLS properties
   */
  public Tls getTls() {
    return tls;
  }

  /**
   * Timeouts.
   *
   * @return the timeout properties
   */
  public Timeouts getTimeouts() {
    return timeouts;
  }

  /**
   * Retries.
   *
   * @return the retry properties
   */
  public Retry getRetry() {
    return retry;
  }

  /**
   * The health indicator.
   *
   * @return the health properties
   */
  public Health getHealth() {
    return health;
  }

  /**
   * The scheduled backup.
   *
   * @return the backup properties
   */
  public Backup getBackup() {
    return backup;
  }

  /** Without the password, the token or the trust store password: only whether they are set. */
  @Override
  public String toString() {
    return "CloudifyProperties{urls=" + manager.urls
        + ", username=" + username
        + ", password=" + (password == null ? "unset" : "[redacted]")
        + ", token=" + (token == null ? "unset" : "[redacted]")
        + ", tenant=" + tenant
        + ", tls=" + tls
        + ", backup.enabled=" + backup.enabled
        + "}";
  }

  /** Where the manager is. */
  public static class Manager {
    /**
     * The manager's URL, or every node of an HA cluster (a request fails over to the next node). Without it, the
     * comma-separated CLOUDIFY_MANAGER_URL environment variable is used.
     */
    private List<URI> urls = new ArrayList<>();

    /** Creates the properties with their defaults. */
    public Manager() {}

    /**
     * The manager nodes' URLs.
     *
     * @return the URLs, empty when not set
     */
    public List<URI> getUrls() {
      return urls;
    }

    /**
     * Sets the manager nodes' URLs.
     *
     * @param urls the URLs
     */
    public void setUrls(List<URI> urls) {
      this.urls = urls == null ? new ArrayList<>() : urls;
    }
  }

  /** Which server certificates are trusted; at most one of the three may be set. */
  public static class Tls {
    /**
     * A PEM file of the CA certificate(s) to trust, e.g. the manager's cloudify_internal_ca_cert.pem.
     * Without it, the LOCAL_REST_CERT_FILE environment variable is used.
     */
    private Path caPath;

    /** A trust store file (PKCS12 or JKS) of the certificates to trust. */
    private Path trustStore;

    /** The trust store's password; never logged. */
    private String trustStorePassword;

    /** The trust store's type. */
    private String trustStoreType = "PKCS12";

    /**
     * Trust every certificate (as cfy's CLOUDIFY_SSL_TRUST_ALL): for tests only, it lets anyone
     * on the path read the credentials.
     */
    private boolean trustAll;

    /** Creates the properties with their defaults. */
    public Tls() {}

    /**
     * The CA PEM file.
     *
     * @return the path, or null
     */
    public Path getCaPath() {
      return caPath;
    }

    /**
     * Sets the CA PEM file.
     *
     * @param caPath the path
     */
    public void setCaPath(Path caPath) {
      this.caPath = caPath;
    }

    /**
     * The trust store file.
     *
     * @return the path, or null
     */
    public Path getTrustStore() {
      return trustStore;
    }

    /**
     * Sets the trust store file.
     *
     * @param trustStore the path
     */
    public void setTrustStore(Path trustStore) {
      this.trustStore = trustStore;
    }

    /**
     * The trust store password.
     *
     * @return the password, or null
     */
    public String getTrustStorePassword() {
      return trustStorePassword;
    }

    /**
     * Sets the trust store password.
     *
     * @param trustStorePassword the password
     */
    public void setTrustStorePassword(String trustStorePassword) {
      this.trustStorePassword = trustStorePassword;
    }

    /**
     * The trust store type.
     *
     * @return the type, PKCS12 by default
     */
    public String getTrustStoreType() {
      return trustStoreType;
    }

    /**
     * Sets the trust store type.
     *
     * @param trustStoreType the type, e.g. PKCS12 or JKS
     */
    public void setTrustStoreType(String trustStoreType) {
      this.trustStoreType = trustStoreType;
    }

    /**
     * Whether every certificate is trusted.
     *
     * @return true to trust every certificate
     */
    public boolean isTrustAll() {
      return trustAll;
    }

    /**
     * Sets whether every certificate is trusted.
     *
     * @param trustAll true to trust every certificate
     */
    public void setTrustAll(boolean trustAll) {
      this.trustAll = trustAll;
    }

    @Override
    public String toString() {
      return "Tls{caPath=" + caPath + ", trustStore=" + trustStore
          + ", trustStorePassword=" + (trustStorePassword == null ? "unset" : "[redacted]")
          + ", trustStoreType=" + trustStoreType + ", trustAll=" + trustAll + "}";
    }
  }

  /** Network timeouts of every call; unset ones keep the client's defaults. */
  public static class Timeouts {
    /** How long to wait for a connection (client default 10s). */
    private Duration connect;

    /** How long to wait between bytes of an answer (client default 60s). */
    private Duration read;

    /** How long to wait between bytes of a request (client default 60s). */
    private Duration write;

    /** The longest a whole call may take, retries included (client default: none). */
    private Duration call;

    /** Creates the properties with their defaults. */
    public Timeouts() {}

    /**
     * The connect timeout.
     *
     * @return the timeout, or null for the client's default
     */
    public Duration getConnect() {
      return connect;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connect the timeout
     */
    public void setConnect(Duration connect) {
      this.connect = connect;
    }

    /**
     * The read timeout.
     *
     * @return the timeout, or null for the client's default
     */
    public Duration getRead() {
      return read;
    }

    /**
     * Sets the read timeout.
     *
     * @param read the timeout
     */
    public void setRead(Duration read) {
      this.read = read;
    }

    /**
     * The write timeout.
     *
     * @return the timeout, or null for the client's default
     */
    public Duration getWrite() {
      return write;
    }

    /**
     * Sets the write timeout.
     *
     * @param write the timeout
     */
    public void setWrite(Duration write) {
      this.write = write;
    }

    /**
     * The whole-call timeout.
     *
     * @return the timeout, or null for none
     */
    public Duration getCall() {
      return call;
    }

    /**
     * Sets the whole-call timeout.
     *
     * @param call the timeout
     */
    public void setCall(Duration call) {
      this.call = call;
    }
  }

  /** How calls that failed in a way that may be temporary are repeated; unset ones keep the client's defaults. */
  public static class Retry {
    /** Whether calls are retried at all (the client retries safe calls only). */
    private boolean enabled = true;

    /** Attempts per call, the first included. */
    private Integer maxAttempts;

    /** The wait before the first retry; it grows up to max-backoff. */
    private Duration initialBackoff;

    /** The longest wait between two attempts. */
    private Duration maxBackoff;

    /** The longest time all attempts of one call may take together. */
    private Duration maxElapsed;

    /** Creates the properties with their defaults. */
    public Retry() {}

    /**
     * Whether calls are retried.
     *
     * @return true unless turned off
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether calls are retried.
     *
     * @param enabled false to never retry
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The attempts per call.
     *
     * @return the attempts, or null for the client's default
     */
    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the attempts per call.
     *
     * @param maxAttempts the attempts, the first included
     */
    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * The first backoff.
     *
     * @return the backoff, or null for the client's default
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the first backoff.
     *
     * @param initialBackoff the backoff
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * The longest backoff.
     *
     * @return the backoff, or null for the client's default
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the longest backoff.
     *
     * @param maxBackoff the backoff
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * The longest time of all attempts together.
     *
     * @return the time, or null for the client's default
     */
    public Duration getMaxElapsed() {
      return maxElapsed;
    }

    /**
     * Sets the longest time of all attempts together.
     *
     * @param maxElapsed the time
     */
    public void setMaxElapsed(Duration maxElapsed) {
      this.maxElapsed = maxElapsed;
    }
  }

  /** The health indicator. */
  public static class Health {
    /**
     * The longest one health check may take, all its calls together; a manager slower than this is reported
     * DOWN so that the health endpoint never hangs on it.
     */
    private Duration timeout = Duration.ofSeconds(3);

    /** Creates the properties with their defaults. */
    public Health() {}

    /**
     * The bound of one health check.
     *
     * @return the timeout, 3 seconds by default
     */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets the bound of one health check.
     *
     * @param timeout a positive duration
     */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** The optional scheduled backup (a {@link io.github.cloudify4j.snapshots.backup.BackupJob}). */
  public static class Backup {
    /** Whether the scheduled backup runs. */
    private boolean enabled;

    /** When the backup runs, as a Spring cron expression (second minute hour day month weekday). */
    private String cron = "0 0 3 * * *";

    /** The time zone of the cron expression. */
    private String zone = "UTC";

    /** The existing, writable directory the verified archives are kept in. Required when enabled. */
    private Path directory;

    /** The start of every snapshot id and archive name of this backup; retention only touches these. */
    private String prefix = "daily-";

    /** How often a new snapshot is due (slots start at 00:00 UTC); at most one snapshot per slot. */
    private Duration slotLength = Duration.ofDays(1);

    /** How many snapshots of this backup stay on the manager, the newest included. */
    private int keepOnManager = 7;

    /** How many archives of this backup stay in the directory, the newest included. */
    private int keepLocally = 30;

    /** How long to wait for the manager to create the snapshot. */
    private Duration createTimeout = Duration.ofHours(2);

    /** Creates the properties with their defaults. */
    public Backup() {}

    /**
     * Whether the backup runs.
     *
     * @return true when enabled
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the backup runs.
     *
     * @param enabled true to run it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The cron expression.
     *
     * @return the expression, 0 0 3 * * * (03:00 every day) by default
     */
    public String getCron() {
      return cron;
    }

    /**
     * Sets the cron expression.
     *
     * @param cron a Spring cron expression
     */
    public void setCron(String cron) {
      this.cron = cron;
    }

    /**
     * The cron expression's time zone.
     *
     * @return the zone id, UTC by default
     */
    public String getZone() {
      return zone;
    }

    /**
     * Sets the cron expression's time zone.
     *
     * @param zone a zone id such as Europe/Paris
     */
    public void setZone(String zone) {
      this.zone = zone;
    }

    /**
     * The archive directory.
     *
     * @return the directory, or null
     */
    public Path getDirectory() {
      return directory;
    }

    /**
     * Sets the archive directory.
     *
     * @param directory an existing, writable directory
     */
    public void setDirectory(Path directory) {
      this.directory = directory;
    }

    /**
     * The snapshot id prefix.
     *
     * @return the prefix, daily- by default
     */
    public String getPrefix() {
      return prefix;
    }

    /**
     * Sets the snapshot id prefix.
     *
     * @param prefix the prefix
     */
    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }

    /**
     * The slot length.
     *
     * @return the slot length, one day by default
     */
    public Duration getSlotLength() {
      return slotLength;
    }

    /**
     * Sets the slot length.
     *
     * @param slotLength whole seconds, at least one minute
     */
    public void setSlotLength(Duration slotLength) {
      this.slotLength = slotLength;
    }

    /**
     * Snapshots kept on the manager.
     *
     * @return the count, 7 by default
     */
    public int getKeepOnManager() {
      return keepOnManager;
    }

    /**
     * Sets the snapshots kept on the manager.
     *
     * @param keepOnManager the count
     */
    public void setKeepOnManager(int keepOnManager) {
      this.keepOnManager = keepOnManager;
    }

    /**
     * Archives kept in the directory.
     *
     * @return the count, 30 by default
     */
    public int getKeepLocally() {
      return keepLocally;
    }

    /**
     * Sets the archives kept in the directory.
     *
     * @param keepLocally the count
     */
    public void setKeepLocally(int keepLocally) {
      this.keepLocally = keepLocally;
    }

    /**
     * The snapshot creation bound.
     *
     * @return the timeout, 2 hours by default
     */
    public Duration getCreateTimeout() {
      return createTimeout;
    }

    /**
     * Sets the snapshot creation bound.
     *
     * @param createTimeout the timeout
     */
    public void setCreateTimeout(Duration createTimeout) {
      this.createTimeout = createTimeout;
    }
  }
}
