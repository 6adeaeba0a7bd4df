package io.github.cloudify4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, restore and migrate against fake managers: exit codes, the JSON document, confirmation, secrets. */
class BackupAndRestoreCommandsTest {
  static final String PASSWORD = "S3cr3t-Pw-7f1d";
  static final Instant START = Instant.parse("2026-03-04T02:00:00Z");

  @TempDir Path tmp;
  FakeCloudifyManager source = fake();
  FakeCloudifyManager target = fake();

  static FakeCloudifyManager fake() {
    return FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).adminCredentials("admin", PASSWORD)
        .startTime(START).build().start();
  }

  @AfterEach
  void stop() {
    source.close();
    target.close();
  }

  Cli cli() {
    return new Cli(tmp.resolve("home")).on(source, target);
  }

  Path backup(Cli cli) throws Exception {
    Path dir = tmp.resolve("backups");
    cli.envFor(source);
    assertThat(cli.run("backup", "--dir", dir.toString(), "--output", "json")).as(cli.toString()).isZero();
    return Path.of(cli.json().get("archive").asText());
  }

  @Test
  void backupPrintsOneJsonReportOnStdoutAndIsIdempotentPerSlot() throws Exception {
    source.seed().blueprints(3).deployments(1);
    Cli cli = cli().envFor(source);
    Path dir = tmp.resolve("backups");

    assertThat(cli.run("backup", "--dir", dir.toString(), "--output", "json")).as(cli.toString()).isZero();
    JsonNode r = cli.json();
    assertThat(r.get("outcome").asText()).isEqualTo("CREATED");
    assertThat(r.get("snapshot_id").asText()).isEqualTo("daily-20260304");
    Path archive = Path.of(r.get("archive").asText());
    assertThat(archive).exists().hasParent(dir);
    assertThat(r.get("bytes").asLong()).isEqualTo(Files.size(archive));
    assertThat(r.get("sha256").asText()).hasSize(64);
    assertThat(Files.readString(Path.of(r.get("checksum_file").asText()))).startsWith(r.get("sha256").asText());
    assertThat(source.journal().count("PUT", "/api/v3.1/snapshots/daily-20260304")).isEqualTo(1);
    // The people's report went to stderr, not into the JSON.
    assertThat(cli.err()).contains("daily-20260304");
    assertThat(cli.all()).doesNotContain(PASSWORD);

    assertThat(cli.run("backup", "--dir", dir.toString(), "--output", "json")).as(cli.toString()).isZero();
    assertThat(cli.json().get("outcome").asText()).isEqualTo("ALREADY_DONE");
    assertThat(source.journal().count("PUT", "/api/v3.1/snapshots/daily-20260304")).as("not created twice")
        .isEqualTo(1);
  }

  @Test
  void backupInTextModePrintsTheReportOnStdout() throws Exception {
    Cli cli = cli().envFor(source);
    assertThat(cli.run("backup", "--dir", tmp.resolve("b").toString(), "--keep-on-manager", "2")).as(cli.toString())
        .isZero();
    assertThat(cli.out()).contains("daily-20260304").contains("sha256");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void aFailedBackupExitsOneWithTheFailedReport() throws Exception {
    source.failNextSnapshotCreation("disk full");
    Cli cli = cli().envFor(source);
    assertThat(cli.run("backup", "--dir", tmp.resolve("b").toString(), "--output", "json")).as(cli.toString())
        .isEqualTo(Exit.FAILED);
    JsonNode r = cli.json();
    assertThat(r.get("outcome").asText()).isEqualTo("FAILED");
    assertThat(r.get("failure").asText()).contains("disk full");
    assertThat(cli.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
    assertThat(cli.err()).doesNotContain("\tat ").doesNotContain(PASSWORD);
  }

  @Test
  void restoreStopsAfterThePlanWithoutYesAndChangesNothing() throws Exception {
    source.seed().blueprints(2);
    Cli cli = cli();
    Path archive = backup(cli);
    target.journal().clear();
    cli.env.put("CLOUDIFY_MANAGER_URL", target.baseUrl());

    assertThat(cli.run("restore", archive.toString(), "--output", "json")).as(cli.toString())
        .isEqualTo(Exit.REFUSED);
    JsonNode doc = cli.json();
    assertThat(doc.get("outcome").asText()).isEqualTo("NOT_CONFIRMED");
    assertThat(doc.get("snapshot_id").asText()).isEqualTo("daily-20260304");
    assertThat(doc.get("plan").get("snapshot").asText()).contains("daily-20260304");
    assertThat(doc.get("plan").get("steps")).isNotEmpty();
    assertThat(cli.err()).contains("Restore plan:").containsPattern("(?m)^refused: .*--yes");
    assertThat(target.journal().filter(r -> !r.method().equals("GET"))).as("only reads").isEmpty();
    assertThat(target.count("snapshots")).isZero();
    assertThat(target.maintenanceStatus()).isEqualTo("deactivated");
  }

  @Test
  void restoreWithYesRunsTheOrchestratorAndReportsComplete() throws Exception {
    source.seed().blueprints(2).deployments(1);
    Cli cli = cli();
    Path archive = backup(cli);
    cli.env.put("CLOUDIFY_MANAGER_URL", target.baseUrl());

    assertThat(cli.run("restore", archive.toString(), "--yes", "--output", "json", "--health-wait", "5m"))
        .as(cli.toString()).isZero();
    JsonNode r = cli.json();
    assertThat(r.get("outcome").asText()).isEqualTo("COMPLETE");
    assertThat(r.get("steps").findValuesAsText("status")).allMatch(s -> s.equals("SUCCEEDED") || s.equals("SKIPPED"));
    assertThat(r.get("verification").get("complete").asBoolean()).isTrue();
    assertThat(target.count("blueprints")).isEqualTo(2);
    assertThat(target.maintenanceStatus()).isEqualTo("deactivated");
    assertThat(cli.err()).contains("PREFLIGHT").contains("COMPLETE");
    assertThat(cli.all()).doesNotContain(PASSWORD);
  }

  @Test
  void aPartialRestoreExitsFour() throws Exception {
    source.seed().blueprints(2).deployments(1);
    Cli cli = cli();
    Path archive = backup(cli);
    target.dropOnRestore("deployments");
    cli.env.put("CLOUDIFY_MANAGER_URL", target.baseUrl());

    assertThat(cli.run("restore", archive.toString(), "--yes", "--output", "json")).as(cli.toString())
        .isEqualTo(Exit.PARTIAL);
    assertThat(cli.json().get("outcome").asText()).isEqualTo("PARTIAL");
    assertThat(cli.json().get("verification").get("missing").toString()).contains("deployments");
    assertThat(cli.err()).contains("partial:");
  }

  @Test
  void aFailedRestoreExitsOneWithItsReport() throws Exception {
    Cli cli = cli();
    Path archive = backup(cli);
    target.failNextRestore("the restore workflow failed");
    cli.env.put("CLOUDIFY_MANAGER_URL", target.baseUrl());

    assertThat(cli.run("restore", archive.toString(), "--yes", "--output", "json")).as(cli.toString())
        .isEqualTo(Exit.FAILED);
    JsonNode r = cli.json();
    assertThat(r.get("outcome").asText()).isEqualTo("FAILED");
    assertThat(r.get("failed_step").asText()).isNotEmpty();
    assertThat(cli.err()).contains("error: ").doesNotContain("\tat ");
  }

  @Test
  void aRestoreThatFailedLateIsFinishedWithResumeFromItsJsonReport() throws Exception {
    source.seed().blueprints(2).deployments(1);
    Cli cli = cli();
    Path archive = backup(cli);
    target.faults().on("POST", "/maintenance/deactivate").always().respondWithJsonError(500);
    cli.env.put("CLOUDIFY_MANAGER_URL", target.baseUrl());

    assertThat(cli.run("restore", archive.toString(), "--yes", "--output", "json", "--health-wait", "5m"))
        .as(cli.toString()).isEqualTo(Exit.FAILED);
    JsonNode failed = cli.json();
    assertThat(failed.get("failed_step").asText()).isEqualTo("DEACTIVATE_MAINTENANCE");
    assertThat(failed.get("resume_state").get("format").asText()).isEqualTo("cloudify4j-restore-resume/1");
    assertThat(cli.all()).doesNotContain(PASSWORD);
    Path report = tmp.resolve("failed-restore.json");
    Files.writeString(report, cli.out());
    assertThat(target.maintenanceStatus()).isEqualTo("activated");

    target.faults().clearAll();
    target.journal().clear();
    // Without --yes: the plan, exit 3, nothing changed.
    assertThat(cli.run("restore", "--resume", report.toString(), "--output", "json")).as(cli.toString())
        .isEqualTo(Exit.REFUSED);
    assertThat(cli.json().get("outcome").asText()).isEqualTo("NOT_CONFIRMED");
    assertThat(cli.json().get("snapshot_id").asText()).isEqualTo("daily-20260304");
    assertThat(cli.err()).contains("Restore plan:").containsPattern("(?m)^refused: .*--yes");
    assertThat(target.journal().filter(r -> !r.method().equals("GET"))).as("only reads").isEmpty();
    assertThat(target.maintenanceStatus()).isEqualTo("activated");

    assertThat(cli.run("restore", "--resume", report.toString(), "--yes", "--output", "json", "--health-wait", "5m"))
        .as(cli.toString()).isZero();
    JsonNode r = cli.json();
    assertThat(r.get("outcome").asText()).isEqualTo("COMPLETE");
    assertThat(r.get("resumed").asBoolean()).isTrue();
    assertThat(r.get("restore_execution_id").asText()).isEqualTo(failed.get("restore_execution_id").asText());
    assertThat(r.get("resume_state").isNull()).isTrue();
    assertThat(target.journal().count("POST", "/snapshots/daily-20260304/restore")).isZero();
    assertThat(target.journal().count("POST", "/maintenance/activate")).isZero();
    assertThat(target.maintenanceStatus()).isEqualTo("deactivated");
    assertThat(target.count("blueprints")).isEqualTo(2);
    assertThat(cli.all()).doesNotContain(PASSWORD);
  }

  @Test
  void resumeRefusesABrokenOrFinishedReportBeforeAnythingIsSent() throws Exception {
    Cli cli = cli();
    cli.env.put("CLOUDIFY_MANAGER_URL", target.baseUrl());
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\"outcome\": \"FAILED\", \"resume_state\": {\"format\": \"x\"}}");
    assertThat(cli.run("restore", "--resume", broken.toString(), "--yes")).isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("--resume").contains("resume state: field 'format'");
    Path complete = tmp.resolve("complete.json");
    Files.writeString(complete, "{\"outcome\": \"COMPLETE\", \"resume_state\": null}");
    assertThat(cli.run("restore", "--resume", complete.toString(), "--yes")).isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("did not fail").contains("COMPLETE");
    assertThat(cli.run("restore", "--resume", tmp.resolve("absent.json").toString(), "--yes"))
        .isEqualTo(Exit.USAGE);
    assertThat(target.journal().all()).isEmpty();
  }

  @Test
  void restoreOptionsAreCheckedBeforeAnythingIsSent() {
    Cli cli = cli();
    cli.env.put("CLOUDIFY_MANAGER_URL", target.baseUrl());
    assertThat(cli.run("restore", "--snapshot", "x", "--existing-snapshot", "maybe")).isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("--existing-snapshot").contains("fail, reuse or replace");
    assertThat(cli.run("restore", "--snapshot", "x", "--health-wait", "soon")).isEqualTo(Exit.USAGE);
    assertThat(cli.run("restore")).isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("ARCHIVE").contains("--snapshot");
    assertThat(cli.run("restore", tmp.resolve("missing.zip").toString(), "--yes")).isEqualTo(Exit.USAGE);
    assertThat(cli.run("restore", "--snapshot", "x", "--post-restore-username", "admin", "--yes"))
        .isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("CLOUDIFY4J_POST_RESTORE_PASSWORD");
    assertThat(target.journal().all()).isEmpty();
  }

  @Test
  void migrateNeedsYesAndThenMovesEverything() throws Exception {
    source.seed().blueprints(3).secrets(2);
    Cli cli = cli();
    cli.env.put("CLOUDIFY_USERNAME", "admin");
    cli.env.put("CLOUDIFY_PASSWORD", PASSWORD);

    assertThat(cli.run("migrate", "--from", source.baseUrl(), "--to", target.baseUrl(), "--output", "json"))
        .as(cli.toString()).isEqualTo(Exit.REFUSED);
    assertThat(cli.json().get("outcome").asText()).isEqualTo("NOT_CONFIRMED");
    assertThat(source.journal().all()).isEmpty();
    assertThat(target.journal().all()).isEmpty();

    assertThat(cli.run("migrate", "--from", source.baseUrl(), "--to", target.baseUrl(), "--work-dir",
        tmp.toString(), "--snapshot", "move-1", "--yes", "--output", "json")).as(cli.toString()).isZero();
    JsonNode r = cli.json();
    assertThat(r.get("snapshot_id").asText()).isEqualTo("move-1");
    assertThat(r.get("restore").get("outcome").asText()).isEqualTo("COMPLETE");
    assertThat(Path.of(r.get("archive").get("path").asText())).exists();
    assertThat(target.count("blueprints")).isEqualTo(3);
    assertThat(cli.all()).doesNotContain(PASSWORD);
  }

  @Test
  void migrateRefusesManagerInsteadOfFrom() {
    Cli cli = cli();
    assertThat(cli.run("migrate", "--manager", source.baseUrl(), "--from", source.baseUrl(), "--to",
        target.baseUrl(), "--yes")).isEqualTo(Exit.USAGE);
    assertThat(cli.run("migrate", "--to", target.baseUrl())).isEqualTo(Exit.USAGE);
    assertThat(cli.err()).contains("--from");
  }

  static long zips(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".zip")).count();
    }
  }
}
