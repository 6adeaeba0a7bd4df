package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo as a person runs it (with shorter timings), and its refusal to restore onto a "real" manager. */
class BackupAndRestoreDemoTest {
  @TempDir Path dir;
  final ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBuf = new ByteArrayOutputStream();

  int demo(String... args) {
    return demoWithEnv(Map.of(), args);
  }

  int demoWithEnv(Map<String, String> env, String... args) {
    BackupAndRestoreDemo demo = new BackupAndRestoreDemo(
        Terminal.plain(new PrintStream(outBuf, true, StandardCharsets.UTF_8)),
        new PrintStream(errBuf, true, StandardCharsets.UTF_8), env, EmbeddedManagers.Timing.quick());
    return demo.run(args);
  }

  String out() {
    return outBuf.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return errBuf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void embeddedBackupThenDisasterRestore() throws Exception {
    int code = demo("--backup-dir", dir.toString());

    assertThat(code).as(out() + err()).isZero();
    assertThat(err()).isEmpty();
    Path archive;
    try (Stream<Path> files = Files.list(dir)) {
      archive = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
    }
    String sha = Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256")).split(" ")[0];
    String id = archive.getFileName().toString().replace(".zip", "");
    assertThat(out())
        .contains("archive:   " + archive)
        .contains("sha256:    " + sha)
        .containsPattern("retention: deleted \\[daily-\\d{8}\\] on the manager")
        .contains("Restore plan: snapshot " + id)
        .contains("Restore of " + id + " COMPLETE")
        .contains("manager unreachable while its services restart")
        .containsPattern("manager answered again after [0-9.]+ (ms|s) without an answer")
        .contains("scheduled executions marked failed: 1")
        .containsPattern("heal on dep-1, was scheduled for")
        .contains("maintenance mode:   deactivated")
        .contains("The new manager now holds 4 blueprints");
    for (RestoreStep step : RestoreStep.values()) {
      assertThat(out()).containsPattern("\\d+/10 " + step.name() + " +ok ");
    }
    // The plan comes before the first step.
    assertThat(out().indexOf("Restore plan:")).isLessThan(out().indexOf("1/10 PREFLIGHT"));
  }

  @Test
  void refusesToRestoreOntoARealManagerWithoutTheConfirmationFlag() {
    try (FakeCloudifyManager source = realTimeManager();
        FakeCloudifyManager target = realTimeManager()) {
      source.seed().blueprints(2);

      int code = demo("--manager", source.baseUrl(), "--username", source.adminUsername(), "--password",
          source.adminPassword(), "--backup-dir", dir.toString(), "--restore-target", target.baseUrl());

      assertThat(code).isEqualTo(BackupAndRestoreDemo.REFUSED);
      assertThat(err().trim()).startsWith("refused: a restore replaces all data of " + target.baseUrl())
          .contains(BackupAndRestoreDemo.CONFIRM).doesNotContain("\n").doesNotContain("Exception");
      assertThat(out()).contains("Backup daily-").contains("Restore plan:").contains("DEACTIVATE_MAINTENANCE");
      // Nothing was sent to the target beyond... nothing at all.
      assertThat(target.count("snapshots")).isZero();
      assertThat(target.maintenanceStatus()).isEqualTo("deactivated");
      assertThat(target.journal().all()).isEmpty();
    }
  }

  @Test
  void restoresOntoARealManagerWithTheConfirmationFlag() {
    try (FakeCloudifyManager source = realTimeManager();
        FakeCloudifyManager target = realTimeManager()) {
      source.seed().blueprints(2).deployments(1);

      int code = demo("--manager", source.baseUrl(), "--username", source.adminUsername(), "--password",
          source.adminPassword(), "--backup-dir", dir.toString(), "--restore-target", target.baseUrl(),
          BackupAndRestoreDemo.CONFIRM);

      assertThat(code).as(out() + err()).isZero();
      assertThat(out()).containsPattern("Restore of daily-\\d{8} COMPLETE");
      assertThat(target.count("blueprints")).isEqualTo(2);
    }
  }

  @Test
  void backsUpTheManagerOfTheCfyEnvironmentVariablesOnlyWhenAskedTo() {
    try (FakeCloudifyManager source = realTimeManager()) {
      source.seed().blueprints(1);
      Map<String, String> env = Map.of("CLOUDIFY_MANAGER_URL", source.baseUrl(),
          "CLOUDIFY_USERNAME", source.adminUsername(), "CLOUDIFY_PASSWORD", source.adminPassword());

      assertThat(demoWithEnv(env, "--env", "--backup-dir", dir.toString())).as(out() + err()).isZero();

      assertThat(out()).contains("Daily backup of [" + source.baseUrl() + "]").containsPattern("Backup daily-\\d{8} done")
          .doesNotContain("Restore plan");
      assertThat(source.journal().all()).isNotEmpty();
    }
  }

  @Test
  void helpAndBadArguments() {
    assertThat(demo("--help")).isZero();
    assertThat(out()).contains("usage: java -jar cloudify4j-demo.jar").contains(BackupAndRestoreDemo.CONFIRM);
    assertThat(demo("--manager")).isEqualTo(BackupAndRestoreDemo.USAGE);
    assertThat(demo("stray")).isEqualTo(BackupAndRestoreDemo.USAGE);
    assertThat(demo("--manager", "not a url", "--username", "u", "--password", "p",
        "--backup-dir", dir.toString())).isEqualTo(BackupAndRestoreDemo.USAGE);
    assertThat(err().lines()).hasSize(3).allMatch(l -> l.startsWith("error: "));
  }

  @Test
  void restoreFlagsWithoutAManagerAreRefusedInsteadOfRunningTheEmbeddedDemo() throws Exception {
    Path archive = Files.writeString(dir.resolve("nightly.zip"), "not read");
    String[][] cases = {
        {"--restore-target", "https://new-manager.example.com", "--archive", archive.toString()},
        {"--archive", archive.toString()},
        {"--restore-target", "https://new-manager.example.com", BackupAndRestoreDemo.CONFIRM},
        {"--target-username", "admin"},
    };
    for (String[] args : cases) {
      outBuf.reset();
      errBuf.reset();
      assertThat(demo(args)).as(String.join(" ", args) + ": " + out() + err()).isEqualTo(BackupAndRestoreDemo.USAGE);
      assertThat(err().lines()).as(err()).hasSize(1).allMatch(l -> l.startsWith("error: ") && l.contains("--manager"));
      assertThat(out()).as("nothing ran").isEmpty();
    }
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    assertThat(demo("--restore-taget", "https://new-manager.example.com")).isEqualTo(BackupAndRestoreDemo.USAGE);
    assertThat(err().trim()).startsWith("error: unknown option --restore-taget").doesNotContain("\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void theHelpStatesTheExitCodesAndTheRestoreOptions() {
    assertThat(demo("--help")).isZero();
    assertThat(out()).contains("--existing-snapshot fail|reuse|replace").contains("--health-wait")
        .containsPattern("(?is)exit codes:.*\\b0 .*\\b1 .*PARTIAL.*\\b2 .*\\b3 ");
  }

  @Test
  void anUnreachableManagerFailsWithOneLine() {
    int port;
    try (FakeCloudifyManager gone = FakeCloudifyManager.builder().build().start()) {
      port = gone.port();
    }
    int code = demo("--manager", "http://127.0.0.1:" + port, "--username", "u", "--password", "p",
        "--backup-dir", dir.toString());
    assertThat(code).isEqualTo(BackupAndRestoreDemo.FAILED);
    assertThat(err().lines()).hasSize(1).allMatch(l -> l.startsWith("error: "));
  }

  private static FakeCloudifyManager realTimeManager() {
    return FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).realTime()
        .workflowStartDelay(Duration.ofMillis(50))
        .createSnapshotDuration(Duration.ofMillis(300))
        .restoreDuration(Duration.ofMillis(800))
        .build().start();
  }
}
