package io.github.cloudify4j.snapshots.backup;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackupJobTest extends FakeManagerTest {
  static final String ID = "daily-20261125";

  @Override
  void seed(FakeCloudifyManager manager) {
    manager.seed().blueprints(2).deployments(1).secrets(1);
  }

  BackupJob.Builder job() {
    return BackupJob.builder(client).directory(dir).prefix("daily-");
  }

  List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  /** Snapshot and execution requests, consecutive repeats (polls) collapsed. */
  List<String> calls() {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : m.journal().all()) {
      String p = r.apiPath();
      if (!p.startsWith("/snapshots") && !p.startsWith("/executions")) {
        continue;
      }
      if (p.startsWith("/executions/")) {
        p = "/executions/{id}";
      }
      String call = r.method() + " " + p;
      if (out.isEmpty() || !out.get(out.size() - 1).equals(call)) {
        out.add(call);
      }
    }
    return out;
  }

  @Test
  void happyPathCreatesWaitsDownloadsVerifiesAndWritesChecksum() throws Exception {
    List<String> events = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    long[] transferred = {0};
    BackupReport report = job().listener(new BackupListener() {
      @Override
      public void onStepStarted(BackupStep step) {
        events.add("start " + step);
      }

      @Override
      public void onStepFinished(StepResult<BackupStep> result) {
        events.add("end " + result.step() + " " + result.status());
      }

      @Override
      public void onProgress(BackupStep step, String message) {
        progress.add(step + " " + message);
      }

      @Override
      public void onTransfer(long done, long total) {
        transferred[0] = done;
      }
    }).build().run();

    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
    assertThat(report.isNoOp()).isFalse();
    assertThat(report.snapshotId()).isEqualTo(ID);
    assertThat(report.slot()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(report.createExecutionId()).isPresent();
    assertThat(m.executionStatus(report.createExecutionId().get())).isEqualTo("terminated");
    assertThat(m.snapshotStatus(ID)).isEqualTo("created");

    Path archive = dir.resolve(ID + ".zip");
    Path sum = dir.resolve(ID + ".zip.sha256");
    assertThat(report.archive()).isEqualTo(archive);
    assertThat(report.checksumFile()).isEqualTo(sum);
    assertThat(files()).containsExactly(ID + ".zip", ID + ".zip.sha256");
    assertThat(report.bytes()).isEqualTo(Files.size(archive)).isEqualTo(transferred[0]).isPositive();
    String sha = BackupJob.sha256Of(archive);
    assertThat(report.sha256()).contains(sha);
    assertThat(new String(Files.readAllBytes(sum), StandardCharsets.UTF_8)).isEqualTo(sha + "  " + ID + ".zip\n");
    assertThat(SnapshotArchive.inspect(archive).count("blueprints")).isEqualTo(2);
    assertThat(report.archiveInfo()).isPresent();
    if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sum))).isEqualTo("rw-------");
    }

    assertThat(calls()).containsExactly(
        "GET /snapshots/" + ID,            // not there yet (404)
        "PUT /snapshots/" + ID,            // create
        "GET /snapshots/" + ID,            // follow until created
        "GET /executions/{id}",            // and its execution until terminated
        "GET /snapshots/" + ID + "/archive",
        "GET /snapshots");                 // retention listing; nothing to delete
    assertThat(m.journal().count("DELETE", "/snapshots")).isZero();

    assertThat(report.durations()).containsOnlyKeys(BackupStep.values());
    assertThat(report.durations().get(BackupStep.WAIT)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(events).containsExactly("start CHECK", "end CHECK SUCCEEDED", "start CREATE", "end CREATE SUCCEEDED",
        "start WAIT", "end WAIT SUCCEEDED", "start DOWNLOAD", "end DOWNLOAD SUCCEEDED", "start VERIFY",
        "end VERIFY SUCCEEDED", "start PRUNE_MANAGER", "end PRUNE_MANAGER SUCCEEDED", "start PRUNE_LOCAL",
        "end PRUNE_LOCAL SUCCEEDED");
    // the long wait is not silent: the listener hears the snapshot's status as it is polled, ending created
    assertThat(progress).isNotEmpty().allMatch(p -> p.startsWith("WAIT snapshot " + ID + " "))
        .last().isEqualTo("WAIT snapshot " + ID + " created");
    assertThat(report.deletedOnManager()).isEmpty();
    assertThat(report.deletedLocally()).isEmpty();
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void failedSnapshotIsATypedFailureWithTheServerTextAndLeavesNothing() throws Exception {
    m.failNextSnapshotCreation("No space left on device: /opt/manager/snapshots");

    assertThatThrownBy(() -> job().build().run())
        .isInstanceOfSatisfying(BackupFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(BackupStep.WAIT);
          assertThat(e.getMessage()).contains(ID).contains("WAIT")
              .contains("No space left on device: /opt/manager/snapshots");
          assertThat(e.report().outcome()).isEqualTo(BackupReport.Outcome.FAILED);
          assertThat(e.report().failedStep()).contains(BackupStep.WAIT);
          assertThat(e.report().createExecutionId()).isPresent();
          assertThat(e.report().sha256()).isEmpty();
        });
    assertThat(files()).isEmpty();
    assertThat(m.snapshotStatus(ID)).isEqualTo("failed");
    assertThat(m.journal().count("GET", "/snapshots/" + ID + "/archive")).isZero();

    // The next run of the same slot replaces the failed snapshot.
    BackupReport report = job().build().run();
    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
    assertThat(report.warnings()).singleElement().asString().contains("had failed earlier")
        .contains("No space left on device");
    assertThat(m.journal().count("PUT", "/snapshots/" + ID)).isEqualTo(2);
    assertThat(files()).containsExactly(ID + ".zip", ID + ".zip.sha256");
  }

  @Test
  void brokenDownloadLeavesNoFileAndTheNextRunOnlyDownloads() throws Exception {
    m.faults().on("GET", "/snapshots/" + ID + "/archive").dropResponseAfterBytes(100);

    assertThatThrownBy(() -> job().downloadAttempts(1).build().run())
        .isInstanceOfSatisfying(BackupFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(BackupStep.DOWNLOAD);
          assertThat(e.getMessage()).contains("broke off");
        });
    assertThat(files()).isEmpty(); // no archive, no staging file, no .part
    assertThat(m.snapshotStatus(ID)).isEqualTo("created");

    BackupReport report = job().downloadAttempts(1).build().run();
    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.RESUMED);
    assertThat(report.resumed()).isTrue();
    assertThat(report.createExecutionId()).isEmpty();
    assertThat(report.durations()).doesNotContainKeys(BackupStep.CREATE, BackupStep.WAIT);
    assertThat(m.journal().count("PUT", "/snapshots/" + ID)).isEqualTo(1);
    assertThat(files()).containsExactly(ID + ".zip", ID + ".zip.sha256");
    SnapshotArchive.inspect(dir.resolve(ID + ".zip"));
  }

  @Test
  void leftoversOfAnInterruptedRunAreCleanedUp() throws Exception {
    Files.write(dir.resolve("." + ID + ".zip.download"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("." + ID + ".zip.download.8213.part"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("." + ID + ".zip.sha256.tmp"), new byte[] {1, 2, 3});
    Files.write(dir.resolve(".other.zip.download.1.part"), new byte[] {1}); // not ours: untouched

    job().build().run();

    assertThat(files()).containsExactly(".other.zip.download.1.part", ID + ".zip", ID + ".zip.sha256");
  }

  @Test
  void snapshotStillCreatingIsFollowedNotCreatedAgain() throws Exception {
    Snapshots.of(client).create(ID);

    BackupReport report = job().build().run();

    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.RESUMED);
    assertThat(report.createExecutionId()).isEmpty();
    assertThat(report.durations()).containsKey(BackupStep.WAIT).doesNotContainKey(BackupStep.CREATE);
    assertThat(m.journal().count("PUT", "/snapshots/" + ID)).isEqualTo(1);
    assertThat(files()).containsExactly(ID + ".zip", ID + ".zip.sha256");
  }

  @Test
  void secondRunInTheSameSlotIsANoOpAndTheNextSlotMakesANewOne() throws Exception {
    BackupJob job = job().build();
    BackupReport first = job.run();
    int requests = m.journal().size();
    m.advance(Duration.ofHours(5));

    BackupReport second = job.run();

    assertThat(second.outcome()).isEqualTo(BackupReport.Outcome.ALREADY_DONE);
    assertThat(second.isNoOp()).isTrue();
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(second.bytes()).isEqualTo(first.bytes());
    List<RecordedRequest> after = m.journal().all().subList(requests, m.journal().size());
    assertThat(after).noneMatch(r -> r.method().equals("PUT") || r.method().equals("DELETE")
        || r.apiPath().endsWith("/archive"));
    assertThat(second.durations()).doesNotContainKeys(BackupStep.CREATE, BackupStep.WAIT, BackupStep.DOWNLOAD,
        BackupStep.VERIFY);

    m.advance(Duration.ofDays(1));
    BackupReport third = job.run();
    assertThat(third.snapshotId()).isEqualTo("daily-20261126");
    assertThat(third.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
    assertThat(files()).containsExactly(ID + ".zip", ID + ".zip.sha256", "daily-20261126.zip",
        "daily-20261126.zip.sha256");
  }

  @Test
  void aFileThatIsNotOursIsNeverOverwritten() throws Exception {
    Path foreign = dir.resolve(ID + ".zip");
    Files.write(foreign, "someone else's file".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> job().build().run())
        .isInstanceOfSatisfying(BackupFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(BackupStep.CHECK);
          assertThat(e.getMessage()).contains(foreign.toString()).contains("not a verified archive of this job")
              .contains("left untouched");
        });
    assertThat(new String(Files.readAllBytes(foreign), StandardCharsets.UTF_8)).isEqualTo("someone else's file");
    assertThat(files()).containsExactly(ID + ".zip");
    assertThat(m.journal().count("PUT", "/snapshots")).isZero();

    // A checksum file that does not match does not make it ours either.
    Files.write(dir.resolve(ID + ".zip.sha256"),
        ("0".repeat(64) + "  " + ID + ".zip\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> job().build().run()).isInstanceOf(BackupFailedException.class)
        .hasMessageContaining("SHA-256 differs");
    assertThat(new String(Files.readAllBytes(foreign), StandardCharsets.UTF_8)).isEqualTo("someone else's file");
    assertThat(m.journal().count("PUT", "/snapshots")).isZero();
  }

  @Test
  void slotsShorterThanADayAreStampedToTheMinute() throws Exception {
    m.advance(Duration.ofMinutes(17)); // 03:17
    BackupReport report = job().prefix("nightly-").slotLength(Duration.ofHours(1)).build().run();

    assertThat(report.snapshotId()).isEqualTo("nightly-20261125T0300Z");
    assertThat(files()).containsExactly("nightly-20261125T0300Z.zip", "nightly-20261125T0300Z.zip.sha256");
  }
}
