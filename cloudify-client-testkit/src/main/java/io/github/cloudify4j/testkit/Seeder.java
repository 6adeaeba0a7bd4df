package io.github.cloudify4j.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.internal.ArchiveIO;
import io.github.cloudify4j.testkit.internal.Json;
import io.github.cloudify4j.testkit.internal.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * Seeds entities into the fake. Methods that create several entities are fluent; methods that create one execution
 * return its id. Entities go to the default tenant unless a tenant is given.
 *
 * <pre>{@code
 * m.seed().blueprints(3).deployments(2).secrets(5).plugins(1).snapshot("nightly", "created");
 * String busy = m.seed().runningExecution("web-prod", "install");     // keeps maintenance "activating"
 * String later = m.seed().scheduledExecution("web-prod", "heal", m.now().plus(Duration.ofHours(2)));
 * }</pre>
 */
public final class Seeder {
  private final FakeCloudifyManager manager;
  private final State st;

  Seeder(FakeCloudifyManager manager, State st) {
    this.manager = manager;
    this.st = st;
  }

  private String tenantOr(String t) {
    return t == null ? st.cfg().defaultTenant : t;
  }

  private String nextId(String kind, String prefix) {
    Map<String, ObjectNode> m = st.kind(kind);
    int i = m.size() + 1;
    while (m.containsKey(prefix + i)) {
      i++;
    }
    return prefix + i;
  }

  /**
   * n blueprints {@code bp-1..} in the default tenant.
   *
   * @param n how many blueprints to create
   * @return this seeder
   */
  public Seeder blueprints(int n) {
    return blueprints(n, null);
  }

  /**
   * n blueprints {@code bp-1..} in the given tenant.
   *
   * @param n how many blueprints to create
   * @param tenant the tenant that owns them, or null for the default tenant
   * @return this seeder
   */
  public Seeder blueprints(int n, String tenant) {
    synchronized (st) {
      for (int i = 0; i < n; i++) {
        blueprint0(nextId("blueprints", "bp-"), tenantOr(tenant));
      }
    }
    return this;
  }

  /**
   * One blueprint with this id in the default tenant.
   *
   * @param id the blueprint's id
   * @return this seeder
   */
  public Seeder blueprint(String id) {
    synchronized (st) {
      blueprint0(id, tenantOr(null));
    }
    return this;
  }

  private void blueprint0(String id, String tenant) {
    ObjectNode b = Json.obj();
    b.put("id", id);
    String now = Json.ts(st.now());
    b.put("created_at", now);
    b.put("updated_at", now);
    b.put("description", "Seeded blueprint " + id);
    b.put("main_file_name", "blueprint.yaml");
    b.put("state", "uploaded");
    b.putNull("error");
    b.putNull("error_traceback");
    b.put("is_hidden", false);
    b.putArray("labels");
    b.putNull("requirements");
    st.resourceFields(b, "tenant", tenant, st.adminUser());
    st.kind("blueprints").put(id, b);
  }

  /**
   * n deployments {@code dep-1..}; each uses the first blueprint (one is created if none exists).
   *
   * @param n how many deployments to create
   * @return this seeder
   */
  public Seeder deployments(int n) {
    return deployments(n, null);
  }

  /**
   * n deployments {@code dep-1..} in the given tenant; each uses the tenant's first blueprint (one is created if none
   * exists).
   *
   * @param n how many deployments to create
   * @param tenant the tenant that owns them, or null for the default tenant
   * @return this seeder
   */
  public Seeder deployments(int n, String tenant) {
    synchronized (st) {
      String t = tenantOr(tenant);
      String bp = null;
      for (ObjectNode b : st.kind("blueprints").values()) {
        if (t.equals(b.path("tenant_name").asText())) {
          bp = b.path("id").asText();
          break;
        }
      }
      if (bp == null) {
        bp = nextId("blueprints", "bp-");
        blueprint0(bp, t);
      }
      for (int i = 0; i < n; i++) {
        String id = nextId("deployments", "dep-");
        ObjectNode d = Json.obj();
        d.put("id", id);
        d.put("display_name", id);
        d.put("blueprint_id", bp);
        String now = Json.ts(st.now());
        d.put("created_at", now);
        d.put("updated_at", now);
        d.putNull("description");
        d.putObject("inputs");
        d.putObject("outputs");
        d.putArray("workflows");
        d.putArray("labels");
        d.put("installation_status", "active");
        d.put("deployment_status", "good");
        d.putNull("site_name");
        st.resourceFields(d, "tenant", t, st.adminUser());
        st.kind("deployments").put(id, d);
      }
    }
    return this;
  }

  /**
   * n secrets {@code secret-1..}.
   *
   * @param n how many secrets to create
   * @return this seeder
   */
  public Seeder secrets(int n) {
    synchronized (st) {
      for (int i = 0; i < n; i++) {
        String key = nextId("secrets", "secret-");
        ObjectNode s = Json.obj();
        s.put("key", key);
        String now = Json.ts(st.now());
        s.put("created_at", now);
        s.put("updated_at", now);
        s.put("is_hidden_value", false);
        s.putNull("provider_name");
        st.resourceFields(s, "tenant", tenantOr(null), st.adminUser());
        st.kind("secrets").put(key, s);
      }
    }
    return this;
  }

  /**
   * n plugins {@code plugin-1..}.
   *
   * @param n how many plugins to create
   * @return this seeder
   */
  public Seeder plugins(int n) {
    synchronized (st) {
      for (int i = 0; i < n; i++) {
        String id = nextId("plugins", "plugin-");
        ObjectNode p = Json.obj();
        p.put("id", id);
        p.put("package_name", "cloudify-" + id);
        p.put("package_version", "1.0." + i);
        p.put("archive_name", "cloudify_" + id + "-1.0-py311-none-linux_x86_64.wgn");
        p.put("distribution", "centos");
        p.put("supported_platform", "linux_x86_64");
        p.put("uploaded_at", Json.ts(st.now()));
        st.resourceFields(p, "global", tenantOr(null), st.adminUser());
        st.kind("plugins").put(id, p);
      }
    }
    return this;
  }

  /**
   * A tenant, as {@link FakeCloudifyManager#addTenant(String)} registers one (no-op if it exists).
   *
   * @param name the tenant's name
   * @return this seeder
   */
  public Seeder tenant(String name) {
    synchronized (st) {
      st.addTenant(name);
    }
    return this;
  }

  /**
   * A user, as {@link FakeCloudifyManager#addUser(String, String, String)} registers one.
   *
   * @param username the user's name
   * @param password the user's password
   * @param role {@code sys_admin} (may use snapshots) or {@code default} (403 on snapshot calls)
   * @return this seeder
   */
  public Seeder user(String username, String password, String role) {
    synchronized (st) {
      st.addUser(username, password, role);
    }
    return this;
  }

  /**
   * A snapshot with the given status ({@code created}, {@code uploaded}, {@code failed}, {@code creating}).
   * For {@code created}/{@code uploaded} a real archive of the current entities is written (the profile's default
   * format).
   *
   * @param id the snapshot's id
   * @param status its {@code status} field
   * @return this seeder
   */
  public Seeder snapshot(String id, String status) {
    synchronized (st) {
      ObjectNode s = st.newSnapshot(id, status, st.cfg().defaultTenant, st.adminUser(),
          "failed".equals(status) ? "Snapshot creation failed: seeded failure" : "");
      if ("created".equals(status) || "uploaded".equals(status)) {
        try {
          ArchiveIO.write(st.archivePath(id), st, null, !st.profile().supportsNewArchiveFormat());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      s.put("status", status);
    }
    return this;
  }

  /**
   * A snapshot whose archive is written in the given format ({@code legacy=true}: 5.x/6.x-style layout).
   *
   * @param id the snapshot's id
   * @param status its {@code status} field
   * @param legacyFormat {@code true} for the 5.x/6.x layout, {@code false} for the 7.x one
   * @return this seeder
   */
  public Seeder snapshot(String id, String status, boolean legacyFormat) {
    synchronized (st) {
      st.newSnapshot(id, status, st.cfg().defaultTenant, st.adminUser(), "");
      try {
        ArchiveIO.write(st.archivePath(id), st, null, legacyFormat);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  /**
   * An {@code uploaded} snapshot whose archive is a copy of the given file.
   *
   * @param id the snapshot's id
   * @param zip an existing archive; it is copied, not moved
   * @return this seeder
   */
  public Seeder snapshotFromArchive(String id, Path zip) {
    synchronized (st) {
      try {
        Path dest = st.archivePath(id);
        Files.createDirectories(dest.getParent());
        Files.copy(zip, dest, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      st.newSnapshot(id, "uploaded", st.cfg().defaultTenant, st.adminUser(), "");
    }
    return this;
  }

  /**
   * An execution in the given status (terminal or not); non-terminal ones never finish on their own.
   *
   * @param deploymentId the deployment it runs on
   * @param workflowId the workflow, e.g. {@code install}
   * @param status its {@code status}, e.g. {@code started} or {@code terminated}
   * @return the new execution's id
   */
  public String execution(String deploymentId, String workflowId, String status) {
    synchronized (st) {
      ObjectNode e = st.newExecution(workflowId, st.cfg().defaultTenant, st.adminUser(), null, false,
          deploymentId, deploymentId == null ? null : bpOf(deploymentId));
      if (!"pending".equals(status)) {
        st.setExecStatus(e, "started");
        if (!"started".equals(status)) {
          st.setExecStatus(e, status);
        }
      }
      return e.path("id").asText();
    }
  }

  /**
   * A {@code started} execution that runs until cancelled or {@link #finish(String, String)}.
   *
   * @param deploymentId the deployment it runs on
   * @param workflowId the workflow, e.g. {@code install}
   * @return the new execution's id
   */
  public String runningExecution(String deploymentId, String workflowId) {
    return execution(deploymentId, workflowId, "started");
  }

  /**
   * A {@code queued} execution; it starts when nothing else is active and maintenance mode is off.
   *
   * @param deploymentId the deployment it runs on
   * @param workflowId the workflow, e.g. {@code install}
   * @return the new execution's id
   */
  public String queuedExecution(String deploymentId, String workflowId) {
    synchronized (st) {
      ObjectNode e = st.newExecution(workflowId, st.cfg().defaultTenant, st.adminUser(), null, false,
          deploymentId, bpOf(deploymentId));
      st.setExecStatus(e, "queued");
      e.put("__auto", true);
      return e.path("id").asText();
    }
  }

  /**
   * A legacy (≤5.x style) scheduled execution: {@code status: scheduled} with {@code scheduled_for}. It starts
   * when due (unless in maintenance mode) and runs for the configured execution duration.
   *
   * @param deploymentId the deployment it runs on
   * @param workflowId the workflow, e.g. {@code heal}
   * @param scheduledFor when it becomes due (on the fake's clock)
   * @return the new execution's id
   */
  public String scheduledExecution(String deploymentId, String workflowId, Instant scheduledFor) {
    synchronized (st) {
      ObjectNode e = st.newExecution(workflowId, st.cfg().defaultTenant, st.adminUser(), null, false,
          deploymentId, bpOf(deploymentId));
      st.setExecStatus(e, "scheduled");
      e.put("scheduled_for", Json.ts(scheduledFor));
      return e.path("id").asText();
    }
  }

  /**
   * Same as {@link #scheduledExecution(String, String, Instant)} with deployment {@code dep-1}, workflow {@code heal}.
   *
   * @param scheduledFor when it becomes due (on the fake's clock)
   * @return the new execution's id
   */
  public String scheduledExecution(Instant scheduledFor) {
    return scheduledExecution("dep-1", "heal", scheduledFor);
  }

  /**
   * An execution schedule (6.0+ {@code /execution-schedules}).
   *
   * @param id the schedule's id
   * @param deploymentId the deployment it runs on
   * @param workflowId the workflow it starts
   * @param since the first run (daily recurrence after that)
   * @return this seeder
   */
  public Seeder executionSchedule(String id, String deploymentId, String workflowId, Instant since) {
    synchronized (st) {
      ObjectNode s = Json.obj();
      s.put("id", id);
      s.put("deployment_id", deploymentId);
      s.put("workflow_id", workflowId);
      s.put("created_at", Json.ts(st.now()));
      s.put("since", Json.ts(since));
      s.putNull("until");
      ObjectNode rule = s.putObject("rule");
      rule.put("recurrence", "1 day");
      rule.putNull("count");
      rule.putNull("weekdays");
      s.put("slip", 0);
      s.put("stop_on_fail", false);
      s.put("enabled", true);
      s.putObject("parameters");
      ObjectNode ea = s.putObject("execution_arguments");
      ea.put("allow_custom_parameters", false);
      ea.put("force", false);
      ea.put("is_dry_run", false);
      ea.put("wait_after_fail", 600);
      s.put("next_occurrence", Json.ts(since));
      s.putNull("latest_execution_status");
      s.putArray("all_next_occurrences").add(Json.tsSpace(since));
      st.resourceFields(s, "tenant", st.cfg().defaultTenant, st.adminUser());
      st.kind("execution_schedules").put(id, s);
    }
    return this;
  }

  /**
   * Ends an execution now with this status ({@code terminated}, {@code failed}, {@code cancelled}).
   *
   * @param executionId the execution to end
   * @param status its final status
   * @return this seeder
   */
  public Seeder finish(String executionId, String status) {
    synchronized (st) {
      ObjectNode e = st.kind("executions").get(executionId);
      if (e == null) {
        throw new IllegalArgumentException("no execution " + executionId);
      }
      st.finishExecution(e, status, "failed".equals(status) ? "seeded failure" : "");
      st.tick();
    }
    return this;
  }

  private String bpOf(String deploymentId) {
    if (deploymentId == null) {
      return null;
    }
    ObjectNode d = st.kind("deployments").get(deploymentId);
    return d == null ? null : d.path("blueprint_id").asText(null);
  }

  /**
   * The manager being seeded.
   *
   * @return the fake manager this seeder writes into
   */
  public FakeCloudifyManager manager() {
    return manager;
  }
}
