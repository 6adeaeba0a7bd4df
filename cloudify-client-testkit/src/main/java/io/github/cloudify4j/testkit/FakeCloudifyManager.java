package io.github.cloudify4j.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.internal.Config;
import io.github.cloudify4j.testkit.internal.FileUtil;
import io.github.cloudify4j.testkit.internal.Json;
import io.github.cloudify4j.testkit.internal.Server;
import io.github.cloudify4j.testkit.internal.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * An embedded fake of the Cloudify Manager REST API (v3.1) that speaks real HTTP and JSON on loopback.
 *
 * <pre>{@code
 * try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
 *     m.seed().blueprints(3).deployments(2);
 *     // point the client at m.baseUrl() with m.adminUsername()/m.adminPassword()
 *     m.advance(Duration.ofSeconds(30));   // runs every due workflow transition
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class FakeCloudifyManager implements AutoCloseable {
  private final Config cfg;
  private final State state;
  private final Server server;
  private final Faults faults;
  private final boolean ownsStorage;
  private final Seeder seeder;
  private volatile boolean started;

  FakeCloudifyManager(Config cfg) {
    this.cfg = cfg;
    Path dir = cfg.storageDir;
    boolean owns = false;
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("fake-cloudify-");
        owns = true;
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.ownsStorage = owns;
    this.state = new State(cfg, dir);
    this.server = new Server(state);
    this.faults = new Faults(server.faults);
    this.seeder = new Seeder(this, state);
  }

  /**
   * A new builder (defaults: profile 7.0.4, admin/admin, default_tenant, ephemeral port, virtual clock).
   *
   * @return a builder; call {@link Builder#build()} and then {@link #start()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the listener(s). Returns this.
   *
   * @return this fake, listening (calling it again does nothing)
   */
  public FakeCloudifyManager start() {
    if (!started) {
      server.start();
      started = true;
    }
    return this;
  }

  /** Stops the listeners, releases hanging requests and deletes the storage dir if it was a temp dir. */
  @Override
  public void close() {
    server.stop();
    started = false;
    if (ownsStorage) {
      try {
        FileUtil.deleteTree(state.storageDir());
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  // ------------------------------------------------------------------ addresses & credentials

  /**
   * {@code http://127.0.0.1:<port>} of node 0 (no trailing slash, no {@code /api}).
   *
   * @return the base URL of node 0, e.g. {@code http://127.0.0.1:54321}
   */
  public String baseUrl() {
    return baseUrl(0);
  }

  /**
   * Base URL of one node.
   *
   * @param node index of the node, 0-based (below {@link #nodeCount()})
   * @return the base URL of that node, without {@code /api}
   */
  public String baseUrl(int node) {
    return server.scheme() + "://" + server.host() + ":" + port(node);
  }

  /**
   * {@code baseUrl() + "/api/v3.1"}.
   *
   * @return the REST API root of node 0, which a client takes as its endpoint
   */
  public String apiUrl() {
    return baseUrl() + "/api/v3.1";
  }

  /**
   * {@return the port node 0 listens on (the ephemeral port chosen at start unless {@link Builder#port(int)} fixed
   * it)}
   */
  public int port() {
    return port(0);
  }

  /**
   * The port one node listens on.
   *
   * @param node index of the node, 0-based (below {@link #nodeCount()})
   * @return that node's port
   */
  public int port(int node) {
    return server.nodes.get(node).port;
  }

  /**
   * Number of nodes (1 unless built as a cluster).
   *
   * @return how many manager nodes share this fake's state
   */
  public int nodeCount() {
    return server.nodes.size();
  }

  /**
   * Hostname of a node as listed in {@code /managers} ({@code cfy-manager-1}, ...).
   *
   * @param node index of the node, 0-based
   * @return the hostname that {@code /managers} lists for that node
   */
  public String hostname(int node) {
    return server.nodes.get(node).hostname;
  }

  /** {@return the admin's username (default {@code admin}); the admin has role {@code sys_admin}} */
  public String adminUsername() {
    synchronized (state) {
      return state.adminUser();
    }
  }

  /**
   * The admin's current password (changes after a restore that replaces credentials).
   *
   * @return the password that currently authenticates the admin
   */
  public String adminPassword() {
    synchronized (state) {
      return state.password(state.adminUser());
    }
  }

  /** {@return the tenant used when no {@code Tenant} header is sent (default {@code default_tenant})} */
  public String defaultTenant() {
    return cfg.defaultTenant;
  }

  /** {@return the profile (version, API shape) this fake imitates} */
  public ServerProfile profile() {
    return cfg.profile;
  }

  /**
   * The directory holding archives ({@code snapshots/<id>/<id>.zip}).
   *
   * @return the storage directory (a temp dir unless {@link Builder#storageDir(Path)} set it)
   */
  public Path storageDir() {
    return state.storageDir();
  }

  /**
   * Path of a snapshot's archive on disk (it may not exist).
   *
   * @param snapshotId the snapshot's id
   * @return where its archive is or would be stored
   */
  public Path archivePath(String snapshotId) {
    return state.archivePath(snapshotId);
  }

  /**
   * Issues an API token for a user, usable in {@code Authentication-Token}.
   *
   * @param username an existing user
   * @return a new token; send it instead of basic credentials to authenticate as that user
   */
  public String issueToken(String username) {
    synchronized (state) {
      String t = "ctok-" + Long.toHexString(System.nanoTime()) + "-" + java.util.UUID.randomUUID().toString()
          .replace("-", "");
      state.addToken(t, username);
      return t;
    }
  }

  /**
   * Registers a user at runtime ({@code role}: {@code sys_admin} or {@code default}).
   *
   * @param username the new user's name
   * @param password the new user's password
   * @param role {@code sys_admin} (may use snapshots) or {@code default} (403 on snapshot calls)
   * @return this fake
   */
  public FakeCloudifyManager addUser(String username, String password, String role) {
    synchronized (state) {
      state.addUser(username, password, role);
    }
    return this;
  }

  /**
   * Registers a tenant at runtime.
   *
   * @param name the tenant's name
   * @return this fake
   */
  public FakeCloudifyManager addTenant(String name) {
    synchronized (state) {
      state.addTenant(name);
    }
    return this;
  }

  // ------------------------------------------------------------------ clock

  /**
   * The fake's clock.
   *
   * @return the current time of the fake's clock (virtual unless built with {@link Builder#realTime()})
   */
  public Instant now() {
    synchronized (state) {
      return state.now();
    }
  }

  /**
   * The fake's time as a {@link java.time.Clock}, for a client under test: together with {@code m::advance} as
   * its sleeper, every wait of the client moves the fake's time, and the client measures the same time.
   *
   * @return a clock that reads the fake's time
   */
  public java.time.Clock clock() {
    return new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  /**
   * Moves the clock forward and runs every transition that falls due, synchronously and in order. Cheap and
   * thread-safe: use it as the client's "sleeper". In real-time mode it shifts the clock by d.
   *
   * @param d how far to move the clock; not negative
   * @throws IllegalArgumentException if d is negative
   */
  public void advance(Duration d) {
    synchronized (state) {
      state.advance(d);
    }
    server.syncListeners();
  }

  /**
   * Advances the clock in steps until the predicate holds or maxTotal has passed; returns whether it holds.
   *
   * @param condition checked before every step
   * @param step how far each step moves the clock
   * @param maxTotal upper bound on the total time advanced
   * @return {@code true} if the condition holds, {@code false} if maxTotal passed first
   */
  public boolean advanceUntil(java.util.function.BooleanSupplier condition, Duration step, Duration maxTotal) {
    Duration spent = Duration.ZERO;
    while (!condition.getAsBoolean()) {
      if (spent.compareTo(maxTotal) >= 0) {
        return false;
      }
      advance(step);
      spent = spent.plus(step);
    }
    return true;
  }

  // ------------------------------------------------------------------ behaviour knobs

  /**
   * The next snapshot creation fails with this error (snapshot {@code failed}, execution {@code failed}).
   *
   * @param error the error message the execution and the snapshot report
   * @return this fake
   */
  public FakeCloudifyManager failNextSnapshotCreation(String error) {
    synchronized (state) {
      state.failNextCreate(error);
    }
    return this;
  }

  /**
   * The next restore execution ends {@code failed} with this error.
   *
   * @param error the error message the execution reports
   * @return this fake
   */
  public FakeCloudifyManager failNextRestore(String error) {
    synchronized (state) {
      state.failNextRestore(error);
    }
    return this;
  }

  /**
   * New-format (7.x) restores will not restore entities of these kinds ({@code blueprints}, {@code deployments},
   * {@code secrets}, {@code plugins}, {@code executions}, {@code execution_schedules}, {@code users},
   * {@code tenants}); an "Error restoring &lt;kind&gt; &lt;id&gt;: ..." error log event is emitted per entity and the
   * execution still ends {@code terminated}.
   *
   * @param kinds entity kinds to drop, e.g. {@code blueprints}
   * @return this fake
   */
  public FakeCloudifyManager dropOnRestore(String... kinds) {
    synchronized (state) {
      state.dropOnRestore(Arrays.asList(kinds));
    }
    return this;
  }

  /**
   * After the next legacy restore the admin's password becomes this (as if the snapshot's admin replaced it).
   *
   * @param newPassword the admin's password after the restore
   * @return this fake
   */
  public FakeCloudifyManager restoreReplacesAdminPassword(String newPassword) {
    synchronized (state) {
      state.restoreAdminPassword(newPassword);
    }
    return this;
  }

  /**
   * After a legacy restore the admin's password becomes the one stored in the archive (source manager's).
   *
   * @return this fake
   */
  public FakeCloudifyManager restoreTakesAdminPasswordFromArchive() {
    synchronized (state) {
      state.restoreAdminFromArchive(true);
    }
    return this;
  }

  /**
   * How the REST API behaves during the legacy restore's service restart.
   *
   * @param mode what a client sees while the REST service restarts
   * @return this fake
   */
  public FakeCloudifyManager restartMode(RestartMode mode) {
    synchronized (state) {
      state.restartMode(mode);
    }
    return this;
  }

  /**
   * Makes {@code /status} report {@code Fail}, {@code /ok} 500, {@code /cluster-status?summary=true} 500.
   *
   * @param fail {@code true} to report an unhealthy manager, {@code false} to recover
   * @return this fake
   */
  public FakeCloudifyManager statusFail(boolean fail) {
    synchronized (state) {
      state.statusFail(fail);
    }
    return this;
  }

  /**
   * Kubernetes ("split services") install: {@code distribution: "kubernetes"}; legacy restores fail.
   *
   * @param k8s {@code true} for a Kubernetes install, {@code false} for an all-in-one VM
   * @return this fake
   */
  public FakeCloudifyManager kubernetes(boolean k8s) {
    synchronized (state) {
      state.kubernetes(k8s);
    }
    return this;
  }

  // ------------------------------------------------------------------ inspection

  /**
   * Seeding helpers.
   *
   * @return the seeder that creates snapshots, blueprints, executions... directly in the state
   */
  public Seeder seed() {
    return seeder;
  }

  /**
   * Fault injection.
   *
   * @return the fault injector (delays, errors, dropped connections per request)
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Every request received.
   *
   * @return the journal of every request received, in order
   */
  public RequestJournal journal() {
    return server.journal;
  }

  /**
   * A copy of a snapshot's JSON as the API would return it.
   *
   * @param id the snapshot's id
   * @return a copy of the snapshot, or empty if there is none
   */
  public Optional<ObjectNode> snapshot(String id) {
    return copyOf("snapshots", id);
  }

  /**
   * A copy of an execution's JSON.
   *
   * @param id the execution's id
   * @return a copy of the execution, or empty if there is none
   */
  public Optional<ObjectNode> execution(String id) {
    return copyOf("executions", id);
  }

  /**
   * Status of an execution, or null.
   *
   * @param id the execution's id
   * @return its {@code status} (e.g. {@code started}, {@code terminated}), or null if there is no such execution
   */
  public String executionStatus(String id) {
    return execution(id).map(e -> e.path("status").asText()).orElse(null);
  }

  /**
   * Status of a snapshot, or null.
   *
   * @param id the snapshot's id
   * @return its {@code status} (e.g. {@code creating}, {@code created}), or null if there is no such snapshot
   */
  public String snapshotStatus(String id) {
    return snapshot(id).map(e -> e.path("status").asText()).orElse(null);
  }

  /**
   * All executions (copies), including system workflows.
   *
   * @return copies of every execution, in creation order
   */
  public List<ObjectNode> executions() {
    return copies("executions");
  }

  /**
   * Entities of a kind (copies): snapshots, executions, blueprints, deployments, secrets, plugins, tenants, users,
   * execution_schedules.
   *
   * @param kind the entity kind, as named in the API path
   * @return copies of every entity of that kind, across tenants
   * @throws IllegalArgumentException if the kind is unknown
   */
  public List<ObjectNode> entities(String kind) {
    return copies(kind);
  }

  /**
   * Number of entities of a kind across tenants.
   *
   * @param kind the entity kind, as named in the API path
   * @return how many entities of that kind exist
   */
  public int count(String kind) {
    synchronized (state) {
      return state.kind(kind).size();
    }
  }

  /**
   * All events / logs (copies).
   *
   * @return copies of every event and log, in the order they were emitted
   */
  public List<ObjectNode> events() {
    synchronized (state) {
      List<ObjectNode> out = new ArrayList<>();
      for (ObjectNode e : state.events()) {
        ObjectNode c = e.deepCopy();
        c.remove("__tenant");
        out.add(c);
      }
      return out;
    }
  }

  /**
   * Maintenance status: {@code deactivated}, {@code activating} or {@code activated} (no lazy flip).
   *
   * @return the maintenance mode status
   */
  public String maintenanceStatus() {
    synchronized (state) {
      return state.maintenanceStatus() == null ? "deactivated" : state.maintenanceStatus();
    }
  }

  /**
   * True while {@code /snapshot-status} reports a running restore: the fake's own flag, or, in
   * {@link WorkflowMode#WORKER_DRIVEN}, whether the {@linkplain #restoreFlagFile() restore flag file} exists.
   *
   * @return whether a restore is in progress
   */
  public boolean restoreInProgress() {
    synchronized (state) {
      return state.restoring();
    }
  }

  /**
   * Who moves snapshot workflows forward (default {@link WorkflowMode#AUTOMATIC}).
   *
   * @return the workflow mode this fake was built with
   */
  public WorkflowMode workflowMode() {
    return cfg.workflowMode;
  }

  /**
   * The restore flag file of {@link WorkflowMode#WORKER_DRIVEN}: while it exists, {@code /snapshot-status} answers
   * {@code running}. A worker (or a test) creates it when a restore starts and removes it when the restore ends,
   * as the real manager's restore workflow does with {@code /tmp/cloudify/snapshot_restoring}.
   *
   * @return the path of the restore flag file
   */
  public Path restoreFlagFile() {
    return state.restoreFlagFile();
  }

  /**
   * True while the REST API is down because of a legacy restore's restart window.
   *
   * @return whether the REST API is currently in a restart outage
   */
  public boolean restApiDown() {
    synchronized (state) {
      return state.outage() != null;
    }
  }

  /** Back to the initial state: entities, executions, events, maintenance, knobs, faults, journal, node state. */
  public void reset() {
    synchronized (state) {
      state.reset();
    }
    server.faults.clearAll();
    for (int i = 0; i < server.nodes.size(); i++) {
      server.nodes.get(i).down = null;
    }
    server.syncListeners();
    server.journal.clear();
  }

  private Optional<ObjectNode> copyOf(String kind, String id) {
    synchronized (state) {
      ObjectNode n = state.kind(kind).get(id);
      return n == null ? Optional.empty() : Optional.of(clean(n));
    }
  }

  private List<ObjectNode> copies(String kind) {
    synchronized (state) {
      List<ObjectNode> out = new ArrayList<>();
      Map<String, ObjectNode> m = state.kind(kind);
      if (m == null) {
        throw new IllegalArgumentException("unknown kind: " + kind);
      }
      for (ObjectNode n : m.values()) {
        out.add(clean(n));
      }
      return out;
    }
  }

  private static ObjectNode clean(ObjectNode n) {
    ObjectNode c = n.deepCopy();
    List<String> drop = new ArrayList<>();
    c.fieldNames().forEachRemaining(f -> {
      if (f.startsWith("__")) {
        drop.add(f);
      }
    });
    c.remove(drop);
    return c;
  }

  static String ts(Instant i) {
    return Json.ts(i);
  }

  Object lock() {
    return state;
  }

  void sync() {
    server.syncListeners();
  }

  /** Replaces this fake's data with a copy of {@code other}'s (a fake cluster's split and heal). */
  void copyDataFrom(FakeCloudifyManager other) {
    synchronized (other.state) {
      synchronized (state) {
        state.copyDataFrom(other.state);
      }
    }
  }

  /** The settings this fake was built with (a fake cluster copies them for its second side). */
  Config config() {
    return cfg;
  }

  /** Builder for {@link FakeCloudifyManager} (and, through {@link #nodes(int)}, {@link FakeCloudifyCluster}). */
  public static final class Builder {
    final Config cfg = new Config();

    Builder() {
    }

    /**
     * {@return this builder, with the version and API shape to imitate (default 7.0.4)}
     *
     * @param p the profile
     */
    public Builder profile(ServerProfile p) {
      cfg.profile = p;
      return this;
    }

    /**
     * The admin's credentials (default {@code admin}/{@code admin}); the admin has role {@code sys_admin}.
     *
     * @param username the admin's username
     * @param password the admin's password
     * @return this builder
     */
    public Builder adminCredentials(String username, String password) {
      cfg.adminUser = username;
      cfg.adminPassword = password;
      return this;
    }

    /**
     * The default tenant (created automatically; used when no {@code Tenant} header is sent).
     *
     * @param name the tenant's name
     * @return this builder
     */
    public Builder tenant(String name) {
      cfg.defaultTenant = name;
      return this;
    }

    /**
     * An additional tenant.
     *
     * @param name the tenant's name
     * @return this builder
     */
    public Builder extraTenant(String name) {
      cfg.extraTenants.add(name);
      return this;
    }

    /**
     * An additional user; role {@code sys_admin} or {@code default} (non-admin: 403 on snapshot calls).
     *
     * @param username the user's name
     * @param password the user's password
     * @param role {@code sys_admin} or {@code default}
     * @return this builder
     */
    public Builder user(String username, String password, String role) {
      cfg.extraUsers.put(username, new String[] {password, role});
      return this;
    }

    /**
     * A pre-existing API token (e.g. {@code ctok-abc-secret}) for a user.
     *
     * @param token the token value, as sent in {@code Authentication-Token}
     * @param username the user the token authenticates
     * @return this builder
     */
    public Builder apiToken(String token, String username) {
      cfg.apiTokens.put(token, username);
      return this;
    }

    /**
     * Port of node 0 (0 = ephemeral, the default).
     *
     * @param port the port, or 0 for an ephemeral one
     * @return this builder
     */
    public Builder port(int port) {
      cfg.port = port;
      return this;
    }

    /**
     * Address to bind (default 127.0.0.1).
     *
     * @param address the IP address or hostname to bind
     * @return this builder
     */
    public Builder bindAddress(String address) {
      cfg.bindAddress = address;
      return this;
    }

    /**
     * Number of manager nodes sharing one state (default 1).
     *
     * @param n the number of nodes, at least 1
     * @return this builder
     */
    public Builder nodes(int n) {
      cfg.nodes = n;
      return this;
    }

    /**
     * Archive storage directory (default: a temp dir deleted on close).
     *
     * @param dir an existing, writable directory; not deleted on close
     * @return this builder
     */
    public Builder storageDir(Path dir) {
      cfg.storageDir = dir;
      return this;
    }

    /**
     * Real-time clock with a background ticker (default: manual virtual clock).
     *
     * @return this builder
     */
    public Builder realTime() {
      cfg.realTime = true;
      return this;
    }

    /**
     * Initial value of the virtual clock (default: now).
     *
     * @param t the clock's initial instant
     * @return this builder
     */
    public Builder startTime(Instant t) {
      cfg.startTime = t;
      return this;
    }

    /**
     * Serve HTTPS with this context.
     *
     * @param ctx the TLS context the listener uses
     * @return this builder
     */
    public Builder https(SSLContext ctx) {
      cfg.sslContext = ctx;
      return this;
    }

    /**
     * Tenant-scoped calls without a {@code Tenant} header get 403 "tenant not provided", as on a real manager
     * (contract corpus seq 13). Default {@code true}; {@code false} serves them from the default tenant.
     *
     * @param require whether a missing {@code Tenant} header is refused
     * @return this builder
     */
    public Builder requireTenantHeader(boolean require) {
      cfg.requireTenantHeader = require;
      return this;
    }

    /**
     * Kubernetes ("split services") flavour.
     *
     * @param k8s {@code true} for a Kubernetes install (legacy restores fail)
     * @return this builder
     */
    public Builder kubernetes(boolean k8s) {
      cfg.kubernetes = k8s;
      return this;
    }

    /**
     * The edition (default {@link Edition#PREMIUM}). A community fake answers the premium-only endpoints with 404
     * {@code missing_premium_package_error}, as a real community manager does.
     *
     * @param edition premium or community
     * @return this builder
     */
    public Builder edition(Edition edition) {
      cfg.edition = java.util.Objects.requireNonNull(edition, "edition == null");
      return this;
    }

    /**
     * Who moves snapshot workflows forward (default {@link WorkflowMode#AUTOMATIC}: the fake runs them on its
     * clock). {@link WorkflowMode#WORKER_DRIVEN}: executions wait for the worker's {@code PATCH} requests, and
     * {@code /snapshot-status} follows the {@linkplain #restoreFlagFile(Path) restore flag file}, as on a real
     * manager.
     *
     * @param mode who runs snapshot workflows
     * @return this builder
     */
    public Builder workflows(WorkflowMode mode) {
      cfg.workflowMode = java.util.Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * The restore flag file {@link WorkflowMode#WORKER_DRIVEN} watches (default: {@code snapshot_restoring} in the
     * storage directory; the real manager's is {@code /tmp/cloudify/snapshot_restoring}).
     *
     * @param file the flag file's path
     * @return this builder
     */
    public Builder restoreFlagFile(Path file) {
      cfg.restoreFlagFile = java.util.Objects.requireNonNull(file, "file == null");
      return this;
    }

    /**
     * Delay between a workflow's creation (pending) and its start (default 500 ms).
     *
     * @param d the pending-to-started delay
     * @return this builder
     */
    public Builder workflowStartDelay(Duration d) {
      cfg.workflowStartDelay = d;
      return this;
    }

    /**
     * Time from started to terminated for create_snapshot (default 10 s).
     *
     * @param d the create_snapshot run time
     * @return this builder
     */
    public Builder createSnapshotDuration(Duration d) {
      cfg.createSnapshotDuration = d;
      return this;
    }

    /**
     * Time from started to the end of a restore execution (default 60 s; at least the restart window + 1 s).
     *
     * @param d the restore run time
     * @return this builder
     */
    public Builder restoreDuration(Duration d) {
      cfg.restoreDuration = d;
      return this;
    }

    /**
     * Legacy restore restart window: starts at offset after the restore started and lasts length (10 s / 30 s).
     *
     * @param offset time from the restore's start to the outage
     * @param length how long the REST API stays down
     * @return this builder
     */
    public Builder restartWindow(Duration offset, Duration length) {
      cfg.restartOffset = offset;
      cfg.restartLength = length;
      return this;
    }

    /**
     * Default outage mode during the restart window (default CONNECTION_REFUSED).
     *
     * @param mode what a client sees during the outage
     * @return this builder
     */
    public Builder restartMode(RestartMode mode) {
      cfg.restartMode = mode;
      return this;
    }

    /**
     * Delay between a legacy restore's terminated execution and the flag clearing (default 5 s).
     *
     * @param d the delay before the restore flag clears
     * @return this builder
     */
    public Builder postRestoreDelay(Duration d) {
      cfg.postRestoreDelay = d;
      return this;
    }

    /**
     * Delay from cancelling to cancelled (default 1 s).
     *
     * @param d the cancelling-to-cancelled delay
     * @return this builder
     */
    public Builder cancelDelay(Duration d) {
      cfg.cancelDelay = d;
      return this;
    }

    /**
     * Duration of ordinary executions started from the queue or a schedule (default 30 s).
     *
     * @param d the run time of ordinary executions
     * @return this builder
     */
    public Builder executionDuration(Duration d) {
      cfg.executionDuration = d;
      return this;
    }

    /**
     * Worker threads hint (unused: the executor is unbounded).
     *
     * @param n ignored
     * @return this builder
     */
    public Builder threads(int n) {
      cfg.threads = n;
      return this;
    }

    /** {@return a new fake manager with these settings, not yet started (call {@link FakeCloudifyManager#start()})} */
    public FakeCloudifyManager build() {
      return new FakeCloudifyManager(cfg);
    }
  }
}
