package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointsTest {
  static final List<String> SNAPSHOT_KEYS = List.of("id", "created_at", "status", "error", "visibility",
      "tenant_name", "created_by", "resource_availability", "private_resource");
  FakeCloudifyManager m;
  Http http;

  @BeforeEach
  void start() {
    m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .startTime(Instant.parse("2024-05-02T10:11:12.345Z"))
        .user("bob", "bob-pass", "default")
        .apiToken("ctok-abc-secret123", "admin")
        .build().start();
    http = new Http(m.baseUrl());
  }

  @AfterEach
  void stop() {
    m.close();
  }

  static List<String> keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    n.fieldNames().forEachRemaining(k::add);
    return k;
  }

  @Test
  void versionPrefixedAndUnprefixed() {
    for (String p : List.of("/api/version", "/api/v3.1/version")) {
      Http.Res r = http.get(p);
      assertThat(r.status).isEqualTo(200);
      assertThat(keys(r.json())).containsExactlyInAnyOrder("edition", "version", "build", "date", "commit",
          "distribution", "distro_release");
      assertThat(r.json().path("version").asText()).isEqualTo("7.0.4");
      assertThat(r.json().get("build").isNull()).isTrue();
    }
    assertThat(http.anonymous().get("/api/version").status).isEqualTo(401);
  }

  @Test
  void authCases() {
    Http.Res none = http.anonymous().get("/snapshots");
    assertThat(none.status).isEqualTo(401);
    assertThat(none.json().path("error_code").asText()).isEqualTo("unauthorized_error");
    assertThat(none.json().path("message").asText()).isEqualTo("User unauthorized: No authentication info provided");
    assertThat(none.json().has("server_traceback")).isTrue();

    Http.Res wrong = http.as("admin", "nope").get("/snapshots");
    assertThat(wrong.status).isEqualTo(401);
    assertThat(wrong.json().path("message").asText())
        .isEqualTo("User unauthorized: Authentication failed for <User username=`admin`>. Wrong credentials or locked account");

    Http tok = http.anonymous();
    tok.token = "ctok-abc-secret123";
    assertThat(tok.get("/snapshots").status).isEqualTo(200);
    tok.token = "ctok-bad";
    assertThat(tok.get("/snapshots").json().path("message").asText()).isEqualTo("User unauthorized: Invalid token structure");

    Http.Res badTenant = http.tenant("nope").get("/snapshots");
    assertThat(badTenant.status).isEqualTo(403);
    assertThat(badTenant.json().path("message").asText())
        .isEqualTo("Authorization failed: Tried to authenticate with invalid tenant name: nope");

    Http.Res bob = http.as("bob", "bob-pass").put("/snapshots/s1", "{}");
    assertThat(bob.status).isEqualTo(403);
    assertThat(bob.json().path("message").asText())
        .isEqualTo("User `bob` is not permitted to perform the action snapshot_create in the tenant `default_tenant`");
    assertThat(http.as("bob", "bob-pass").get("/blueprints").status).isEqualTo(200);

    // unauthenticated endpoints
    assertThat(http.anonymous().tenant(null).get("/snapshot-status").json().path("status").asText()).isEqualTo("not-running");
    Http.Res ok = http.anonymous().get("/ok");
    assertThat(ok.status).isEqualTo(200);
    assertThat(ok.text()).isEqualTo("\"OK\"");

    // tokens issued by the fake
    Http.Res t = http.post("/tokens", "{\"description\":\"sdk\"}");
    assertThat(t.status).isEqualTo(200);
    assertThat(t.json().path("value").asText()).startsWith("ctok-");
    Http viaToken = http.anonymous();
    viaToken.token = t.json().path("value").asText();
    assertThat(viaToken.get("/snapshots").status).isEqualTo(200);
  }

  @Test
  void unroutedIsNginxHtml404AndWrongMethod405() {
    Http.Res r = http.get("/api/v3.1/nothing-here");
    assertThat(r.status).isEqualTo(404);
    assertThat(r.text()).contains("<center>nginx</center>").contains("404 Not Found");
    assertThat(http.get("/api/v9/snapshots").status).isEqualTo(404);
    Http.Res wm = http.delete("/maintenance");
    assertThat(wm.status).isEqualTo(405);
    assertThat(wm.header("content-type")).startsWith("text/html");
  }

  @Test
  void snapshotListEnvelopeFiltersSortPaging() {
    m.seed().snapshot("b-snap", "created");
    m.advance(Duration.ofSeconds(1));
    m.seed().snapshot("a-snap", "failed");
    m.advance(Duration.ofSeconds(1));
    m.seed().snapshot("c-snap", "uploaded");

    Http.Res all = http.get("/snapshots");
    assertThat(all.status).isEqualTo(200);
    JsonNode env = all.json();
    assertThat(keys(env)).containsExactly("items", "metadata");
    assertThat(env.path("metadata").path("pagination").path("total").asInt()).isEqualTo(3);
    assertThat(env.path("metadata").path("pagination").path("size").asInt()).isEqualTo(1000);
    assertThat(env.path("metadata").path("pagination").path("offset").asInt()).isEqualTo(0);
    assertThat(env.path("metadata").has("filtered")).isTrue();
    assertThat(env.path("metadata").get("filtered").isNull()).isTrue();
    JsonNode first = env.path("items").get(0);
    assertThat(keys(first)).containsExactlyElementsOf(SNAPSHOT_KEYS);
    assertThat(first.path("id").asText()).isEqualTo("b-snap"); // created_at asc by default
    assertThat(first.path("created_at").asText()).isEqualTo("2024-05-02T10:11:12.345Z");
    assertThat(first.path("private_resource").asBoolean()).isTrue();
    assertThat(first.path("resource_availability").asText()).isEqualTo("private");

    Http.Res or = http.get("/snapshots?status=created&status=uploaded&_sort=-id");
    assertThat(or.json().path("items")).extracting(n -> n.path("id").asText()).containsExactly("c-snap", "b-snap");

    Http.Res page = http.get("/snapshots?_sort=id&_size=1&_offset=1&_include=id,status");
    assertThat(page.json().path("items")).hasSize(1);
    assertThat(keys(page.json().path("items").get(0))).containsExactly("id", "status");
    assertThat(page.json().path("items").get(0).path("id").asText()).isEqualTo("b-snap");
    assertThat(page.json().path("metadata").path("pagination").path("size").asInt()).isEqualTo(1);
    assertThat(page.json().path("metadata").path("pagination").path("total").asInt()).isEqualTo(3);

    assertThat(http.get("/snapshots?_search=-sn").json().path("metadata").path("pagination").path("total").asInt()).isEqualTo(3);
    assertThat(http.get("/snapshots?_search=a-").json().path("items")).hasSize(1);

    Http.Res neg = http.get("/snapshots?_size=-1");
    assertThat(neg.status).isEqualTo(400);
    assertThat(neg.json().path("error_code").asText()).isEqualTo("bad_parameters_error");
    assertThat(neg.json().has("server_traceback")).isFalse();
    assertThat(http.get("/snapshots?_offset=abc").status).isEqualTo(400);
    assertThat(http.get("/snapshots?bogus=1").json().path("error_code").asText()).isEqualTo("bad_parameters_error");
    assertThat(http.get("/snapshots?_include=bogus").json().path("error_code").asText()).isEqualTo("no_such_include_field_error");
    assertThat(http.get("/snapshots?_sort=bogus").status).isEqualTo(400);
  }

  @Test
  void filteredAbsentOn505() {
    try (FakeCloudifyManager old = FakeCloudifyManager.builder().profile(ServerProfile.V5_0_5).build().start()) {
      JsonNode env = new Http(old.baseUrl()).get("/snapshots").json();
      assertThat(env.path("metadata").has("filtered")).isFalse();
      assertThat(new Http(old.baseUrl()).get("/api/version").json().path("version").asText()).isEqualTo("5.0.5");
    }
  }

  @Test
  void getSnapshotAndNotFound() {
    m.seed().snapshot("snap-1", "created");
    assertThat(keys(http.get("/snapshots/snap-1").json())).containsExactlyElementsOf(SNAPSHOT_KEYS);
    Http.Res nf = http.get("/snapshots/nope");
    assertThat(nf.status).isEqualTo(404);
    assertThat(nf.json().path("message").asText()).isEqualTo("Requested `Snapshot` with ID `nope` was not found");
    assertThat(nf.json().path("error_code").asText()).isEqualTo("not_found_error");
    assertThat(nf.json().get("server_traceback").isNull()).isTrue();
  }

  @Test
  void createSnapshotValidation() {
    Http.Res noCt = http.send(http.req("/snapshots/s1").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(noCt.status).isEqualTo(415);
    assertThat(noCt.json().path("error_code").asText()).isEqualTo("unsupported_content_type_error");
    assertThat(http.put("/snapshots/1abc", "{}").json().path("message").asText()).contains("must begin with a letter");
    assertThat(http.put("/snapshots/a%20b", "{}").json().path("message").asText()).contains("illegal characters");

    Http.Res ok = http.put("/snapshots/snap-1", "{\"include_credentials\":\"true\",\"queue\":false}");
    assertThat(ok.status).isEqualTo(201);
    JsonNode e = ok.json();
    assertThat(e.path("workflow_id").asText()).isEqualTo("create_snapshot");
    assertThat(e.path("status").asText()).isEqualTo("pending");
    assertThat(e.path("is_system_workflow").asBoolean()).isTrue();
    assertThat(e.path("parameters").path("config").path("postgresql_password").isTextual()).isTrue();
    assertThat(e.path("parameters").path("legacy").asBoolean()).isFalse();
    assertThat(e.has("parameters_p")).isTrue();
    assertThat(keys(e)).contains("status_display", "started_at", "ended_at", "scheduled_for", "deployment_id",
        "total_operations", "resource_availability", "private_resource");
    assertThat(http.get("/snapshots/snap-1").json().path("status").asText()).isEqualTo("creating");

    Http.Res dup = http.put("/snapshots/snap-1", "{}");
    assertThat(dup.status).isEqualTo(409);
    assertThat(dup.json().path("message").asText()).isEqualTo(
        "<Snapshot id=`snap-1` tenant=`default_tenant`> already exists on <Tenant name=`default_tenant`> or with global visibility");
    assertThat(http.put("/snapshots/snap-2", "{\"queue\":\"maybe\"}").status).isEqualTo(400);
    assertThat(http.put("/snapshots/snap-3", "{\"listener_timeout\":\"x\"}").json().path("message").asText())
        .isEqualTo("listener_timeout must a valid floating point number");
  }

  @Test
  void createQueueSemanticsPerVersion() {
    // 7.0.4: non-legacy create runs alongside; legacy blocks; queue=true queues
    String busy = m.seed().runningExecution("dep-1", "install");
    assertThat(http.put("/snapshots/s1", "{}").json().path("status").asText()).isEqualTo("pending");
    Http.Res legacy = http.put("/snapshots/s2", "{\"legacy\":true}");
    assertThat(legacy.status).isEqualTo(400);
    assertThat(legacy.json().path("error_code").asText()).isEqualTo("existing_running_execution_error");
    assertThat(legacy.json().path("message").asText()).startsWith("Cannot start execution because there are other executions running e.g.: ");
    assertThat(http.get("/snapshots/s2").status).isEqualTo(404);
    assertThat(http.put("/snapshots/s3", "{\"queue\":true}").json().path("status").asText()).isEqualTo("queued");

    try (FakeCloudifyManager six = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start()) {
      six.seed().runningExecution("dep-1", "install");
      Http h = new Http(six.baseUrl());
      assertThat(h.put("/snapshots/s1", "{}").status).isEqualTo(400);
      String q = h.put("/snapshots/s1", "{\"queue\":true}").json().path("id").asText();
      assertThat(six.executionStatus(q)).isEqualTo("queued");
      six.seed().finish(six.executions().get(0).path("id").asText(), "terminated");
      six.advance(Duration.ofSeconds(1));
      assertThat(six.executionStatus(q)).isEqualTo("started");
    }
    assertThat(busy).isNotEmpty();
  }

  @Test
  void deleteSnapshot() {
    m.seed().snapshot("s1", "created");
    Http.Res d = http.delete("/snapshots/s1");
    assertThat(d.status).isEqualTo(200);
    assertThat(keys(d.json())).containsExactlyElementsOf(SNAPSHOT_KEYS);
    assertThat(http.get("/snapshots/s1").status).isEqualTo(404);
    assertThat(m.archivePath("s1")).doesNotExist();

    http.put("/snapshots/s2", "{}");
    Http.Res busy = http.delete("/snapshots/s2");
    assertThat(busy.status).isEqualTo(400);
    assertThat(busy.json().path("message").asText()).isEqualTo("Cannot delete snapshot `s2` which has an active `create_snapshot` execution");
    assertThat(http.delete("/snapshots/none").status).isEqualTo(404);
  }

  @Test
  void restoreValidation() {
    m.seed().snapshot("good", "created").snapshot("bad", "failed");
    assertThat(http.post("/snapshots/good/restore", "{\"force\":false,\"no_reboot\":true}").json().path("message").asText())
        .isEqualTo("`no_reboot` is only relevant when `restore_certificates` is activated");
    Http.Res noForce = http.post("/snapshots/good/restore", "{}");
    assertThat(noForce.status).isEqualTo(500);
    assertThat(noForce.json().path("error_code").asText()).isEqualTo("internal_server_error");
    assertThat(http.post("/snapshots/good/restore", "{\"force\":false,\"timeout\":\"x\"}").status).isEqualTo(400);
    Http.Res failed = http.post("/snapshots/bad/restore", "{\"force\":true}");
    assertThat(failed.status).isEqualTo(400);
    assertThat(failed.json().path("message").asText()).isEqualTo("Failed snapshot cannot be restored");
    assertThat(http.post("/snapshots/nope/restore", "{\"force\":true}").status).isEqualTo(404);
    assertThat(http.get("/snapshots/bad/archive").json().path("message").asText()).isEqualTo("Failed snapshot cannot be downloaded");

    Http.Res ok = http.post("/snapshots/good/restore", "{\"force\":false,\"restore_certificates\":false,\"no_reboot\":false,\"timeout\":300}");
    assertThat(ok.status).isEqualTo(200);
    assertThat(keys(ok.json())).containsExactlyElementsOf(SNAPSHOT_KEYS);
    assertThat(ok.json().path("status").asText()).isEqualTo("pending");
    assertThat(ok.json().path("visibility").asText()).isEqualTo("tenant");
    String execId = ok.json().path("id").asText();
    assertThat(m.execution(execId).orElseThrow().path("workflow_id").asText()).isEqualTo("restore_snapshot");
    Http.Res again = http.post("/snapshots/good/restore", "{\"force\":true}");
    assertThat(again.json().path("error_code").asText()).isEqualTo("existing_running_execution_error");
  }

  @Test
  void restoreBodyOn505RequiresRecreateDeploymentsEnvs() {
    try (FakeCloudifyManager old = FakeCloudifyManager.builder().profile(ServerProfile.V5_0_5).build().start()) {
      old.seed().snapshot("s", "created");
      Http h = new Http(old.baseUrl());
      Http.Res r = h.post("/snapshots/s/restore", "{\"force\":false}");
      assertThat(r.status).isEqualTo(400);
      assertThat(r.json().path("message").asText()).isEqualTo("Missing recreate_deployments_envs in json request body");
      assertThat(h.post("/snapshots/s/restore", "{\"tenant_name\":\"default_tenant\",\"recreate_deployments_envs\":true,"
          + "\"force\":false,\"restore_certificates\":false,\"no_reboot\":false}").status).isEqualTo(200);
      assertThat(h.anonymous().get("/snapshot-status").json().path("status").asText())
          .isEqualTo("No restore_snapshot workflow currently running.");
      old.advance(Duration.ofSeconds(1));
      assertThat(h.anonymous().get("/snapshot-status").json().path("status").asText())
          .isEqualTo("Snapshot restore in progress...\nThis may take a while, depending on the snapshot size.");
    }
  }

  @Test
  void executionsListGetCancel() {
    String run = m.seed().runningExecution("dep-1", "install");
    http.put("/snapshots/s1", "{}");
    JsonNode list = http.get("/executions").json();
    assertThat(list.path("items")).hasSize(1);
    assertThat(list.path("items").get(0).path("id").asText()).isEqualTo(run);
    assertThat(http.get("/executions?_include_system_workflows=true").json().path("items")).hasSize(2);
    assertThat(http.get("/executions?is_system_workflow=true").json().path("items")).hasSize(1);
    assertThat(http.get("/executions?workflow_id=install&_include_system_workflows=true").json().path("items")).hasSize(1);

    assertThat(http.get("/executions/" + run).json().path("status").asText()).isEqualTo("started");
    assertThat(http.get("/executions/nope").json().path("message").asText()).isEqualTo("Requested `Execution` with ID `nope` was not found");
    assertThat(http.post("/executions/" + run, "{}").json().path("message").asText()).isEqualTo("Missing action in json request body");
    Http.Res c = http.post("/executions/" + run, "{\"action\":\"cancel\"}");
    assertThat(c.status).isEqualTo(200);
    assertThat(c.json().path("status").asText()).isEqualTo("cancelling");
    m.advance(Duration.ofSeconds(1));
    assertThat(http.get("/executions/" + run).json().path("status").asText()).isEqualTo("cancelled");
    Http.Res again = http.post("/executions/" + run, "{\"action\":\"cancel\"}");
    assertThat(again.json().path("error_code").asText()).isEqualTo("illegal_action_error");
    String other = m.seed().runningExecution("dep-1", "heal");
    assertThat(http.post("/executions/" + other, "{\"action\":\"kill\"}").json().path("status").asText()).isEqualTo("kill_cancelling");
    String third = m.seed().runningExecution("dep-1", "heal");
    assertThat(http.post("/executions/" + third, "{\"action\":\"force-cancel\"}").json().path("status").asText()).isEqualTo("force_cancelling");
    assertThat(http.post("/executions/" + third, "{\"action\":\"dance\"}").status).isEqualTo(400);
  }

  @Test
  void entityListsCountWithSizeZero() {
    m.seed().blueprints(3).deployments(2).secrets(4).plugins(1).executionSchedule("nightly", "dep-1", "heal", m.now());
    for (String[] k : new String[][] {{"blueprints", "3"}, {"deployments", "2"}, {"secrets", "4"}, {"plugins", "1"},
        {"tenants", "1"}, {"users", "2"}, {"execution-schedules", "1"}}) {
      Http.Res r = http.get("/" + k[0] + "?_size=0");
      assertThat(r.status).as(k[0]).isEqualTo(200);
      assertThat(r.json().path("items")).as(k[0]).isEmpty();
      assertThat(r.json().path("metadata").path("pagination").path("total").asInt()).as(k[0]).isEqualTo(Integer.parseInt(k[1]));
    }
    assertThat(http.get("/blueprints?_all_tenants=true").json().path("items")).hasSize(3);
  }

  @Test
  void eventsFilterByExecution() {
    m.seed().snapshot("s", "created");
    String exec = http.post("/snapshots/s/restore", "{\"force\":true}").json().path("id").asText();
    m.advance(Duration.ofMinutes(3));
    JsonNode ev = http.get("/events?execution_id=" + exec + "&_sort=timestamp").json();
    assertThat(ev.path("items").size()).isGreaterThan(0);
    JsonNode first = ev.path("items").get(0);
    assertThat(keys(first)).contains("timestamp", "message", "event_type", "level", "type", "execution_id",
        "workflow_id", "logger");
    assertThat(first.path("execution_id").asText()).isEqualTo(exec);
    assertThat(http.get("/events?execution_id=none").json().path("items")).isEmpty();
  }

  @Test
  void statusClusterStatusManagersOk() {
    JsonNode s = http.get("/status").json();
    assertThat(s.path("status").asText()).isEqualTo("OK");
    assertThat(s.path("services").path("Manager Rest-Service").path("status").asText()).isEqualTo("Active");
    assertThat(http.get("/status?summary=true").json().path("services").size()).isZero();
    JsonNode full = http.get("/cluster-status").json();
    assertThat(full.path("services").path("manager").path("nodes").has("cfy-manager-1")).isTrue();
    // an all-in-one manager runs its own database (corpus seq 6): not external, with its node
    assertThat(full.path("services").path("db").path("is_external").asBoolean()).isFalse();
    assertThat(full.path("services").path("db").path("nodes").has("cfy-manager-1")).isTrue();
    Http.Res summary = http.get("/cluster-status?summary=true");
    assertThat(summary.status).isEqualTo(200);
    assertThat(summary.json().path("services").size()).isZero();
    JsonNode mgrs = http.get("/managers").json();
    assertThat(keys(mgrs.path("items").get(0))).containsExactlyInAnyOrder("id", "hostname", "private_ip", "public_ip",
        "version", "edition", "distribution", "distro_release", "fs_sync_node_id", "networks", "last_seen",
        "status_report_frequency", "ca_cert_content");
    m.statusFail(true);
    assertThat(http.get("/status").json().path("status").asText()).isEqualTo("Fail");
    assertThat(http.get("/cluster-status?summary=true").status).isEqualTo(500);
    assertThat(http.anonymous().get("/ok").status).isEqualTo(500);
  }

  @Test
  void executionSchedulesList() {
    m.seed().executionSchedule("nightly-heal", "web-prod", "heal", Instant.parse("2024-05-01T23:00:00Z"));
    JsonNode s = http.get("/execution-schedules?_search=nightly").json().path("items").get(0);
    assertThat(s.path("id").asText()).isEqualTo("nightly-heal");
    assertThat(s.path("since").asText()).isEqualTo("2024-05-01T23:00:00.000Z");
    assertThat(s.path("all_next_occurrences").get(0).asText()).isEqualTo("2024-05-01 23:00:00");
  }
}
