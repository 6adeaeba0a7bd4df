package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #14, "Restore you can rerun" and "Examples against a real manager": both programs that run a restore (the
 * demo with {@code --restore-target}, and {@code RestoreExample}) as a person runs them against a manager — here a
 * fake on its virtual clock, so a 10-minute wait takes no time — judged by their exit code and what they print.
 */
class RestoreFromTheCommandLineTest {
  @TempDir Path dir;
  final ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
  final List<FakeCloudifyManager> managers = new ArrayList<>();

  /** The two programs, each given the same archive and target. */
  enum Program { DEMO, RESTORE_EXAMPLE }

  @AfterEach
  void stop() {
    managers.forEach(FakeCloudifyManager::close);
  }

  FakeCloudifyManager target(ServerProfile profile) {
    FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile).build().start();
    managers.add(m);
    return m;
  }

  /** nightly.zip: 3 blueprints, 2 deployments, 2 secrets, from a manager of this profile. */
  Path archive(ServerProfile profile) throws Exception {
    Path archive = dir.resolve("nightly.zip");
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(profile).build().start()) {
      source.seed().blueprints(3).deployments(2).secrets(2).snapshot("nightly", "created");
      Files.copy(source.archivePath("nightly"), archive);
    }
    return archive;
  }

  int run(Program program, FakeCloudifyManager target, Path archive, String... extra) {
    outBuf.reset();
    errBuf.reset();
    Terminal term = Terminal.plain(new PrintStream(outBuf, true, StandardCharsets.UTF_8));
    PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>();
    if (program == Program.DEMO) {
      // The old manager is never contacted: the archive is given.
      args.addAll(List.of("--manager", "http://old-manager.invalid", "--username", "admin", "--password",
          "old-secret", "--backup-dir", dir.resolve("backups").toString(), "--archive", archive.toString(),
          "--restore-target", target.baseUrl(), "--target-username", target.adminUsername(),
          "--target-password", target.adminPassword(), BackupAndRestoreDemo.CONFIRM));
      args.addAll(Arrays.asList(extra));
      return new BackupAndRestoreDemo(term, err, Map.of(), null, FakeTime.clients(target))
          .run(args.toArray(new String[0]));
    }
    args.addAll(List.of("--manager", target.baseUrl(), "--username", target.adminUsername(), "--password",
        target.adminPassword(), "--archive", archive.toString(), "--yes"));
    args.addAll(Arrays.asList(extra));
    return RestoreExample.run(args.toArray(new String[0]), term, err, Map.of(), FakeTime.clients(target));
  }

  String out() {
    return outBuf.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return errBuf.toString(StandardCharsets.UTF_8);
  }

  /** The program ended with one line on stderr, "error: …", and no stack trace anywhere. */
  void endsWithOneLineError() {
    assertThat(err().lines()).as(err()).hasSize(1).allMatch(l -> l.startsWith("error: "));
    assertThat(out() + err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void aRestoreThatFailedAfterTheUploadSaysTheSnapshotStaysAndARerunCanReuseIt(Program program) throws Exception {
    Path archive = archive(ServerProfile.V7_0_4);
    FakeCloudifyManager target = target(ServerProfile.V7_0_4);
    // What a real manager answered to every JSON body (issue #14): the upload lands, the restore request does not.
    target.faults().on("POST", "/snapshots/nightly/restore").respondWithJsonError(415);

    assertThat(run(program, target, archive)).as(out() + err()).isEqualTo(1);

    assertThat(target.snapshotStatus("nightly")).isEqualTo("uploaded");
    assertThat(out()).contains("FAILED at START_RESTORE")
        .contains("snapshot left on the manager: nightly (uploaded by this run)")
        .containsPattern("follow-up: .*--existing-snapshot=reuse .*--existing-snapshot=replace .*"
            + "SnapshotAdminExample delete nightly")
        .doesNotContain("onExistingSnapshot(").doesNotContain("Snapshots.delete(").doesNotContain(" REPLACE");
    assertThat(occurrences(out(), "--existing-snapshot=reuse")).as(out()).isEqualTo(1);
    endsWithOneLineError();
    assertThat(err()).contains("START_RESTORE").contains("--existing-snapshot=reuse");

    // Run again as it was: refused before anything changes, with advice this program can follow.
    assertThat(run(program, target, archive)).as(out() + err()).isEqualTo(1);
    assertThat(out()).contains("FAILED at PREFLIGHT").contains("--existing-snapshot=reuse")
        .contains("--existing-snapshot=replace");
    assertThat(out() + err()).doesNotContain("onExistingSnapshot(");
    endsWithOneLineError();

    // Run again with the option: restores the snapshot already there, without uploading it again.
    assertThat(run(program, target, archive, "--existing-snapshot=reuse")).as(out() + err()).isZero();
    assertThat(out()).contains("Restore of nightly COMPLETE").contains("reused the snapshot already on the manager");
    assertThat(err()).isEmpty();
    assertThat(target.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(1);
    assertThat(target.count("blueprints")).isEqualTo(3);
    assertThat(target.maintenanceStatus()).isEqualTo("deactivated");
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void replaceUploadsTheArchiveAgain(Program program) throws Exception {
    Path archive = archive(ServerProfile.V7_0_4);
    FakeCloudifyManager target = target(ServerProfile.V7_0_4);
    target.seed().snapshot("nightly", "failed");

    assertThat(run(program, target, archive, "--existing-snapshot", "replace")).as(out() + err()).isZero();

    assertThat(out()).contains("if the id exists: REPLACE").contains("Restore of nightly COMPLETE");
    assertThat(target.journal().count("DELETE", "/snapshots/nightly")).isEqualTo(1);
    assertThat(target.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void theHealthWaitIsAnOptionAndTheStatusIsPrintedOnceAndShort(Program program) throws Exception {
    Path archive = archive(ServerProfile.V7_0_4);
    FakeCloudifyManager target = target(ServerProfile.V7_0_4);
    target.statusFail(true); // /status answers Fail with its services, as the real one did for 10 minutes

    assertThat(run(program, target, archive, "--health-wait=2m")).as(out() + err()).isEqualTo(1);

    assertThat(out()).contains("Wait up to 2 min for /status OK")
        .containsPattern("CHECK_HEALTH +FAILED +2 min")
        .contains("FAILED at CHECK_HEALTH");
    String all = out() + err();
    // The status, summarized, once: not the client's toString of every service, not once per place it is known.
    assertThat(all).doesNotContain("ServiceStatus{").doesNotContain("extraInfo");
    assertThat(occurrences(all, "Manager Rest-Service")).as(all).isEqualTo(1);
    assertThat(all.lines().filter(l -> l.contains("CHECK_HEALTH") || l.contains("Manager Rest-Service")))
        .allMatch(l -> l.length() <= 200, "at most 200 characters");
    endsWithOneLineError();
    assertThat(err()).contains("CHECK_HEALTH").hasSizeLessThan(300);
    // The limit is named as this program's option, not as the library's Java setting.
    assertThat(out()).contains("(limit 2 min, --health-wait)");
    assertThat(all).doesNotContain("RestoreTimeouts").doesNotContain("onExistingSnapshot(");
    // The restore had started: running it again with reuse is not the next step.
    assertThat(err()).contains("the restore had started").doesNotContain("--existing-snapshot=reuse");
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void onACommunityManagerTheKindsNotCountedArePrintedAndTheRestoreIsComplete(Program program) throws Exception {
    Path archive = dir.resolve("nightly.zip");
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      source.seed().blueprints(3).deployments(2).secrets(2).user("alice", "pw-alice", "default")
          .snapshot("nightly", "created");
      Files.copy(source.archivePath("nightly"), archive);
    }
    FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .edition(Edition.COMMUNITY).build().start();
    managers.add(target);

    assertThat(run(program, target, archive)).as(out() + err()).isZero();

    assertThat(out()).contains("Restore of nightly COMPLETE")
        .containsPattern("verification: +nothing missing: .*blueprints 3/3.*; users\\b[^;]*: not counted"
            + " \\(community edition\\)");
    assertThat(err()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void aPartialRestoreExitsOne(Program program) throws Exception {
    Path archive = archive(ServerProfile.V7_0_4);
    FakeCloudifyManager target = target(ServerProfile.V7_0_4);
    target.dropOnRestore("secrets");

    assertThat(run(program, target, archive)).as(out() + err()).isEqualTo(1);

    assertThat(out()).contains("Restore of nightly PARTIAL");
    endsWithOneLineError();
    assertThat(err()).contains("PARTIAL").contains("secrets");
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void badRestoreOptionsAreUsageErrorsBeforeAnythingIsSent(Program program) throws Exception {
    Path archive = archive(ServerProfile.V7_0_4);
    FakeCloudifyManager target = target(ServerProfile.V7_0_4);
    for (String[] bad : new String[][] {{"--existing-snapshot=keep"}, {"--health-wait=soon"},
        {"--health-wait=0s"}, {"--existing-snapshot"}}) {
      assertThat(run(program, target, archive, bad)).as(String.join(" ", bad) + ": " + out() + err())
          .isEqualTo(2);
      assertThat(err().lines()).as(err()).hasSize(1).allMatch(l -> l.startsWith("error: "));
      assertThat(err()).contains(bad[0].replaceFirst("=.*", ""));
    }
    assertThat(target.journal().all()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void theOutagePrintedIsTheRealOne(Program program) throws Exception {
    // A legacy restore restarts the manager's services: the fake refuses connections for 30 s (its default).
    Path archive = archive(ServerProfile.V5_0_5);
    FakeCloudifyManager target = target(ServerProfile.V5_0_5);

    assertThat(run(program, target, archive)).as(out() + err()).isZero();

    Matcher m = Pattern.compile("manager answered again after ([0-9.]+) s without an answer").matcher(out());
    assertThat(m.find()).as(out()).isTrue();
    double seconds = Double.parseDouble(m.group(1));
    // At least the outage; at most the outage plus one poll interval (15 s at most).
    assertThat(seconds).as(out()).isBetween(30.0, 45.0);
    assertThat(out()).doesNotContainPattern("unreachable for [0-9.]+ s");
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void stackTracesOnlyWithDebug(Program program) throws Exception {
    Path archive = archive(ServerProfile.V7_0_4);
    FakeCloudifyManager target = target(ServerProfile.V7_0_4);
    target.seed().snapshot("nightly", "created");

    assertThat(run(program, target, archive, "--verbose")).isEqualTo(1);
    endsWithOneLineError();

    assertThat(run(program, target, archive, "--debug")).isEqualTo(1);
    assertThat(err().lines().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("error: "));
    assertThat(err()).contains("RestoreRefusedException").contains("\tat "); // a refusal: the existing id
  }

  private static int occurrences(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
