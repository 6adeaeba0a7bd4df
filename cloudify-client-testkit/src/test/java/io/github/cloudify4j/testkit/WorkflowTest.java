package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkflowTest {
  static final Instant T0 = Instant.parse("2024-05-02T01:00:00Z");

  static FakeCloudifyManager.Builder builder(ServerProfile p) {
    return FakeCloudifyManager.builder().profile(p).startTime(T0);
  }

  static List<String> entries(java.nio.file.Path zip) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Collections.list(z.entries()).forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  static JsonNode entry(java.nio.file.Path zip, String name) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return new ObjectMapper().readTree(z.getInputStream(z.getEntry(name)));
    }
  }

  @Test
  void createSnapshotOverVirtualTimeWritesNewFormatArchive() throws Exception {
    try (FakeCloudifyManager m = builder(ServerProfile.V7_0_4).build().start()) {
      m.seed().blueprints(2).deployments(3).secrets(1);
      Http h = new Http(m.baseUrl());
      String exec = h.put("/snapshots/snap-1", "{}").json().path("id").asText();
      assertThat(m.executionStatus(exec)).isEqualTo("pending");
      m.advance(Duration.ofMillis(500));
      JsonNode e = h.get("/executions/" + exec).json();
      assertThat(e.path("status").asText()).isEqualTo("started");
      assertThat(e.path("started_at").asText()).isEqualTo("2024-05-02T01:00:00.500Z");
      assertThat(h.get("/snapshots/snap-1").json().path("status").asText()).isEqualTo("creating");
      assertThat(h.get("/snapshots/snap-1/archive").status).isEqualTo(404);
      m.advance(Duration.ofSeconds(10));
      e = h.get("/executions/" + exec).json();
      assertThat(e.path("status").asText()).isEqualTo("terminated");
      assertThat(e.path("status_display").asText()).isEqualTo("completed");
      assertThat(e.path("ended_at").asText()).isEqualTo("2024-05-02T01:00:10.500Z");
      assertThat(h.get("/snapshots/snap-1").json().path("status").asText()).isEqualTo("created");

      java.nio.file.Path zip = m.archivePath("snap-1");
      assertThat(entries(zip)).contains("metadata.json", "mgmt/tenants/0.json", "mgmt/users/0.json",
          "tenants/default_tenant/blueprints/0.json", "tenants/default_tenant/deployments/0.json",
          "tenants/default_tenant/secrets/0.json");
      JsonNode meta = entry(zip, "metadata.json");
      assertThat(meta.path("snapshot_version").asText()).isEqualTo("7.0.4");
      assertThat(meta.has("schema_revision")).isFalse();
      JsonNode bps = entry(zip, "tenants/default_tenant/blueprints/0.json");
      assertThat(bps.path("type").asText()).isEqualTo("blueprints");
      assertThat(bps.path("items")).hasSize(2);
      assertThat(entry(zip, "tenants/default_tenant/deployments/0.json").path("items")).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V5_0_5", "V6_4"})
  void legacyProfilesWriteLegacyArchives(ServerProfile p) throws Exception {
    try (FakeCloudifyManager m = builder(p).build().start()) {
      new Http(m.baseUrl()).put("/snapshots/s", "{}");
      m.advance(Duration.ofMinutes(1));
      JsonNode meta = entry(m.archivePath("s"), "metadata.json");
      assertThat(meta.path("snapshot_version").asText()).isEqualTo(p.version());
      assertThat(meta.has("schema_revision") && meta.has("composer_schema_revision")
          && meta.has("stage_schema_revision")).isTrue();
    }
  }

  @Test
  void createFailsOnDemand() {
    try (FakeCloudifyManager m = builder(ServerProfile.V7_0_4).build().start()) {
      m.failNextSnapshotCreation("[Errno 28] No space left on device");
      Http h = new Http(m.baseUrl());
      String exec = h.put("/snapshots/snap-broken", "{}").json().path("id").asText();
      m.advance(Duration.ofSeconds(30));
      JsonNode s = h.get("/snapshots/snap-broken").json();
      assertThat(s.path("status").asText()).isEqualTo("failed");
      assertThat(s.path("error").asText()).isEqualTo("[Errno 28] No space left on device");
      assertThat(m.executionStatus(exec)).isEqualTo("failed");
      assertThat(m.execution(exec).orElseThrow().path("error").asText()).contains("No space left");
      assertThat(h.get("/snapshots/snap-broken/archive").status).isEqualTo(400);
    }
  }

  private static String restoreBody(ServerProfile p) {
    return p == ServerProfile.V5_0_5 ? "{\"recreate_deployments_envs\":true,\"force\":true}" : "{\"force\":true}";
  }

  @Test
  void legacyRestoreConnectionRefusedWindow() {
    try (FakeCloudifyManager m = builder(ServerProfile.V6_4).restartWindow(Duration.ofSeconds(10), Duration.ofSeconds(30))
        .restoreDuration(Duration.ofSeconds(60)).build().start()) {
      m.seed().blueprints(2).snapshot("s", "created");
      m.seed().blueprints(1); // manager now differs from the archive
      Http h = new Http(m.baseUrl());
      int port = m.port();
      String exec = h.post("/snapshots/s/restore", "{\"force\":true}").json().path("id").asText();
      m.advance(Duration.ofSeconds(1));
      assertThat(h.anonymous().get("/snapshot-status").json().path("status").asText()).isEqualTo("running");
      m.advance(Duration.ofSeconds(10));
      assertThat(m.restApiDown()).isTrue();
      assertThatThrownBy(() -> h.get("/api/version")).isInstanceOf(UncheckedIOException.class);
      m.advance(Duration.ofSeconds(30));
      assertThat(m.port()).isEqualTo(port);
      assertThat(h.get("/api/version").status).isEqualTo(200);
      assertThat(m.count("blueprints")).isEqualTo(2); // the archive's entities
      m.advance(Duration.ofSeconds(20));
      assertThat(m.executionStatus(exec)).isEqualTo("terminated");
      assertThat(h.anonymous().get("/snapshot-status").json().path("status").asText()).isEqualTo("running");
      m.advance(Duration.ofSeconds(5));
      assertThat(h.anonymous().get("/snapshot-status").json().path("status").asText()).isEqualTo("not-running");
      assertThat(h.get("/snapshots/s").status).isEqualTo(404); // 6.3+: restored snapshot disappears
    }
  }

  @Test
  void legacyRestoreBadGatewayWindow() {
    try (FakeCloudifyManager m = builder(ServerProfile.V7_0_4).restartMode(RestartMode.BAD_GATEWAY).build().start()) {
      m.seed().snapshot("s", "created", true);
      Http h = new Http(m.baseUrl());
      h.post("/snapshots/s/restore", "{\"force\":true}");
      m.advance(Duration.ofSeconds(11));
      Http.Res r = h.get("/status");
      assertThat(r.status).isEqualTo(502);
      assertThat(r.text()).contains("502 Bad Gateway").contains("nginx");
      assertThat(h.anonymous().get("/snapshot-status").status).isEqualTo(502);
      m.advance(Duration.ofSeconds(30));
      assertThat(h.get("/status").status).isEqualTo(200);
    }
  }

  @Test
  void legacyRestoreHangWindow() {
    try (FakeCloudifyManager m = builder(ServerProfile.V6_4).restartMode(RestartMode.HANG).build().start()) {
      m.seed().snapshot("s", "created");
      Http h = new Http(m.baseUrl());
      h.post("/snapshots/s/restore", "{\"force\":true}");
      m.advance(Duration.ofSeconds(11));
      assertThatThrownBy(() -> h.timeout(Duration.ofMillis(200)).get("/status"))
          .hasCauseInstanceOf(HttpTimeoutException.class);
      m.advance(Duration.ofSeconds(30));
      assertThat(h.get("/status").status).isEqualTo(200);
    }
  }

  @Test
  void legacyRestoreValidationFailsTheExecutionNotThePost() {
    try (FakeCloudifyManager m = builder(ServerProfile.V6_4).build().start()) {
      m.seed().blueprints(1).snapshot("s", "created");
      Http h = new Http(m.baseUrl());
      Http.Res r = h.post("/snapshots/s/restore", "{\"force\":false}");
      assertThat(r.status).isEqualTo(200);
      m.advance(Duration.ofSeconds(1));
      assertThat(m.executionStatus(r.json().path("id").asText())).isEqualTo("failed");
      assertThat(m.execution(r.json().path("id").asText()).orElseThrow().path("error").asText()).contains("force");
    }
    // newer snapshot (7.0.4 legacy archive) on a 6.4 manager
    java.nio.file.Path zip;
    try (FakeCloudifyManager seven = builder(ServerProfile.V7_0_4).storageDir(tmp()).build().start()) {
      seven.seed().snapshot("new", "created", true);
      zip = copy(seven.archivePath("new"));
    }
    try (FakeCloudifyManager six = builder(ServerProfile.V6_4).build().start()) {
      six.seed().snapshotFromArchive("new", zip);
      String id = new Http(six.baseUrl()).post("/snapshots/new/restore", "{\"force\":true}").json().path("id").asText();
      six.advance(Duration.ofSeconds(1));
      assertThat(six.executionStatus(id)).isEqualTo("failed");
      assertThat(six.execution(id).orElseThrow().path("error").asText()).contains("newer");
      six.advance(Duration.ofSeconds(10));
      assertThat(six.restoreInProgress()).isFalse();
    }
  }

  @Test
  void scheduledExecutionsOverdueFailFutureStayScheduled() {
    try (FakeCloudifyManager m = builder(ServerProfile.V5_0_5).restartMode(RestartMode.NONE).build().start()) {
      // guide: 01:00 schedule for 04:00, 02:00 schedule for 08:00, 03:00 snapshot, 06:00 restore
      String first = m.seed().scheduledExecution("dep-1", "heal", Instant.parse("2024-05-02T04:00:00Z"));
      m.advance(Duration.ofHours(1));
      String second = m.seed().scheduledExecution("dep-1", "heal", Instant.parse("2024-05-02T08:00:00Z"));
      m.advance(Duration.ofHours(1));
      m.seed().snapshot("s", "created");
      m.advance(Duration.ofHours(3)); // 04:00 ran on the live manager
      assertThat(m.executionStatus(first)).isIn("started", "terminated");
      Http h = new Http(m.baseUrl());
      String exec = h.post("/snapshots/s/restore", "{\"recreate_deployments_envs\":true,\"force\":true}").json().path("id").asText();
      m.advance(Duration.ofMinutes(2));
      assertThat(m.executionStatus(exec)).isEqualTo("terminated");
      assertThat(m.executionStatus(first)).isEqualTo("failed");
      assertThat(m.executionStatus(second)).isEqualTo("scheduled");
      assertThat(m.events()).anyMatch(e -> e.path("message").asText().equals("Execution " + first
          + " scheduled for 2024-05-02T04:00:00.000Z is overdue. Marking as FAILED."));
      m.advance(Duration.ofHours(2));
      assertThat(m.executionStatus(second)).isIn("started", "terminated");
    }
  }

  @Test
  void legacyRestoreReplacesAdminCredentialsAndInvalidatesTokens() {
    try (FakeCloudifyManager m = builder(ServerProfile.V6_4).build().start()) {
      m.seed().snapshot("s", "created");
      m.restoreReplacesAdminPassword("new-pass");
      Http h = new Http(m.baseUrl());
      Http tok = h.anonymous();
      tok.token = h.post("/tokens", "{}").json().path("value").asText();
      h.post("/snapshots/s/restore", "{\"force\":true}");
      m.advance(Duration.ofSeconds(61));
      assertThat(h.get("/status").status).isEqualTo(200); // not yet: post-restore commands run later
      m.advance(Duration.ofSeconds(5));
      assertThat(h.get("/status").status).isEqualTo(401);
      assertThat(h.as("admin", "new-pass").get("/status").status).isEqualTo(200);
      assertThat(m.adminPassword()).isEqualTo("new-pass");
      assertThat(tok.get("/status").status).isEqualTo(401);
    }
  }

  @Test
  void restoreTakesAdminPasswordFromArchive() {
    java.nio.file.Path zip;
    try (FakeCloudifyManager src = builder(ServerProfile.V6_4).adminCredentials("admin", "source-pass").build().start()) {
      src.seed().blueprints(4).snapshot("s", "created");
      zip = copy(src.archivePath("s"));
    }
    try (FakeCloudifyManager m = builder(ServerProfile.V6_4).build().start()) {
      m.restoreTakesAdminPasswordFromArchive();
      m.seed().snapshotFromArchive("s", zip);
      new Http(m.baseUrl()).post("/snapshots/s/restore", "{\"force\":false}");
      m.advance(Duration.ofMinutes(2));
      assertThat(m.adminPassword()).isEqualTo("source-pass");
      assertThat(m.count("blueprints")).isEqualTo(4);
    }
  }

  @Test
  void newFormatRestoreDropsKindsAndLogsErrors() {
    java.nio.file.Path zip;
    try (FakeCloudifyManager src = builder(ServerProfile.V7_0_4).build().start()) {
      src.seed().blueprints(2).deployments(1).secrets(3);
      src.seed().runningExecution("dep-1", "install");
      src.seed().snapshot("s", "created");
      zip = copy(src.archivePath("s"));
    }
    try (FakeCloudifyManager m = builder(ServerProfile.V7_0_4).build().start()) {
      m.seed().snapshotFromArchive("s", zip);
      m.dropOnRestore("blueprints");
      Http h = new Http(m.baseUrl());
      Http.Res r = h.post("/snapshots/s/restore", "{\"force\":false}");
      String exec = r.json().path("id").asText();
      m.advance(Duration.ofSeconds(1));
      assertThat(m.restApiDown()).isFalse();
      assertThat(h.anonymous().get("/snapshot-status").json().path("status").asText()).isEqualTo("running");
      m.advance(Duration.ofSeconds(60));
      assertThat(m.executionStatus(exec)).isEqualTo("terminated");
      assertThat(h.anonymous().get("/snapshot-status").json().path("status").asText()).isEqualTo("not-running");
      assertThat(m.count("blueprints")).isZero();
      assertThat(m.count("deployments")).isEqualTo(1);
      assertThat(m.count("secrets")).isEqualTo(3);
      JsonNode evs = h.get("/events?execution_id=" + exec + "&level=error").json();
      assertThat(evs.path("items")).hasSize(2);
      assertThat(evs.path("items").get(0).path("message").asText()).startsWith("Error restoring blueprint bp-1");
      assertThat(evs.path("items").get(0).path("type").asText()).isEqualTo("cloudify_log");
      JsonNode restoredRunning = h.get("/executions?workflow_id=install").json().path("items").get(0);
      assertThat(restoredRunning.path("status").asText()).isEqualTo("cancelled");
      assertThat(restoredRunning.path("error").asText()).isEqualTo("Marked as cancelled by snapshot restore");
    }
  }

  @Test
  void kubernetesRejectsLegacyRestore() {
    try (FakeCloudifyManager m = builder(ServerProfile.V7_0_4).kubernetes(true).build().start()) {
      m.seed().snapshot("old", "created", true);
      Http h = new Http(m.baseUrl());
      assertThat(h.get("/api/version").json().path("distribution").asText()).isEqualTo("kubernetes");
      String id = h.post("/snapshots/old/restore", "{\"force\":true}").json().path("id").asText();
      m.advance(Duration.ofSeconds(1));
      assertThat(m.executionStatus(id)).isEqualTo("failed");
    }
  }

  @Test
  void failNextRestore() {
    try (FakeCloudifyManager m = builder(ServerProfile.V7_0_4).build().start()) {
      m.seed().snapshot("s", "created");
      m.failNextRestore("boom");
      String id = new Http(m.baseUrl()).post("/snapshots/s/restore", "{\"force\":true}").json().path("id").asText();
      m.advance(Duration.ofMinutes(2));
      assertThat(m.executionStatus(id)).isEqualTo("failed");
      assertThat(m.execution(id).orElseThrow().path("error").asText()).isEqualTo("boom");
      assertThat(m.restoreInProgress()).isFalse();
    }
  }

  static java.nio.file.Path tmp() {
    try {
      return java.nio.file.Files.createTempDirectory("wf-test");
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static java.nio.file.Path copy(java.nio.file.Path p) {
    try {
      java.nio.file.Path t = java.nio.file.Files.createTempFile("archive", ".zip");
      java.nio.file.Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      t.toFile().deleteOnExit();
      return t;
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
