package io.github.cloudify4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** snapshots, maintenance, status and doctor against a fake manager; connection from options, env and cfy profile. */
class ManagerCommandsTest {
  static final String PASSWORD = "An0ther-S3cret-9c2e";

  @TempDir Path tmp;
  FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
      .adminCredentials("admin", PASSWORD).startTime(Instant.parse("2026-03-04T02:00:00Z")).build().start();

  @AfterEach
  void stop() {
    m.close();
  }

  Cli cli() {
    return new Cli(tmp.resolve("home")).on(m).envFor(m);
  }

  @Test
  void snapshotsCreateListGetDownloadUploadDelete() throws Exception {
    m.seed().blueprints(2);
    Cli cli = cli();

    assertThat(cli.run("snapshots", "create", "s1", "--wait", "--output", "json")).as(cli.toString()).isZero();
    assertThat(cli.json().get("snapshot").get("status").asText()).isEqualTo("created");
    assertThat(m.journal().matching("PUT", "/api/v3.1/snapshots/s1")).hasSize(1);

    assertThat(cli.run("snapshots", "list", "--output", "json")).isZero();
    assertThat(cli.json().findValuesAsText("id")).containsExactly("s1");
    assertThat(cli.run("snapshots", "list")).isZero();
    assertThat(cli.out()).containsPattern("(?m)^s1\\s+created");

    assertThat(cli.run("snapshots", "get", "s1", "--output", "json")).isZero();
    assertThat(cli.json().get("restorable").asBoolean()).isTrue();

    Path file = tmp.resolve("s1.zip");
    assertThat(cli.run("snapshots", "download", "s1", file.toString(), "--output", "json")).as(cli.toString())
        .isZero();
    JsonNode d = cli.json();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(d.get("bytes").asLong()).isEqualTo(bytes.length);
    assertThat(d.get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    // Plain lines, not a redrawn bar: stderr is not a terminal here.
    assertThat(cli.err()).contains("100 %").doesNotContain("\r");

    assertThat(cli.run("snapshots", "upload", file.toString(), "--id", "s2", "--output", "json")).as(cli.toString())
        .isZero();
    assertThat(cli.json().get("id").asText()).isEqualTo("s2");
    assertThat(m.snapshotStatus("s2")).isEqualTo("uploaded");

    assertThat(cli.run("snapshots", "delete", "s2")).isEqualTo(Exit.REFUSED);
    assertThat(cli.err()).startsWith("refused: ").contains("--yes");
    assertThat(m.journal().count("DELETE", "/api/v3.1/snapshots/s2")).isZero();
    assertThat(cli.run("snapshots", "delete", "s2", "--yes", "--output", "json")).isZero();
    assertThat(cli.json().get("deleted").asBoolean()).isTrue();
    assertThat(m.snapshotStatus("s2")).isNull();

    assertThat(cli.all()).doesNotContain(PASSWORD);
  }

  @Test
  void aMissingSnapshotFailsWithOneLineAndAnErrorDocument() {
    Cli cli = cli();
    assertThat(cli.run("snapshots", "get", "nope", "--output", "json")).isEqualTo(Exit.FAILED);
    assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.startsWith("error: "));
    JsonNode e = cli.json();
    assertThat(e.get("exit_code").asInt()).isEqualTo(1);
    assertThat(e.get("command").asText()).isEqualTo("cloudify4j snapshots get");
    assertThat(e.get("error").asText()).contains("nope");
  }

  @Test
  void stackTracesOnlyWithDebugAndNeverASecret() throws Exception {
    Cli cli = cli();
    cli.env.put("CLOUDIFY_PASSWORD", "wrong-" + PASSWORD);
    assertThat(cli.run("status")).isEqualTo(Exit.FAILED);
    assertThat(cli.err()).startsWith("error: ").doesNotContain("\tat ");
    assertThat(cli.run("status", "--debug")).isEqualTo(Exit.FAILED);
    assertThat(cli.err()).contains("\tat ");
    assertThat(cli.all()).doesNotContain(PASSWORD);
  }

  @Test
  void maintenanceStatusActivateWaitDeactivate() {
    Cli cli = cli();
    assertThat(cli.run("maintenance", "status", "--output", "json")).isZero();
    assertThat(cli.json().get("status").asText()).isEqualTo("deactivated");

    String running = m.seed().runningExecution("dep-1", "install");
    assertThat(cli.run("maintenance", "activate", "--output", "json")).isZero();
    assertThat(cli.json().get("status").asText()).isEqualTo("activating");
    assertThat(cli.json().get("changed").asBoolean()).isTrue();
    assertThat(m.journal().count("POST", "/api/v3.1/maintenance/activate")).isEqualTo(1);

    assertThat(cli.run("maintenance", "deactivate")).isZero();
    assertThat(cli.out()).contains("maintenance mode: deactivated");

    m.seed().finish(running, "terminated");
    assertThat(cli.run("maintenance", "activate", "--wait", "--output", "json")).as(cli.toString()).isZero();
    assertThat(cli.json().get("status").asText()).isEqualTo("activated");
    assertThat(m.maintenanceStatus()).isEqualTo("activated");
  }

  @Test
  void statusAndDoctor() {
    Cli cli = cli();
    assertThat(cli.run("status", "--output", "json")).as(cli.toString()).isZero();
    JsonNode st = cli.json();
    assertThat(st.get("version").get("version").asText()).startsWith("7.0");
    assertThat(st.get("status").get("healthy").asBoolean()).isTrue();

    assertThat(cli.run("doctor", "--output", "json")).as(cli.toString()).isZero();
    assertThat(cli.json().get("verdict").asText()).isEqualTo("OK");
    assertThat(cli.json().findValuesAsText("check")).containsExactly("version", "health", "maintenance", "restore");

    m.seed();
    assertThat(cli.run("maintenance", "activate")).isZero();
    assertThat(cli.run("doctor", "--output", "json")).isEqualTo(Exit.PARTIAL);
    assertThat(cli.json().get("verdict").asText()).isEqualTo("WARN");
    assertThat(cli.err()).containsPattern("(?m)^WARN\\s+maintenance");
    assertThat(cli.run("maintenance", "deactivate")).isZero();

    m.statusFail(true);
    assertThat(cli.run("status")).isEqualTo(Exit.FAILED);
    assertThat(cli.run("doctor")).isEqualTo(Exit.FAILED);
    assertThat(cli.out()).containsPattern("(?m)^FAIL\\s+health");
  }

  @Test
  void connectionFromACfyProfileFileAndFromOptions() throws Exception {
    Cli cli = new Cli(tmp.resolve("home")).on(m);
    Path profile = tmp.resolve("home/.cloudify/profiles/prod");
    Files.createDirectories(profile);
    java.net.URI u = java.net.URI.create(m.baseUrl());
    Files.writeString(profile.resolve("context"), String.join("\n",
        "!CloudifyProfileContext",
        "_cluster: []",
        "_profile_name: prod",
        "manager_ip: " + u.getHost(),
        "manager_password: " + PASSWORD,
        "manager_tenant: default_tenant",
        "manager_username: admin",
        "provider_context: {}",
        "rest_certificate: null",
        "rest_port: " + u.getPort(),
        "rest_protocol: http",
        "ssh_key: null",
        ""));
    assertThat(cli.run("status")).as("no active profile, no manager").isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("no manager");

    assertThat(cli.run("status", "--cfy-profile", "prod", "--verbose")).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("cfy profile prod (" + m.baseUrl() + ")").doesNotContain(PASSWORD);

    Files.writeString(tmp.resolve("home/.cloudify/active.profile"), "prod\n");
    assertThat(cli.run("maintenance", "status")).as(cli.toString()).isZero();
    assertThat(cli.run("status", "--cfy-profile", "../x")).isEqualTo(Exit.USAGE);
    assertThat(cli.run("status", "--cfy-profile", "staging")).isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("no cfy profile staging");
  }

  @Test
  void passwordFromAFileFromThePromptAndTrustAllWarns() throws Exception {
    Cli cli = new Cli(tmp.resolve("home")).on(m);
    Path pw = Files.writeString(tmp.resolve("pw"), PASSWORD + "\n");
    assertThat(cli.run("status", "--manager", m.baseUrl(), "--username", "admin", "--password-file", pw.toString()))
        .as(cli.toString()).isZero();

    assertThat(cli.run("status", "--manager", m.baseUrl(), "--username", "admin")).isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("--password-file").contains("CLOUDIFY_PASSWORD");

    cli.typedPassword = PASSWORD.toCharArray();
    assertThat(cli.run("status", "--manager", m.baseUrl(), "--username", "admin")).as(cli.toString()).isZero();

    assertThat(cli.run("status", "--manager", m.baseUrl(), "--username", "admin", "--password-file",
        pw.toString(), "--trust-all")).isZero();
    assertThat(cli.err()).startsWith("warning: --trust-all");
    assertThat(cli.all()).doesNotContain(PASSWORD);
    cli.env.put("CLOUDIFY_SSL_TRUST_ALL", "true");
    assertThat(cli.run("status", "--manager", m.baseUrl(), "--username", "admin", "--password-file",
        pw.toString())).isZero();
    assertThat(cli.err()).startsWith("warning: CLOUDIFY_SSL_TRUST_ALL");
    cli.env.remove("CLOUDIFY_SSL_TRUST_ALL");

    assertThat(cli.run("status", "--manager", "ftp://x", "--username", "admin", "--password-file", pw.toString()))
        .isEqualTo(Exit.USAGE);
    assertThat(cli.run("status", "--password", PASSWORD)).as("no password option: it would leak into ps")
        .isEqualTo(Exit.USAGE);
    assertThat(cli.err()).doesNotContain(PASSWORD);
  }
}
