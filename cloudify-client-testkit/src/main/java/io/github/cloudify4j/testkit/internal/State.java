package io.github.cloudify4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.RestartMode;
import io.github.cloudify4j.testkit.ServerProfile;
import io.github.cloudify4j.testkit.WorkflowMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All state of the fake manager, shared by every node. Every method must be called while holding
 * the monitor of this object ({@code synchronized (state)}), except where noted.
 */
public final class State {
  private static final Logger LOG = LoggerFactory.getLogger(State.class);

  public static final List<String> TENANT_KINDS = Collections.unmodifiableList(Arrays.asList(
      "plugins", "secrets", "blueprints", "deployments", "executions", "execution_schedules"));
  public static final List<String> MGMT_KINDS = Collections.unmodifiableList(Arrays.asList("tenants", "users"));
  public static final Set<String> END_STATES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
      "terminated", "failed", "cancelled")));
  public static final Set<String> ACTIVE_STATES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
      "pending", "started", "cancelling", "force_cancelling", "kill_cancelling")));

  private final Config cfg;
  private final ServerProfile profile;
  private final Path storageDir;
  /** The restore flag file of the worker-driven mode ({@code /snapshot-status} is running while it exists). */
  private final Path restoreFlagFile;
  private final Timers timers = new Timers();
  private Instant virtualNow;
  private Duration realOffset = Duration.ZERO;
  private boolean closed;

  /** kind -> id -> entity. Keys starting with "__" are internal and stripped from responses. */
  private final Map<String, LinkedHashMap<String, ObjectNode>> kinds = new LinkedHashMap<>();
  private final List<ObjectNode> events = new ArrayList<>();
  /** username -> password. */
  private final Map<String, String> passwords = new LinkedHashMap<>();
  /** token -> username. */
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private String adminUser;

  // maintenance
  private String mmStatus; // null = deactivated
  private Instant mmActivatedAt;
  private Instant mmRequestedAt;
  private String mmRequestedBy;

  // restore / outage
  private boolean restoreFlag;
  private RestartMode outage; // non-null while the REST API is down
  private Instant outageUntil;
  private boolean statusFail;

  // runtime knobs (set through the public API)
  private String failNextCreate;
  private String failNextRestore;
  private final Set<String> dropOnRestore = new LinkedHashSet<>();
  private String dropOnRestoreReason = "409: <conflict_error> already exists";
  private String restoreAdminPassword;
  private boolean restoreAdminFromArchive;
  private RestartMode restartMode;
  private Duration createDuration;
  private Duration restoreDuration;
  private Duration restartOffset;
  private Duration restartLength;
  private Duration postRestoreDelay;
  private Duration startDelay;
  private Duration cancelDelay;
  private Duration executionDuration;
  private boolean kubernetes;

  /** Notified (outside the lock) after every clock movement, to sync listeners. */
  private Runnable afterTick = () -> { };

  public State(Config cfg, Path storageDir) {
    this.cfg = cfg;
    this.profile = cfg.profile;
    this.storageDir = storageDir;
    this.restoreFlagFile = cfg.restoreFlagFile != null ? cfg.restoreFlagFile
        : storageDir.resolve("snapshot_restoring");
    this.virtualNow = (cfg.startTime != null ? cfg.startTime : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
    synchronized (this) {
      reset();
    }
  }

  // ------------------------------------------------------------------ accessors (under the lock, except the final ones)

  /** The settings the fake was built with (never changes once running). */
  public Config cfg() {
    return cfg;
  }

  public ServerProfile profile() {
    return profile;
  }

  public Path storageDir() {
    return storageDir;
  }

  public Path restoreFlagFile() {
    return restoreFlagFile;
  }

  /** The events, oldest first (read-only). */
  public List<ObjectNode> events() {
    return Collections.unmodifiableList(events);
  }

  /** The user's password, or null for an unknown user. */
  public String password(String username) {
    return passwords.get(username);
  }

  public boolean userExists(String username) {
    return passwords.containsKey(username);
  }

  /** The user a token belongs to, or null. */
  public String tokenUser(String token) {
    return tokens.get(token);
  }

  /** token -> username (read-only). */
  public Map<String, String> tokens() {
    return Collections.unmodifiableMap(tokens);
  }

  public void addToken(String token, String username) {
    tokens.put(token, username);
  }

  /** The bootstrap admin's username (a legacy restore may replace the account's password, not its name). */
  public String adminUser() {
    return adminUser;
  }

  /** {@code activating}, {@code activated}, or null when deactivated. */
  public String maintenanceStatus() {
    return mmStatus;
  }

  public Instant maintenanceActivatedAt() {
    return mmActivatedAt;
  }

  public Instant maintenanceRequestedAt() {
    return mmRequestedAt;
  }

  public String maintenanceRequestedBy() {
    return mmRequestedBy;
  }

  /**
   * {@code POST /maintenance/activate} from deactivated: {@code activated} at once when no execution remains, else
   * {@code activating} until they are done (the flip happens lazily, {@link #maintenanceLazyFlip()}).
   */
  public void activateMaintenance(String requestedBy) {
    List<ObjectNode> remaining = remainingExecutions();
    mmRequestedAt = now();
    mmRequestedBy = requestedBy;
    if (remaining.isEmpty()) {
      mmStatus = "activated";
      mmActivatedAt = mmRequestedAt;
    } else {
      mmStatus = "activating";
      mmActivatedAt = null;
    }
  }

  /** {@code POST /maintenance/deactivate}: back to normal; queued executions may start. */
  public void deactivateMaintenance() {
    mmStatus = null;
    mmActivatedAt = null;
    mmRequestedAt = null;
    mmRequestedBy = null;
    tick(); // dequeues queued executions
  }

  /** How the REST API is down (a restore's restart window), or null while it is up. */
  public RestartMode outage() {
    return outage;
  }

  public boolean statusFail() {
    return statusFail;
  }

  public void statusFail(boolean fail) {
    statusFail = fail;
  }

  public boolean kubernetes() {
    return kubernetes;
  }

  public void kubernetes(boolean k8s) {
    kubernetes = k8s;
  }

  public void failNextCreate(String error) {
    failNextCreate = error;
  }

  public void failNextRestore(String error) {
    failNextRestore = error;
  }

  public void dropOnRestore(Collection<String> kinds) {
    dropOnRestore.addAll(kinds);
  }

  public void restoreAdminPassword(String password) {
    restoreAdminPassword = password;
  }

  public void restoreAdminFromArchive(boolean fromArchive) {
    restoreAdminFromArchive = fromArchive;
  }

  public void restartMode(RestartMode mode) {
    restartMode = mode;
  }

  /**
   * Replaces this state's data with a copy of another's: entities, events, users' passwords, tokens and the snapshot
   * archives on disk (a fake cluster's side taking over, or keeping, the other side's data). Pending timers are not
   * copied: a workflow running on the other side does not run here. Call holding both locks.
   */
  public void copyDataFrom(State other) {
    timers.clear();
    kinds.clear();
    for (Map.Entry<String, LinkedHashMap<String, ObjectNode>> k : other.kinds.entrySet()) {
      LinkedHashMap<String, ObjectNode> m = new LinkedHashMap<>();
      for (Map.Entry<String, ObjectNode> e : k.getValue().entrySet()) {
        m.put(e.getKey(), e.getValue().deepCopy());
      }
      kinds.put(k.getKey(), m);
    }
    events.clear();
    for (ObjectNode e : other.events) {
      events.add(e.deepCopy());
    }
    passwords.clear();
    passwords.putAll(other.passwords);
    tokens.clear();
    tokens.putAll(other.tokens);
    adminUser = other.adminUser;
    Path from = other.storageDir.resolve("snapshots");
    Path to = storageDir.resolve("snapshots");
    try {
      if (java.nio.file.Files.exists(to)) {
        FileUtil.deleteTree(to);
      }
      if (java.nio.file.Files.exists(from)) {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(from)) {
          for (Path p : (Iterable<Path>) walk::iterator) {
            Path target = to.resolve(from.relativize(p).toString());
            if (java.nio.file.Files.isDirectory(p)) {
              java.nio.file.Files.createDirectories(target);
            } else {
              java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Back to the initial state (entities, maintenance, knobs, timers). Storage files are deleted. */
  public synchronized void reset() {
    timers.clear();
    kinds.clear();
    for (String k : TENANT_KINDS) {
      kinds.put(k, new LinkedHashMap<>());
    }
    kinds.put("snapshots", new LinkedHashMap<>());
    for (String k : MGMT_KINDS) {
      kinds.put(k, new LinkedHashMap<>());
    }
    kinds.put("user-groups", new LinkedHashMap<>());
    kinds.put("license", new LinkedHashMap<>());
    events.clear();
    passwords.clear();
    tokens.clear();
    adminUser = cfg.adminUser;
    addTenant(cfg.defaultTenant);
    for (String t : cfg.extraTenants) {
      addTenant(t);
    }
    addUser(cfg.adminUser, cfg.adminPassword, "sys_admin");
    for (Map.Entry<String, String[]> e : cfg.extraUsers.entrySet()) {
      addUser(e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
    tokens.putAll(cfg.apiTokens);
    mmStatus = null;
    mmActivatedAt = null;
    mmRequestedAt = null;
    mmRequestedBy = null;
    restoreFlag = false;
    outage = null;
    outageUntil = null;
    statusFail = false;
    failNextCreate = null;
    failNextRestore = null;
    dropOnRestore.clear();
    restoreAdminPassword = null;
    restoreAdminFromArchive = false;
    restartMode = cfg.restartMode;
    createDuration = cfg.createSnapshotDuration;
    restoreDuration = cfg.restoreDuration;
    restartOffset = cfg.restartOffset;
    restartLength = cfg.restartLength;
    postRestoreDelay = cfg.postRestoreDelay;
    startDelay = cfg.workflowStartDelay;
    cancelDelay = cfg.cancelDelay;
    executionDuration = cfg.executionDuration;
    kubernetes = cfg.kubernetes;
    try {
      Path snaps = storageDir.resolve("snapshots");
      if (Files.isDirectory(snaps)) {
        FileUtil.deleteTree(snaps);
      }
      Files.createDirectories(snaps);
      Files.createDirectories(storageDir.resolve("tmp"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    notifyAll();
  }

  // ------------------------------------------------------------------ clock

  public Instant now() {
    if (cfg.realTime) {
      return Instant.now().plus(realOffset).truncatedTo(ChronoUnit.MILLIS);
    }
    return virtualNow;
  }

  /** Moves the clock forward and runs every due transition in order. */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative duration: " + d);
    }
    if (cfg.realTime) {
      realOffset = realOffset.plus(d);
      runDue(now());
    } else {
      Instant target = virtualNow.plus(d);
      runDue(target);
      virtualNow = target;
    }
    lazyChecks();
    notifyAll();
  }

  /** Runs due timers up to the current time (real-time ticker and lazy evaluation on requests). */
  public void tick() {
    runDue(now());
    lazyChecks();
    notifyAll();
  }

  private void runDue(Instant upTo) {
    for (int guard = 0; guard < 1_000_000; guard++) {
      Instant td = timers.nextDue();
      Instant sd = nextScheduled();
      Instant t = td == null ? sd : sd == null ? td : (td.isBefore(sd) ? td : sd);
      if (t == null || t.isAfter(upTo)) {
        return;
      }
      if (!cfg.realTime) {
        virtualNow = max(virtualNow, t);
      }
      if (td != null && !td.isAfter(t)) {
        Runnable r = timers.pollDue(t);
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.warn("fake manager transition failed", e);
        }
      }
      lazyChecks();
    }
  }

  /** Earliest scheduled_for of a legacy scheduled execution (only fires while not in maintenance). */
  private Instant nextScheduled() {
    if (mmStatus != null || restoring()) {
      return null;
    }
    Instant min = null;
    for (ObjectNode e : kinds.get("executions").values()) {
      if ("scheduled".equals(e.path("status").asText())) {
        Instant w = Json.parseTs(e.path("scheduled_for").asText(null));
        if (w != null && (min == null || w.isBefore(min))) {
          min = w;
        }
      }
    }
    return min;
  }

  private void at(Instant due, Runnable r) {
    timers.at(due, () -> {
      if (!cfg.realTime) {
        virtualNow = max(virtualNow, due);
      }
      r.run();
    });
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  public boolean isClosed() {
    return closed;
  }

  public void close() {
    closed = true;
    notifyAll();
  }

  // ------------------------------------------------------------------ lazy checks

  private void lazyChecks() {
    // scheduled (legacy) executions fire when due, unless in maintenance mode or restoring
    if (mmStatus == null && !restoring()) {
      for (ObjectNode e : new ArrayList<>(kinds.get("executions").values())) {
        if ("scheduled".equals(e.path("status").asText())) {
          Instant when = Json.parseTs(e.path("scheduled_for").asText(null));
          if (when != null && !when.isAfter(now())) {
            setExecStatus(e, "pending");
            e.put("__auto", true);
            startExecution(e);
          }
        }
      }
      // queued executions start when nothing else is active
      if (activeExecutions().isEmpty()) {
        for (ObjectNode e : kinds.get("executions").values()) {
          if ("queued".equals(e.path("status").asText())) {
            setExecStatus(e, "pending");
            startExecution(e);
            break;
          }
        }
      }
    }
  }

  /** The lazy activating -> activated flip of §3.4 (called by the gating hook). */
  public void maintenanceLazyFlip() {
    if ("activating".equals(mmStatus) && remainingExecutions().isEmpty()) {
      mmStatus = "activated";
      mmActivatedAt = now();
    }
  }

  /** True in {@link WorkflowMode#WORKER_DRIVEN}. */
  public boolean workerDriven() {
    return cfg.workflowMode == WorkflowMode.WORKER_DRIVEN;
  }

  /**
   * True while a restore runs, as {@code /snapshot-status} reports it: in the worker-driven mode exactly while
   * the restore flag file exists (like the real manager's {@code /tmp/cloudify/snapshot_restoring}), else the
   * fake's own flag.
   */
  public boolean restoring() {
    if (workerDriven()) {
      return Files.exists(restoreFlagFile);
    }
    return restoreFlag;
  }

  /**
   * The worker's {@code PATCH /executions/{id}}: the REST service's own rules (resource_manager
   * {@code _validate_execution_update}): an ended execution cannot change, except a {@code create_snapshot}
   * (corpus seq 72, 138); a cancelling one cannot go back to an active state or {@code terminated}; a status
   * that is not an execution state is refused by the database (409 {@code storage_error}, seq 73). No events
   * are written (the worker writes those through its own channel).
   */
  public ObjectNode patchExecution(ObjectNode e, String status, String error) {
    String cur = e.path("status").asText();
    String id = e.path("id").asText();
    String wf = e.path("workflow_id").asText();
    boolean ok = true;
    if (END_STATES.contains(cur) && !"create_snapshot".equals(wf)) {
      ok = false;
    }
    Set<String> badAfterCancel = new HashSet<>(ACTIVE_STATES);
    badAfterCancel.add("terminated");
    if ("cancelling".equals(cur) && badAfterCancel.contains(status)) {
      ok = false;
    }
    badAfterCancel.add("cancelling");
    if ("force_cancelling".equals(cur) && badAfterCancel.contains(status)) {
      ok = false;
    }
    if (!ok) {
      throw new ApiException(400, "invalid_exception_status_update", "Invalid relationship - can't change "
          + "status from " + cur + " to " + status + " for \"" + id + "\" execution while running \"" + wf
          + "\" workflow.");
    }
    if (!ALL_STATES.contains(status)) {
      throw new ApiException(409, "storage_error", "SQL Storage error: (psycopg2.errors.InvalidTextRepresentation)"
          + " invalid input value for enum execution_status: \"" + status + "\"");
    }
    setExecStatus(e, status);
    e.put("error", error == null ? "" : error);
    return e;
  }

  public static final Set<String> ALL_STATES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList("pending",
      "started", "cancelling",
      "force_cancelling", "kill_cancelling", "terminated", "failed", "cancelled", "queued", "scheduled")));

  // ------------------------------------------------------------------ entities

  public LinkedHashMap<String, ObjectNode> kind(String kind) {
    return kinds.get(kind);
  }

  public void addTenant(String name) {
    LinkedHashMap<String, ObjectNode> ts = kinds.get("tenants");
    if (ts.containsKey(name)) {
      return;
    }
    // the shape a community manager lists (corpus seq 212): counts, and no credentials unless asked for
    ObjectNode t = Json.obj();
    t.put("name", name);
    t.put("groups", 0);
    t.put("users", 1);
    t.putNull("user_roles");
    t.putNull("rabbitmq_username");
    t.putNull("rabbitmq_password");
    t.putNull("rabbitmq_vhost");
    ts.put(name, t);
  }

  public void addUser(String username, String password, String role) {
    ObjectNode u = Json.obj();
    u.put("id", kinds.get("users").size());
    u.put("username", username);
    u.put("role", role);
    u.put("active", true);
    ObjectNode tenants = u.putObject("tenants");
    tenants.putObject(cfg.defaultTenant).put("tenant-role", "sys_admin".equals(role) ? "user" : "user");
    u.putArray("groups");
    u.putArray("group_system_roles");
    u.put("first_login_at", Json.ts(now()));
    u.putNull("last_login_at");
    u.put("is_locked", false);
    u.put("show_getting_started", false);
    kinds.get("users").put(username, u);
    passwords.put(username, password);
  }

  public String role(String username) {
    ObjectNode u = kinds.get("users").get(username);
    return u == null ? null : u.path("role").asText();
  }

  public void resourceFields(ObjectNode n, String visibility, String tenant, String createdBy) {
    n.put("visibility", visibility);
    n.put("tenant_name", tenant);
    n.put("created_by", createdBy);
    n.put("resource_availability", visibility);
    n.put("private_resource", "private".equals(visibility));
  }

  public ObjectNode newSnapshot(String id, String status, String tenant, String user, String error) {
    ObjectNode s = Json.obj();
    s.put("id", id);
    s.put("created_at", Json.ts(now()));
    s.put("status", status);
    s.put("error", error == null ? "" : error);
    resourceFields(s, "private", tenant, user);
    kinds.get("snapshots").put(id, s);
    return s;
  }

  public ObjectNode newExecution(String workflowId, String tenant, String user, ObjectNode params,
                   boolean system, String deploymentId, String blueprintId) {
    ObjectNode e = Json.obj();
    e.put("id", UUID.randomUUID().toString());
    e.put("workflow_id", workflowId);
    e.put("status", "pending");
    e.put("status_display", "pending");
    e.putNull("error"); // a new execution's error is null; the first PATCH (or cancel) makes it ""
    e.put("created_at", Json.ts(now()));
    e.putNull("started_at");
    e.putNull("ended_at");
    e.putNull("scheduled_for");
    e.put("is_system_workflow", system);
    e.put("is_dry_run", false);
    e.put("resume", false);
    e.put("allow_custom_parameters", system);
    e.put("total_operations", 0);
    e.put("finished_operations", 0);
    e.put("deployment_id", deploymentId);
    e.put("deployment_display_name", deploymentId);
    e.put("blueprint_id", blueprintId);
    e.set("parameters", params == null ? Json.obj() : params);
    if (profile == ServerProfile.V7_0_4) {
      e.putNull("parameters_p");
    }
    resourceFields(e, "tenant", tenant, user);
    kinds.get("executions").put(e.path("id").asText(), e);
    return e;
  }

  public void setExecStatus(ObjectNode e, String status) {
    e.put("status", status);
    e.put("status_display", "terminated".equals(status) ? "completed" : status);
    if ("started".equals(status) && e.path("started_at").isNull()) {
      e.put("started_at", Json.ts(now()));
    }
    if (END_STATES.contains(status)) {
      e.put("ended_at", Json.ts(now()));
    }
  }

  public List<ObjectNode> activeExecutions() {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode e : kinds.get("executions").values()) {
      if (ACTIVE_STATES.contains(e.path("status").asText())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Non-terminal executions (includes queued and scheduled), as listed by maintenance mode. */
  public List<ObjectNode> remainingExecutions() {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode e : kinds.get("executions").values()) {
      if (!END_STATES.contains(e.path("status").asText())) {
        out.add(e);
      }
    }
    return out;
  }

  public ObjectNode configParams() {
    ObjectNode c = Json.obj();
    c.put("file_server_root", "/opt/manager/resources");
    c.put("created_status", "created");
    c.put("failed_status", "failed");
    c.putNull("postgresql_bin_path"); // null on the recorded 7.1 manager (corpus seq 23)
    c.put("postgresql_username", "cloudify");
    c.put("postgresql_password", "cloudify-db-password");
    c.put("postgresql_db_name", "cloudify_db");
    c.put("db_host", "localhost");
    c.put("default_tenant_name", cfg.defaultTenant);
    c.put("snapshot_restore_threads", 15);
    return c;
  }

  public void event(ObjectNode exec, String type, String eventType, String level, String message) {
    ObjectNode ev = Json.obj();
    String ts = Json.ts(now());
    ev.put("timestamp", ts);
    ev.put("reported_timestamp", ts);
    ev.put("blueprint_id", exec.path("blueprint_id").asText(null));
    ev.put("deployment_id", exec.path("deployment_id").asText(null));
    ev.put("deployment_display_name", exec.path("deployment_display_name").asText(null));
    ev.put("workflow_id", exec.path("workflow_id").asText(null));
    ev.put("message", message);
    ev.putNull("error_causes");
    if (eventType == null) {
      ev.putNull("event_type");
    } else {
      ev.put("event_type", eventType);
    }
    ev.putNull("operation");
    ev.putNull("node_id");
    ev.putNull("source_id");
    ev.putNull("target_id");
    ev.putNull("node_instance_id");
    ev.put("type", type);
    if ("cloudify_log".equals(type)) {
      ev.put("logger", "ctx");
      ev.put("level", level);
    } else {
      ev.putNull("logger");
      ev.putNull("level");
    }
    ev.put("manager_name", "cfy-manager-1");
    ev.putNull("agent_name");
    ev.put("execution_id", exec.path("id").asText());
    ev.putNull("execution_group_id");
    ev.put("__tenant", exec.path("tenant_name").asText());
    events.add(ev);
  }

  private void log(ObjectNode exec, String level, String message) {
    event(exec, "cloudify_log", null, level, message);
  }

  // ------------------------------------------------------------------ workflows

  /** Starts a pending execution after the configured start delay. */
  public void startExecution(ObjectNode e) {
    if (workerDriven()) {
      return; // the worker's PATCH /executions/{id} moves it
    }
    String id = e.path("id").asText();
    at(now().plus(startDelay), () -> {
      if (!"pending".equals(e.path("status").asText()) || kinds.get("executions").get(id) != e) {
        return;
      }
      setExecStatus(e, "started");
      e.put("error", ""); // what the worker's PATCH started does
      event(e, "cloudify_event", "workflow_started", null,
          "Starting '" + e.path("workflow_id").asText() + "' workflow execution");
      String wf = e.path("workflow_id").asText();
      if ("create_snapshot".equals(wf)) {
        at(now().plus(createDuration), () -> completeCreate(e));
      } else if ("restore_snapshot".equals(wf)) {
        beginRestore(e);
      } else if (e.path("__auto").asBoolean(false)) {
        at(now().plus(executionDuration), () -> finishExecution(e, "terminated", ""));
      }
    });
  }

  public void finishExecution(ObjectNode e, String status, String error) {
    if (END_STATES.contains(e.path("status").asText())) {
      return;
    }
    setExecStatus(e, status);
    e.put("error", error == null ? "" : error);
    String wf = e.path("workflow_id").asText();
    if ("terminated".equals(status)) {
      event(e, "cloudify_event", "workflow_succeeded", null, "'" + wf + "' workflow execution succeeded");
    } else if ("failed".equals(status)) {
      event(e, "cloudify_event", "workflow_failed", null,
          "'" + wf + "' workflow execution failed: " + error);
    } else if ("cancelled".equals(status)) {
      event(e, "cloudify_event", "workflow_cancelled", null, "'" + wf + "' workflow execution cancelled");
    }
  }

  public ObjectNode cancel(ObjectNode e, String action) {
    String st = e.path("status").asText();
    boolean waiting = "queued".equals(st) || "scheduled".equals(st);
    if (!"kill".equals(action)) {
      boolean ok = "pending".equals(st) || "started".equals(st) || "scheduled".equals(st) || "queued".equals(st)
          || ("force-cancel".equals(action) && "cancelling".equals(st));
      if (!ok) {
        throw new ApiException(400, "illegal_action_error",
            "Can't cancel execution " + e.path("id").asText() + " because it's in status " + st);
      }
    } else if (END_STATES.contains(st)) {
      throw new ApiException(400, "illegal_action_error",
          "Can't cancel execution " + e.path("id").asText() + " because it's in status " + st);
    }
    String next = "kill".equals(action) ? "kill_cancelling"
        : "force-cancel".equals(action) ? "force_cancelling" : "cancelling";
    setExecStatus(e, next);
    e.put("error", "");
    if (workerDriven()) {
      return e; // the worker confirms with PATCH cancelled (corpus seq 69, 70, 142)
    }
    if (waiting) {
      finishExecution(e, "cancelled", "");
    } else {
      at(now().plus(cancelDelay), () -> {
        if (next.equals(e.path("status").asText())) {
          finishExecution(e, "cancelled", "");
        }
      });
    }
    return e;
  }

  // ---- create snapshot

  public Path archivePath(String id) {
    return storageDir.resolve("snapshots").resolve(FileUtil.safeName(id)).resolve(FileUtil.safeName(id) + ".zip");
  }

  private void completeCreate(ObjectNode e) {
    if (!"started".equals(e.path("status").asText())) {
      return;
    }
    String snapId = e.path("parameters").path("snapshot_id").asText();
    ObjectNode snap = kinds.get("snapshots").get(snapId);
    if (failNextCreate != null) {
      String err = failNextCreate;
      failNextCreate = null;
      if (snap != null) {
        snap.put("status", "failed");
        snap.put("error", err);
      }
      log(e, "error", "Snapshot creation failed: " + err);
      finishExecution(e, "failed", err);
      return;
    }
    boolean legacy = e.path("parameters").path("legacy").asBoolean(!profile.supportsNewArchiveFormat());
    try {
      ArchiveIO.write(archivePath(snapId), this, e.path("id").asText(), legacy || !profile.supportsNewArchiveFormat());
    } catch (IOException ex) {
      if (snap != null) {
        snap.put("status", "failed");
        snap.put("error", ex.toString());
      }
      finishExecution(e, "failed", ex.toString());
      return;
    }
    if (snap != null) {
      snap.put("status", "created");
    }
    log(e, "info", "Snapshot created successfully");
    finishExecution(e, "terminated", "");
  }

  // ---- restore

  private void beginRestore(ObjectNode e) {
    restoreFlag = true;
    String snapId = e.path("parameters").path("snapshot_id").asText();
    ArchiveIO.Content content;
    try {
      content = ArchiveIO.read(archivePath(snapId));
    } catch (IOException | RuntimeException ex) {
      failRestore(e, "Failed to read snapshot archive: " + ex.getMessage());
      return;
    }
    boolean legacy = content.legacy || !profile.supportsNewArchiveFormat();
    if (!legacy) {
      at(now().plus(restoreDuration), () -> completeNewRestore(e, content));
      return;
    }
    // legacy validation
    if (kubernetes) {
      failRestore(e, "Legacy snapshots cannot be restored on a distributed (Kubernetes) manager");
      return;
    }
    String sv = content.snapshotVersion;
    if (sv != null && compareVersions(sv, profile.version()) > 0) {
      failRestore(e, "Cannot restore a newer manager's snapshot on this manager [" + sv + " > "
          + profile.version() + "]");
      return;
    }
    if (sv != null && compareVersions(sv, "4.0") < 0) {
      failRestore(e, "Cannot restore a snapshot older than 4.0 [" + sv + "]");
      return;
    }
    boolean force = e.path("parameters").path("force").asBoolean(false);
    if (!kinds.get("blueprints").isEmpty()) {
      if (!force) {
        failRestore(e, "Snapshot restoration on a dirty manager is not permitted. Please use the force flag "
            + "if you wish to proceed (existing data will be deleted)");
        return;
      }
      log(e, "warning", "Existing data will be deleted");
    }
    Instant started = now();
    Instant down = started.plus(restartOffset);
    Instant up = down.plus(restartLength);
    RestartMode mode = restartMode;
    at(down, () -> {
      if (mode != RestartMode.NONE) {
        outage = mode;
        outageUntil = up;
      }
    });
    at(up, () -> {
      outage = null;
      outageUntil = null;
      applyArchive(e, content, true);
    });
    Instant end = started.plus(restoreDuration);
    if (!end.isAfter(up)) {
      end = up.plusSeconds(1);
    }
    at(end, () -> completeLegacyRestore(e, content));
  }

  private void failRestore(ObjectNode e, String error) {
    log(e, "error", error);
    finishExecution(e, "failed", error);
    at(now().plus(postRestoreDelay), () -> restoreFlag = false);
  }

  private void completeLegacyRestore(ObjectNode e, ArchiveIO.Content content) {
    if (failNextRestore != null) {
      String err = failNextRestore;
      failNextRestore = null;
      failRestore(e, err);
      return;
    }
    // scheduled executions (§4.6 / guide "Special case"): overdue ones are marked failed in every version;
    // since 6.0 future ones are first turned into execution schedules <workflow>_restored_<hex>, then marked
    // failed too (before: left scheduled / re-queued).
    for (ObjectNode x : new ArrayList<>(kinds.get("executions").values())) {
      if ("scheduled".equals(x.path("status").asText())) {
        Instant when = Json.parseTs(x.path("scheduled_for").asText(null));
        if (when != null && when.isBefore(now())) {
          log(e, "info", "Execution " + x.path("id").asText() + " scheduled for "
              + x.path("scheduled_for").asText() + " is overdue. Marking as FAILED.");
          setExecStatus(x, "failed");
          x.put("error", "");
        } else if (when != null && profile != ServerProfile.V5_0_5) {
          restoreAsSchedule(x, when);
          log(e, "info", "Marking original execution " + x.path("id").asText() + " as FAILED.");
          setExecStatus(x, "failed");
          x.put("error", "");
        }
      }
    }
    String snapId = e.path("parameters").path("snapshot_id").asText();
    if (profile != ServerProfile.V5_0_5) {
      kinds.get("snapshots").remove(snapId);
      try {
        FileUtil.deleteTree(archivePath(snapId).getParent());
      } catch (IOException ignored) {
        // like the server: errors ignored
      }
    }
    log(e, "info", "Successfully restored snapshot " + snapId);
    finishExecution(e, "terminated", "");
    at(now().plus(postRestoreDelay), () -> {
      String newPassword = restoreAdminPassword;
      if (newPassword == null && restoreAdminFromArchive && content.adminPassword != null) {
        newPassword = content.adminPassword;
      }
      if (newPassword != null) {
        passwords.put(adminUser, newPassword);
      }
      restoreFlag = false;
    });
  }

  /** 6.0+ legacy restore: a future scheduled execution becomes a one-shot execution schedule. */
  private void restoreAsSchedule(ObjectNode x, Instant since) {
    String wf = x.path("workflow_id").asText();
    String id = wf + "_restored_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ObjectNode s = Json.obj();
    s.put("id", id);
    s.set("deployment_id", x.get("deployment_id"));
    s.put("workflow_id", wf);
    s.put("created_at", Json.ts(now()));
    s.put("since", Json.ts(since));
    s.putNull("until");
    ObjectNode rule = s.putObject("rule");
    rule.putNull("recurrence");
    rule.put("count", 1);
    rule.putNull("weekdays");
    s.put("slip", 0);
    s.put("stop_on_fail", false);
    s.put("enabled", true);
    s.set("parameters", x.has("parameters") ? x.get("parameters").deepCopy() : Json.obj());
    ObjectNode ea = s.putObject("execution_arguments");
    ea.put("allow_custom_parameters", true);
    ea.put("force", false);
    ea.put("is_dry_run", x.path("is_dry_run").asBoolean(false));
    ea.put("wait_after_fail", 600);
    s.put("next_occurrence", Json.ts(since));
    s.putNull("latest_execution_status");
    s.putArray("all_next_occurrences").add(Json.tsSpace(since));
    String tenant = x.path("tenant_name").asText(cfg.defaultTenant);
    resourceFields(s, "tenant", tenant, x.path("created_by").asText(adminUser));
    kinds.get("execution_schedules").put(id, s);
  }

  private void completeNewRestore(ObjectNode e, ArchiveIO.Content content) {
    if (!"started".equals(e.path("status").asText())) {
      restoreFlag = false;
      return;
    }
    if (failNextRestore != null) {
      String err = failNextRestore;
      failNextRestore = null;
      log(e, "error", err);
      finishExecution(e, "failed", err);
      restoreFlag = false;
      return;
    }
    applyArchive(e, content, false);
    if (content.executionId != null) {
      ObjectNode own = kinds.get("executions").get(content.executionId);
      if (own != null) {
        own.put("status", "terminated");
        own.put("status_display", "completed");
        own.put("error", "");
      }
    }
    finishExecution(e, "terminated", "");
    restoreFlag = false;
  }

  /** Replaces the entities with the archive's. */
  private void applyArchive(ObjectNode restoreExec, ArchiveIO.Content content, boolean legacy) {
    if (legacy && !content.hasEntities) {
      return;
    }
    for (String kind : TENANT_KINDS) {
      LinkedHashMap<String, ObjectNode> map = kinds.get(kind);
      List<ObjectNode> items = content.entities.getOrDefault(kind, new ArrayList<>());
      boolean drop = !legacy && dropOnRestore.contains(kind);
      if (drop) {
        for (ObjectNode item : items) {
          log(restoreExec, "error", "Error restoring " + singular(kind) + " "
              + idOf(kind, item) + ": " + dropOnRestoreReason);
        }
        continue;
      }
      if ("executions".equals(kind)) {
        map.clear();
        for (ObjectNode item : items) {
          if (!legacy && ACTIVE_STATES.contains(item.path("status").asText())) {
            item.put("status", "cancelled");
            item.put("status_display", "cancelled");
            item.put("error", "Marked as cancelled by snapshot restore");
          }
          map.put(item.path("id").asText(), item);
        }
        map.put(restoreExec.path("id").asText(), restoreExec);
        continue;
      }
      map.clear();
      for (ObjectNode item : items) {
        map.put(idOf(kind, item), item);
      }
    }
    List<ObjectNode> evs = content.entities.get("events");
    if (evs != null) {
      List<ObjectNode> mine = new ArrayList<>();
      for (ObjectNode ev : events) {
        if (restoreExec.path("id").asText().equals(ev.path("execution_id").asText())) {
          mine.add(ev);
        }
      }
      events.clear();
      events.addAll(evs);
      events.addAll(mine);
    }
    List<ObjectNode> tenants = content.entities.get("tenants");
    if (tenants != null && !(!legacy && dropOnRestore.contains("tenants"))) {
      for (ObjectNode t : tenants) {
        addTenant(t.path("name").asText());
      }
    }
    List<ObjectNode> users = content.entities.get("users");
    if (users != null && !(!legacy && dropOnRestore.contains("users"))) {
      for (ObjectNode u : users) {
        String name = u.path("username").asText();
        if (!kinds.get("users").containsKey(name)) {
          String pw = u.path("__password").asText(null);
          addUser(name, pw == null ? UUID.randomUUID().toString() : pw, u.path("role").asText("default"));
        }
      }
    }
    if (legacy) {
      // rest-security.conf comes from the snapshot: every issued token stops working
      tokens.clear();
    }
  }

  public static String idOf(String kind, JsonNode item) {
    if ("secrets".equals(kind)) {
      return item.path("key").asText();
    }
    if ("tenants".equals(kind)) {
      return item.path("name").asText();
    }
    if ("users".equals(kind)) {
      return item.path("username").asText();
    }
    return item.path("id").asText();
  }

  private static String singular(String kind) {
    switch (kind) {
      case "blueprints": return "blueprint";
      case "deployments": return "deployment";
      case "secrets": return "secret";
      case "plugins": return "plugin";
      case "executions": return "execution";
      case "execution_schedules": return "execution schedule";
      default: return kind;
    }
  }

  public static int compareVersions(String a, String b) {
    String[] x = a.split("[.\\-]");
    String[] y = b.split("[.\\-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? parseIntSafe(x[i]) : 0;
      int q = i < y.length ? parseIntSafe(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int parseIntSafe(String s) {
    try {
      return Integer.parseInt(s.replaceAll("[^0-9]", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Entities of one kind for one tenant (null = all tenants). */
  public List<ObjectNode> entities(String kind, String tenant) {
    Collection<ObjectNode> all = kinds.get(kind).values();
    if (tenant == null) {
      return new ArrayList<>(all);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode n : all) {
      if (tenant.equals(n.path("tenant_name").asText()) || "global".equals(n.path("visibility").asText())) {
        out.add(n);
      }
    }
    return out;
  }

  public ArrayNode remainingExecutionsJson() {
    ArrayNode a = Json.arr();
    for (ObjectNode e : remainingExecutions()) {
      ObjectNode r = a.addObject();
      r.put("id", e.path("id").asText());
      r.put("status", e.path("status").asText());
      r.set("deployment_id", e.get("deployment_id"));
      r.put("workflow_id", e.path("workflow_id").asText());
    }
    return a;
  }
}
