package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintenanceTest {
  FakeCloudifyManager m;
  Http http;

  @BeforeEach
  void start() {
    m = FakeCloudifyManager.builder().user("bob", "bob-pass", "default").build().start();
    http = new Http(m.baseUrl());
  }

  @AfterEach
  void stop() {
    m.close();
  }

  @Test
  void deactivatedShapeAndDoubleCalls304() {
    JsonNode g = http.get("/maintenance").json();
    assertThat(g.toString()).isEqualTo("{\"status\":\"deactivated\",\"activated_at\":\"\",\"activation_requested_at\":\"\","
        + "\"remaining_executions\":null,\"requested_by\":\"\"}");
    Http.Res deact = http.postEmpty("/maintenance/deactivate");
    assertThat(deact.status).isEqualTo(304);
    assertThat(deact.body).isEmpty();
    Http.Res a = http.postEmpty("/maintenance/activate");
    assertThat(a.status).isEqualTo(200);
    assertThat(a.json().path("status").asText()).isEqualTo("activated");
    assertThat(a.json().path("remaining_executions").toString()).isEqualTo("[[]]");
    assertThat(a.json().path("activated_at").asText()).isEqualTo(a.json().path("activation_requested_at").asText());
    Http.Res again = http.postEmpty("/maintenance/activate");
    assertThat(again.status).isEqualTo(304);
    assertThat(again.body).isEmpty();
    JsonNode d = http.postEmpty("/maintenance/deactivate").json();
    assertThat(d.path("status").asText()).isEqualTo("deactivated");
    assertThat(d.path("requested_by").asText()).isEqualTo("admin");
    assertThat(d.path("activated_at").asText()).isNotEmpty();
    assertThat(d.get("remaining_executions").isNull()).isTrue();
    assertThat(http.postEmpty("/maintenance/bogus").json().path("message").asText())
        .isEqualTo("Invalid action: bogus, Valid action values are: ['activate', 'deactivate']");
    assertThat(http.as("bob", "bob-pass").postEmpty("/maintenance/activate").status).isEqualTo(403);
    assertThat(http.as("bob", "bob-pass").get("/maintenance").status).isEqualTo(200);
  }

  @Test
  void activatingNestedRemainingThenLazyFlip() {
    String run = m.seed().runningExecution("web-prod", "install");
    JsonNode a = http.postEmpty("/maintenance/activate").json();
    assertThat(a.path("status").asText()).isEqualTo("activating");
    assertThat(a.get("activated_at").isNull()).isTrue();
    JsonNode nested = a.path("remaining_executions");
    assertThat(nested.isArray() && nested.get(0).isArray()).isTrue();
    assertThat(nested.get(0).get(0).path("id").asText()).isEqualTo(run);
    assertThat(nested.get(0).get(0).path("workflow_id").asText()).isEqualTo("install");
    assertThat(nested.get(0).get(0).path("deployment_id").asText()).isEqualTo("web-prod");

    JsonNode g = http.get("/maintenance").json();
    assertThat(g.path("status").asText()).isEqualTo("activating");
    assertThat(g.path("remaining_executions").get(0).path("id").asText()).isEqualTo(run); // flat on GET

    // finishing the execution does not flip by itself; the next request does
    m.seed().finish(run, "terminated");
    assertThat(m.maintenanceStatus()).isEqualTo("activating");
    m.advance(Duration.ofSeconds(7));
    JsonNode flipped = http.get("/maintenance").json();
    assertThat(flipped.path("status").asText()).isEqualTo("activated");
    assertThat(flipped.path("activated_at").asText()).isEqualTo(FakeCloudifyManager.ts(m.now()));
    assertThat(flipped.get("remaining_executions").isNull()).isTrue();
  }

  @Test
  void activateResponseIsFlatOn505() {
    try (FakeCloudifyManager old = FakeCloudifyManager.builder().profile(ServerProfile.V5_0_5).build().start()) {
      Http h = new Http(old.baseUrl());
      assertThat(h.postEmpty("/maintenance/activate").json().path("remaining_executions").toString()).isEqualTo("[]");
      // 5.x gating: managers is not in the (shorter) allow-list
      assertThat(h.get("/managers").status).isEqualTo(503);
    }
  }

  @Test
  void gatingWhileActivating() {
    m.seed().snapshot("s", "created");
    String run = m.seed().runningExecution("web-prod", "install");
    http.postEmpty("/maintenance/activate");
    Http.Res create = http.put("/snapshots/s2", "{}");
    assertThat(create.status).isEqualTo(503);
    assertThat(create.json().path("error_code").asText()).isEqualTo("entering_maintenance_mode");
    assertThat(create.json().path("message").asText()).isEqualTo("Your request was rejected since Cloudify manager is currently in maintenance mode");
    assertThat(create.json().path("server_traceback").asText()).isEqualTo("NoneType: None\n");
    assertThat(http.post("/snapshots/s/restore", "{\"force\":true}").json().path("error_code").asText()).isEqualTo("entering_maintenance_mode");
    assertThat(http.get("/snapshots/s/restore").status).isEqualTo(503); // any method on restore
    // allowed while activating
    assertThat(http.get("/executions/" + run).status).isEqualTo(200);
    assertThat(http.post("/executions/" + run, "{\"action\":\"cancel\"}").status).isEqualTo(200);
    assertThat(http.get("/snapshots").status).isEqualTo(200);
    assertThat(http.get("/events").status).isEqualTo(200);
    assertThat(http.get("/snapshots/s/archive").status).isEqualTo(200);
    assertThat(http.delete("/snapshots/s").status).isEqualTo(200);
    // bypass as admin
    assertThat(http.header("X-BYPASS-MAINTENANCE", "true").put("/snapshots/s3", "{}").status).isEqualTo(201);
  }

  @Test
  void gatingWhileActivatedWithAndWithoutBypass() {
    m.seed().snapshot("s", "created").blueprints(1);
    http.postEmpty("/maintenance/activate");
    for (String p : new String[] {"/executions", "/events", "/tokens", "/tenants", "/users", "/blueprints",
      "/deployments", "/secrets", "/plugins", "/execution-schedules"}) {
      Http.Res r = http.get(p);
      assertThat(r.status).as(p).isEqualTo(503);
      assertThat(r.json().path("error_code").asText()).as(p).isEqualTo("maintenance_mode_active");
    }
    for (String p : new String[] {"/snapshots", "/snapshots/s", "/snapshot-status", "/status", "/version",
      "/api/version", "/managers", "/cluster-status", "/maintenance", "/ok"}) {
      assertThat(http.get(p).status).as(p).isEqualTo(200);
    }
    // all snapshots/* allowed: create, restore
    assertThat(http.put("/snapshots/s2", "{}").status).isEqualTo(201);
    Http bypass = http.header("X-BYPASS-MAINTENANCE", "yes");
    assertThat(bypass.get("/executions").status).isEqualTo(200);
    // bypass needs a sys_admin with valid credentials
    assertThat(bypass.as("bob", "bob-pass").get("/executions").status).isEqualTo(503);
    assertThat(bypass.as("admin", "wrong").get("/executions").status).isEqualTo(503);
    assertThat(http.header("X-BYPASS-MAINTENANCE", "").get("/executions").status).isEqualTo(503);
    // unrouted still nginx 404
    assertThat(http.get("/api/v3.1/zzz").status).isEqualTo(404);
    // gating comes before auth
    assertThat(http.anonymous().get("/executions").status).isEqualTo(503);
  }

  @Test
  void queuedAndScheduledKeepActivating() {
    String q = m.seed().queuedExecution("dep-1", "install");
    String busy = m.seed().runningExecution("dep-1", "heal");
    http.postEmpty("/maintenance/activate");
    m.seed().finish(busy, "terminated");
    m.advance(Duration.ofSeconds(5));
    JsonNode g = http.get("/maintenance").json();
    assertThat(g.path("status").asText()).isEqualTo("activating");
    assertThat(g.path("remaining_executions").get(0).path("status").asText()).isEqualTo("queued");
    // deactivate starts the queued execution
    http.postEmpty("/maintenance/deactivate");
    m.advance(Duration.ofSeconds(1));
    assertThat(m.executionStatus(q)).isEqualTo("started");
  }
}
