package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MainAndExtensionTest {
  @RegisterExtension
  static FakeCloudifyManagerExtension fake = FakeCloudifyManagerExtension.builder()
      .profile(ServerProfile.V6_4).adminCredentials("root", "secret").build();

  @Test
  void parsesArguments() {
    FakeCloudifyManagerMain.Options o = FakeCloudifyManagerMain.parse("--port", "0", "--profile", "6.4",
        "--username=u", "--password", "p", "--tenant", "t", "--storage-dir", "/tmp/x", "--seed-demo", "--nodes", "2");
    assertThat(o.port).isZero();
    assertThat(o.profile).isEqualTo(ServerProfile.V6_4);
    assertThat(o.username).isEqualTo("u");
    assertThat(o.password).isEqualTo("p");
    assertThat(o.tenant).isEqualTo("t");
    assertThat(o.storageDir).isEqualTo("/tmp/x");
    assertThat(o.seedDemo).isTrue();
    assertThat(o.nodes).isEqualTo(2);
    assertThat(FakeCloudifyManagerMain.parse().profile).isEqualTo(ServerProfile.V7_0_4);
    assertThat(FakeCloudifyManagerMain.parse("--profile", "5.0.5").profile).isEqualTo(ServerProfile.V5_0_5);
    assertThat(FakeCloudifyManagerMain.parse("--help").help).isTrue();
    assertThatThrownBy(() -> FakeCloudifyManagerMain.parse("--port", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeCloudifyManagerMain.parse("--bogus")).hasMessageContaining("Unknown option");
    assertThatThrownBy(() -> FakeCloudifyManagerMain.parse("--port")).hasMessageContaining("Missing value");
    assertThatThrownBy(() -> FakeCloudifyManagerMain.parse("--profile", "4.0")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesEditionAndWorkflowOptions() {
    FakeCloudifyManagerMain.Options d = FakeCloudifyManagerMain.parse();
    assertThat(d.edition).isEqualTo(Edition.PREMIUM);
    assertThat(d.workflows).isEqualTo(WorkflowMode.AUTOMATIC);
    FakeCloudifyManagerMain.Options o = FakeCloudifyManagerMain.parse("--edition", "community", "--workflows",
        "worker-driven", "--restore-flag-file=/tmp/x/flag");
    assertThat(o.edition).isEqualTo(Edition.COMMUNITY);
    assertThat(o.workflows).isEqualTo(WorkflowMode.WORKER_DRIVEN);
    assertThat(o.restoreFlagFile).isEqualTo("/tmp/x/flag");
    try (FakeCloudifyManager m = FakeCloudifyManagerMain.create(FakeCloudifyManagerMain.parse("--workflows",
        "worker"))) {
      assertThat(m.restoreFlagFile().toString()).isEqualTo("/tmp/cloudify/snapshot_restoring");
      assertThat(m.workflowMode()).isEqualTo(WorkflowMode.WORKER_DRIVEN);
    }
    assertThat(FakeCloudifyManagerMain.USAGE).contains("--edition", "--workflows", "--restore-flag-file");
    assertThatThrownBy(() -> FakeCloudifyManagerMain.parse("--workflows", "manual"))
        .hasMessageContaining("worker-driven");
  }

  @Test
  void runsStandaloneOnPortZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FakeCloudifyManagerMain.Options o = FakeCloudifyManagerMain.parse("--port", "0", "--seed-demo", "--profile", "7.0.4");
    try (FakeCloudifyManager m = FakeCloudifyManagerMain.run(o, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8)).contains(m.baseUrl());
      Http h = new Http(m.baseUrl());
      assertThat(h.get("/api/version").json().path("version").asText()).isEqualTo("7.0.4");
      assertThat(h.get("/snapshots").json().path("items")).hasSize(2);
      assertThat(h.get("/blueprints?_size=0").json().path("metadata").path("pagination").path("total").asInt()).isEqualTo(3);
    }
  }

  @Test
  void extensionInjectsManager(FakeCloudifyManager m) {
    assertThat(m).isSameAs(fake.manager());
    assertThat(m.profile()).isEqualTo(ServerProfile.V6_4);
    Http h = new Http(m.baseUrl()).as("root", "secret");
    assertThat(h.get("/api/version").json().path("version").asText()).isEqualTo("6.4.0");
    assertThat(h.put("/snapshots/first", "{}").status).isEqualTo(201);
    m.advance(Duration.ofMinutes(1));
  }

  @Test
  void extensionResetsBetweenTests(FakeCloudifyManager m) {
    // whichever test runs second sees a clean manager
    assertThat(m.journal().isEmpty()).isTrue();
    Http h = new Http(m.baseUrl()).as("root", "secret");
    assertThat(h.get("/snapshots").json().path("items")).isEmpty();
    h.put("/snapshots/first", "{}");
  }

  @Test
  void httpsWhenGivenAnSslContext() throws Exception {
    // cheap check: the builder accepts a context and reports an https base URL
    javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getDefault();
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().https(ctx).build().start()) {
      assertThat(m.baseUrl()).startsWith("https://127.0.0.1:");
    }
  }
}
