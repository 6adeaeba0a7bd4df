package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fake enforces the real manager's rules, not a list of recorded cases: requests that are NOT in the corpus but
 * break the same rules differently get the answers the rules give (the corpus line each rule comes from is named).
 */
class ContractRulesTest {
  @TempDir
  Path dir;
  FakeCloudifyManager m;
  Http http;

  @BeforeEach
  void start() {
    m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).edition(Edition.COMMUNITY)
        .workflows(WorkflowMode.WORKER_DRIVEN).restoreFlagFile(dir.resolve("flag")).build().start();
    http = new Http(m.baseUrl());
  }

  @AfterEach
  void stop() {
    m.close();
  }

  private Http.Res send(String method, String path, String body, String... contentTypes) {
    HttpRequest.Builder b = http.req(path);
    for (String ct : contentTypes) {
      b.header("Content-Type", ct);
    }
    return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static void assertError(Http.Res r, int status, String code) {
    assertThat(r.status).as(r.text()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.json().path("error_code").asText()).isEqualTo(code);
  }

  private String createPending(String id) {
    Http.Res r = http.put("/snapshots/" + id, "{}");
    assertThat(r.status).as(r.text()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  // ------------------------------------------------------------------ Content-Type (corpus seq 20, 24, 28, 66, 129)

  @Test
  void everyJsonBodyEndpointWantsExactlyApplicationJson() {
    String exec = createPending("snap");
    assertError(send("POST", "/tokens", "{}", "application/json; charset=utf-8"), 415,
        "unsupported_content_type_error");
    assertError(send("PATCH", "/snapshots/snap", "{\"status\": \"created\"}", "Application/JSON"), 415,
        "unsupported_content_type_error");
    assertError(send("PATCH", "/executions/" + exec, "{\"status\": \"started\"}", "application/json;charset=UTF-8"),
        415, "unsupported_content_type_error");
    assertError(send("POST", "/executions/" + exec, "{\"action\": \"cancel\"}"), 415,
        "unsupported_content_type_error");
    assertError(send("POST", "/snapshots/snap/restore", "{\"force\": false}", "text/json"), 415,
        "unsupported_content_type_error");
    // nothing happened
    assertThat(m.executionStatus(exec)).isEqualTo("pending");
    assertThat(m.snapshotStatus("snap")).isEqualTo("creating");
  }

  @Test
  void theLastOfTwoContentTypeHeadersCounts() {
    assertThat(send("PUT", "/snapshots/first", "{}", "text/plain", "application/json").status).isEqualTo(201);
    assertError(send("PUT", "/snapshots/second", "{}", "application/json", "application/json; charset=UTF-8"),
        415, "unsupported_content_type_error");
    assertThat(m.snapshotStatus("second")).isNull();
  }

  // ------------------------------------------------------------------ bodies (seq 30, 31, 32, 64, 68, 126, 127)

  @Test
  void unparsableBodiesGetWerkzeugsHtml400WithoutErrorCode() {
    String exec = createPending("snap");
    for (Http.Res r : new Http.Res[] {
        send("POST", "/executions/" + exec, "{\"action\": ", "application/json"),
        send("PATCH", "/executions/" + exec, "", "application/json"),
        send("POST", "/tokens", "", "application/json"),
        send("POST", "/snapshots/snap/restore", "force=false", "application/json")}) {
      assertThat(r.status).isEqualTo(400);
      assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(r.text()).contains("<title>400 Bad Request</title>").doesNotContain("error_code");
    }
  }

  @Test
  void aListBodyIsMissingItsKeysOnActionsAndA500Elsewhere() {
    String exec = createPending("snap");
    Http.Res kill = send("POST", "/executions/" + exec, "[\"kill\"]", "application/json");
    assertError(kill, 400, "bad_parameters_error");
    assertThat(kill.json().path("message").asText()).isEqualTo("Missing action in json request body");
    assertError(send("PATCH", "/executions/" + exec, "[\"terminated\"]", "application/json"), 400,
        "bad_parameters_error");
    // the key is "in" the list, then the handler reads it like a dict: 500, the message hides the exception
    Http.Res patch = send("PATCH", "/snapshots/snap", "[\"status\"]", "application/json");
    assertError(patch, 500, "internal_server_error");
    assertThat(patch.json().path("message").asText()).doesNotContain("AttributeError");
    assertThat(patch.json().path("server_traceback").asText()).contains("AttributeError");
    assertError(send("POST", "/tokens", "[]", "application/json"), 500, "internal_server_error");
    assertError(send("POST", "/snapshots/snap/restore", "[\"force\"]", "application/json"), 500,
        "internal_server_error");
    assertError(send("POST", "/snapshots/snap/restore", "{\"restore_certificates\": false}", "application/json"),
        500, "internal_server_error");
    assertThat(m.executionStatus(exec)).isEqualTo("pending");
  }

  // ------------------------------------------------------------------ field types (seq 35, 36, 38, 39)

  @Test
  void fieldTypesOnCreate() {
    assertThat(http.put("/snapshots/s1", "{\"include_credentials\": \"TRUE\", \"queue\": \"False\"}").status)
        .isEqualTo(201);
    Http.Res no = http.put("/snapshots/s2", "{\"include_events\": \"No\"}");
    assertError(no, 400, "bad_parameters_error");
    assertThat(no.json().path("message").asText()).isEqualTo("include_events must be <true/false>, got No");
    assertError(http.put("/snapshots/s3", "{\"tempdir_path\": true}"), 500, "internal_server_error");
    assertError(http.put("/snapshots/s4", "{\"listener_timeout\": \"soon\"}"), 400, "bad_parameters_error");
    assertError(http.put("/snapshots/s5", "{\"tempdir_path\": \"" + dir.resolve("missing") + "\"}"), 403,
        "forbidden_error");
    Http.Res ok = http.put("/snapshots/s6", "{\"tempdir_path\": \"" + dir + "\", \"listener_timeout\": \"7\"}");
    assertThat(ok.status).isEqualTo(201);
    assertThat(ok.json().path("parameters").path("listener_timeout").isDouble()).isTrue();
    assertThat(m.snapshotStatus("s2")).isNull();
    assertThat(m.snapshotStatus("s5")).isNull();
  }

  @Test
  void restoreFieldTypes() throws Exception {
    http.putBytes("/snapshots/up/archive", "zip".getBytes(StandardCharsets.UTF_8));
    assertError(http.post("/snapshots/up/restore", "{\"force\": \"maybe\"}"), 400, "bad_parameters_error");
    Http.Res r = http.post("/snapshots/up/restore", "{\"force\": \"TRUE\", \"timeout\": \"42\"}");
    assertThat(r.status).as(r.text()).isEqualTo(200);
    JsonNode e = m.execution(r.json().path("id").asText()).orElseThrow();
    assertThat(e.path("parameters").path("timeout").asInt()).isEqualTo(42);
    assertThat(e.path("parameters").path("force").asBoolean()).isTrue();
    assertThat(e.path("error").isNull()).isTrue();
    assertThat(e.path("total_operations").asInt(-1)).isZero();
  }

  // ------------------------------------------------------------------ ids (seq 42, 43, 45, 47, 92)

  @Test
  void idRulesApplyOnCreateOnly() {
    assertError(http.put("/snapshots/_snap", "{}"), 400, "bad_parameters_error");
    assertError(http.put("/snapshots/snap$1", "{}"), 400, "bad_parameters_error");
    assertThat(http.put("/snapshots/snap~1", "{}").status).as("7.x's Python leaves ~ unquoted").isEqualTo(201);
    assertError(http.put("/snapshots/" + "a".repeat(257), "{}"), 400, "bad_parameters_error");
    assertThat(http.putBytes("/snapshots/~odd%20id/archive", new byte[] {1, 2, 3}).status).isEqualTo(201);
    assertThat(http.get("/snapshots/~odd%20id").json().path("id").asText()).isEqualTo("~odd id");
  }

  @Test
  void aTildeIsRefusedByManagersOnOlderPythons() {
    try (FakeCloudifyManager old = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start()) {
      Http h = new Http(old.baseUrl());
      assertError(h.put("/snapshots/snap~1", "{}"), 400, "bad_parameters_error");
      assertThat(h.put("/snapshots/snap-1", "{}").status).isEqualTo(201);
    }
  }

  // ------------------------------------------------------------------ auth (seq 13, 14, 146)

  @Test
  void tenantHeadersAndOptionalCredentials() {
    Http.Res twice = http.send(http.tenant(null).req("/executions").header("Tenant", "default_tenant")
        .header("Tenant", "default_tenant").GET().build());
    assertError(twice, 403, "forbidden_error");
    assertThat(twice.json().path("message").asText()).endsWith("default_tenant,default_tenant");
    assertError(http.tenant(null).get("/blueprints"), 403, "forbidden_error");
    assertThat(http.anonymous().tenant(null).get("/snapshot-status").status).isEqualTo(200);
    assertError(http.as("admin", "wrong").get("/snapshot-status"), 401, "unauthorized_error");
    assertError(http.anonymous().header("Authentication-Token", "ctok-nosuch-secret").get("/ok"), 401,
        "unauthorized_error");
  }

  // ------------------------------------------------------------------ PATCH /executions (seq 72, 73, 138)

  @Test
  void patchExecutionFollowsTheServiceTransitionRules() {
    String exec = createPending("snap");
    Http.Res started = http.json("PATCH", "/executions/" + exec, "{\"status\": \"started\"}");
    assertThat(started.status).isEqualTo(200);
    assertThat(started.json().path("error").asText(null)).isEqualTo("");
    assertThat(started.json().path("started_at").isNull()).isFalse();
    Http.Res cancel = http.post("/executions/" + exec, "{\"action\": \"cancel\"}");
    assertThat(cancel.json().path("status").asText()).isEqualTo("cancelling");
    assertError(http.json("PATCH", "/executions/" + exec, "{\"status\": \"terminated\"}"), 400,
        "invalid_exception_status_update");
    assertError(http.json("PATCH", "/executions/" + exec, "{\"status\": \"done\"}"), 409, "storage_error");
    assertThat(http.json("PATCH", "/executions/" + exec, "{\"status\": \"cancelled\"}").status).isEqualTo(200);
    // an ended create_snapshot may still change; an ended restore may not
    assertThat(http.json("PATCH", "/executions/" + exec, "{\"status\": \"terminated\"}").status).isEqualTo(200);
    http.putBytes("/snapshots/up/archive", "zip".getBytes(StandardCharsets.UTF_8));
    String restore = http.post("/snapshots/up/restore", "{\"force\": false}").json().path("id").asText();
    assertThat(http.json("PATCH", "/executions/" + restore, "{\"status\": \"failed\", \"error\": \"x\"}").status)
        .isEqualTo(200);
    assertError(http.json("PATCH", "/executions/" + restore, "{\"status\": \"terminated\"}"), 400,
        "invalid_exception_status_update");
    assertThat(m.execution(restore).orElseThrow().path("error").asText()).isEqualTo("x");
  }

  // ------------------------------------------------------------------ worker-driven workflows

  @Test
  void workerDrivenExecutionsWaitForTheWorkersRequests() throws Exception {
    String exec = createPending("nightly");
    m.advance(Duration.ofHours(1));
    assertThat(m.executionStatus(exec)).isEqualTo("pending");
    Http.Res cancel = http.post("/executions/" + createPending("other"), "{\"action\": \"kill\"}");
    m.advance(Duration.ofHours(1));
    assertThat(m.executionStatus(cancel.json().path("id").asText())).isEqualTo("kill_cancelling");
    Http bypass = http.header("X-BYPASS-MAINTENANCE", "true");
    bypass.json("PATCH", "/executions/" + exec, "{\"status\": \"started\"}");
    assertThat(bypass.putBytes("/snapshots/nightly/archive", new byte[] {9, 9}).status).isEqualTo(201);
    Http.Res patched = bypass.json("PATCH", "/snapshots/nightly", "{\"status\": \"created\"}");
    assertThat(patched.status).isEqualTo(200);
    assertThat(patched.text()).isEqualTo("null");
    bypass.json("PATCH", "/executions/" + exec, "{\"status\": \"terminated\"}");
    assertThat(m.snapshotStatus("nightly")).isEqualTo("created");
    assertThat(http.get("/snapshots/nightly/archive").body).containsExactly(9, 9);
    assertThat(m.events()).isEmpty();
    // /snapshot-status follows the flag file, not the execution
    assertThat(http.anonymous().get("/snapshot-status").json().path("status").asText()).isEqualTo("not-running");
    Files.createFile(m.restoreFlagFile());
    assertThat(http.anonymous().get("/snapshot-status").json().path("status").asText()).isEqualTo("running");
    assertThat(m.restoreInProgress()).isTrue();
    Files.delete(m.restoreFlagFile());
    assertThat(m.restoreInProgress()).isFalse();
  }

  // ------------------------------------------------------------------ refused restore (seq 134-136, 189-191)

  @Test
  void aRefusedRestoreLeavesAPendingExecutionThatKeepsMaintenanceActivating() {
    http.putBytes("/snapshots/up/archive", "zip".getBytes(StandardCharsets.UTF_8));
    String create = createPending("busy");
    assertError(http.post("/snapshots/up/restore", "{\"force\": true}"), 400, "existing_running_execution_error");
    JsonNode left = http.get("/executions?_include_system_workflows=true&workflow_id=restore_snapshot"
        + "&status=pending&_include=id,status").json().path("items");
    assertThat(left).hasSize(1);
    String leftover = left.get(0).path("id").asText();
    http.header("X-BYPASS-MAINTENANCE", "x").json("PATCH", "/executions/" + create,
        "{\"status\": \"cancelled\"}");
    JsonNode mm = http.postEmpty("/maintenance/activate").json();
    assertThat(mm.path("status").asText()).isEqualTo("activating");
    assertThat(mm.path("remaining_executions").get(0).get(0).path("id").asText()).isEqualTo(leftover);
    assertThat(http.get("/maintenance").json().path("status").asText()).isEqualTo("activating");
    http.post("/executions/" + leftover, "{\"action\": \"kill\"}");
    http.header("X-BYPASS-MAINTENANCE", "true").json("PATCH", "/executions/" + leftover,
        "{\"status\": \"cancelled\"}");
    assertThat(http.get("/maintenance").json().path("status").asText()).isEqualTo("activated");
  }

  @Test
  void theAutomaticModeLeavesTheRefusedRestoresExecutionPendingToo() {
    try (FakeCloudifyManager auto = FakeCloudifyManager.builder().edition(Edition.COMMUNITY).build().start()) {
      Http h = new Http(auto.baseUrl());
      h.putBytes("/snapshots/up/archive", "zip".getBytes(StandardCharsets.UTF_8));
      String create = h.put("/snapshots/busy", "{}").json().path("id").asText();
      assertThat(auto.execution(create).orElseThrow().path("error").isNull()).isTrue();
      assertError(h.post("/snapshots/up/restore", "{\"force\": true}"), 400, "existing_running_execution_error");
      auto.advance(Duration.ofMinutes(10));
      assertThat(auto.executionStatus(create)).isEqualTo("terminated");
      assertThat(auto.execution(create).orElseThrow().path("error").asText(null)).isEqualTo("");
      assertThat(auto.executions()).filteredOn(e -> e.path("workflow_id").asText().equals("restore_snapshot"))
          .singleElement().satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("pending"));
    }
  }

  // ------------------------------------------------------------------ downloads (seq 100, 225)

  @Test
  void aRowWithoutItsFileGetsNginxsHtml404WithContentDisposition() throws Exception {
    http.putBytes("/snapshots/up/archive", "zip".getBytes(StandardCharsets.UTF_8));
    Http.Res head = http.send(http.req("/snapshots/up/archive").method("HEAD",
        HttpRequest.BodyPublishers.noBody()).build());
    assertThat(head.status).isEqualTo(200);
    assertThat(head.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(head.body).isEmpty();
    Files.delete(m.archivePath("up"));
    Http.Res r = http.get("/snapshots/up/archive");
    assertThat(r.status).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo("text/html");
    assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"up.zip\"");
  }

  // ------------------------------------------------------------------ lists (seq 104, 107, 109, 117, 212, 215)

  @Test
  void listRules() {
    createPending("a1");
    createPending("a2");
    JsonNode count = http.get("/executions?_include_system_workflows=true&_size=0").json();
    assertThat(count.path("items")).isEmpty();
    assertThat(count.path("metadata").path("pagination").path("total").asInt()).isEqualTo(2);
    assertError(http.get("/executions?_include=id,nosuch"), 400, "no_such_include_field_error");
    assertError(http.get("/executions?_sort=-nosuch"), 400, "bad_parameters_error");
    assertError(http.get("/executions?nosuch=1"), 400, "bad_parameters_error");
    assertError(http.get("/executions?_include_system_workflows=true&status=done"), 500, "internal_server_error");
    JsonNode tenants = http.get("/tenants?_size=0&_offset=3&_sort=-name&name=nosuch").json();
    assertThat(tenants.path("items")).hasSize(1);
    assertThat(tenants.path("metadata").path("pagination").path("size").asInt()).isEqualTo(1000);
    JsonNode events = http.get("/events").json();
    assertThat(events.path("metadata").has("filtered")).isFalse();
    assertThat(events.path("metadata").path("pagination").path("size").asInt()).isEqualTo(10000);
    assertThat(http.get("/events?_size=3").json().path("metadata").path("pagination").path("size").asInt())
        .isEqualTo(3);
  }

  // ------------------------------------------------------------------ routing (seq 220-224) and 304s (seq 164)

  @Test
  void routingAnd304() {
    Http.Res slash = http.get("/executions/");
    assertThat(slash.status).isEqualTo(404);
    assertThat(slash.header("Content-Type")).startsWith("text/html");
    Http.Res merged = http.get("/api/v3.1//executions//x");
    assertThat(merged.status).isEqualTo(308);
    assertThat(merged.header("Location")).isEqualTo("http://127.0.0.1/api/v3.1/executions/x");
    Http.Res off = http.postEmpty("/maintenance/deactivate");
    assertThat(off.status).isEqualTo(304);
    assertThat(off.header("Content-Type")).isNull();
    assertThat(off.body).isEmpty();
  }
}
