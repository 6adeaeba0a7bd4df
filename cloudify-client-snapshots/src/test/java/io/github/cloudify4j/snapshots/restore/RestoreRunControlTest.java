package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #16: built objects do not change with their builder; the non-blocking form and its cancellation;
 * cancellation of an upload; finishing a run that failed after the restore started.
 */
class RestoreRunControlTest {
  @TempDir Path dir;

  private static StepResult<RestoreStep> step(RestoreReport report, RestoreStep step) {
    return report.steps().stream().filter(s -> s.step() == step).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + step + " in " + report));
  }

  @Test
  void aBuiltOrchestratorDoesNotChangeWithItsBuilder() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreOrchestrator.Builder builder = RestoreOrchestrator.builder(client).snapshotId("nightly");
      RestoreOrchestrator built = builder.build();
      String before = built.plan().toString();

      builder.snapshotId("other").deactivateOnSuccess(false).verify(false).uploadFrom(dir.resolve("x.zip"))
          .timeouts(RestoreTimeouts.builder().health(Duration.ofMinutes(1)).build());

      assertThat(built.plan().toString()).isEqualTo(before);
      assertThat(built.plan().snapshot()).isEqualTo("snapshot nightly");
      assertThat(built.plan().step(RestoreStep.DEACTIVATE_MAINTENANCE).orElseThrow().isSkipped()).isFalse();
      assertThat(built.plan().step(RestoreStep.UPLOAD)).isEmpty();
    }
  }

  @Test
  void aBuiltMigrationDoesNotChangeWithItsBuilder() {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      source.seed().blueprints(1);
      Migration.Builder builder = Migration.builder(sourceClient, targetClient).workDir(dir).snapshotId("planned");
      Migration built = builder.build();

      builder.snapshotId("changed");
      Migration.MigrationReport report = built.run();

      assertThat(report.snapshotId()).isEqualTo("planned");
      assertThat(source.snapshot("planned")).isPresent();
      assertThat(source.snapshot("changed")).isEmpty();
    }
  }

  @Test
  void aPlanOfAnotherOrchestratorIsRefusedBeforeAnythingIsSent() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestorePlan foreign = RestoreOrchestrator.builder(client).snapshotId("a").build().plan();
      RestoreOrchestrator mine = RestoreOrchestrator.builder(client).snapshotId("a").build();
      m.journal().clear();
      assertThatThrownBy(() -> mine.run(foreign)).isInstanceOf(IllegalArgumentException.class);
      assertThat(m.journal().isEmpty()).isTrue();
    }
  }

  @Test
  void runAsyncCompletesWithTheReport() throws Exception {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client).snapshotId("nightly")
          .uploadFrom(archive).build();
      List<Runnable> tasks = new ArrayList<>();
      CompletableFuture<RestoreReport> future = orchestrator.runAsync(tasks::add);
      assertThat(future).isNotDone();
      assertThat(tasks).hasSize(1);
      Thread worker = new Thread(tasks.get(0));
      worker.start();
      RestoreReport report = future.get(30, TimeUnit.SECONDS);
      worker.join(30_000);
      assertThat(report.outcome()).as("%s", report).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    }
  }

  @Test
  void cancellingTheFutureCancelsTheRun() throws Exception {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .restoreDuration(Duration.ofHours(1)).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      AtomicReference<CompletableFuture<RestoreReport>> future = new AtomicReference<>();
      List<StepResult<RestoreStep>> finished = Collections.synchronizedList(new ArrayList<>());
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client).snapshotId("nightly")
          .uploadFrom(archive)
          .listener(new RestoreListener() {
            @Override
            public void onProgress(RestoreStep step, String message) {
              if (step == RestoreStep.FOLLOW_RESTORE) {
                future.get().cancel(true); // as a caller would, from anywhere
              }
            }

            @Override
            public void onStepFinished(StepResult<RestoreStep> result) {
              finished.add(result);
            }

            @Override
            public void onStepFailed(StepResult<RestoreStep> result, Throwable cause) {
              finished.add(result); // a cancelled step comes here, never to onStepFinished
            }
          }).build();
      List<Runnable> tasks = new ArrayList<>();
      future.set(orchestrator.runAsync(tasks::add));
      Thread worker = new Thread(tasks.get(0));
      worker.start();
      worker.join(30_000);

      assertThat(worker.isAlive()).isFalse();
      assertThat(future.get().isCancelled()).isTrue();
      assertThatThrownBy(() -> future.get().get()).isInstanceOf(CancellationException.class);
      // The run itself stopped at its next poll, as cancel() does: the wait is CANCELLED, the restore goes on.
      assertThat(finished).extracting(StepResult::step).last().isEqualTo(RestoreStep.FOLLOW_RESTORE);
      assertThat(finished.get(finished.size() - 1).status()).isEqualTo(StepResult.Status.CANCELLED);
      assertThat(m.restoreInProgress()).isTrue();
      assertThat(m.maintenanceStatus()).isEqualTo("activated");
    }
  }

  @Test
  void cancellationStopsAnUploadBetweenChunks() throws Exception {
    Path archive = padded(Archives.create(ServerProfile.V7_0_4, dir, "nightly"), 3 << 20);
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      AtomicReference<RestoreOrchestrator> self = new AtomicReference<>();
      List<Long> transferred = new ArrayList<>();
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client).snapshotId("nightly")
          .uploadFrom(archive)
          .listener(new RestoreListener() {
            @Override
            public void onTransfer(long done, long total) {
              transferred.add(done);
              self.get().cancel(); // after the first chunk
            }
          }).build();
      self.set(orchestrator);
      m.journal().clear();

      RestoreFailedException e = catchThrowableOfType(orchestrator::run, RestoreFailedException.class);

      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.UPLOAD);
      assertThat(step(e.report(), RestoreStep.UPLOAD).status()).isEqualTo(StepResult.Status.CANCELLED);
      assertThat(e.getCause()).isInstanceOf(CloudifyInterruptedException.class);
      assertThat(transferred).hasSize(1);
      assertThat(transferred.get(0)).isLessThan(Files.size(archive));
      // Nothing half-done the report does not name: no snapshot, maintenance mode untouched, no restore.
      assertThat(m.snapshot("nightly")).isEmpty();
      assertThat(e.report().snapshotLeftOnManager()).isEmpty();
      assertThat(m.journal().count("POST", "/maintenance/activate")).isZero();
      assertThat(m.journal().count("POST", "/snapshots/nightly/restore")).isZero();
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    }
  }

  enum FailedIn { VERIFY, CHECK_HEALTH, DEACTIVATE_MAINTENANCE }

  @ParameterizedTest
  @EnumSource(FailedIn.class)
  void aRunThatFailedAfterTheRestoreStartedIsFinishedFromItsReport(FailedIn failedIn) {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      switch (failedIn) {
        case VERIFY:
          m.faults().on("GET", "/deployments").always().respondWithJsonError(500);
          break;
        case CHECK_HEALTH:
          m.statusFail(true);
          break;
        default:
          m.faults().on("POST", "/maintenance/deactivate").always().respondWithJsonError(500);
      }
      RestoreOrchestrator.Builder settings = RestoreOrchestrator.builder(client).snapshotId("nightly")
          .uploadFrom(archive).timeouts(RestoreTimeouts.builder().health(Duration.ofMinutes(2)).build());
      RestoreFailedException first = catchThrowableOfType(() -> settings.build().run(),
          RestoreFailedException.class);
      assertThat(first).isNotNull();
      assertThat(first.step()).isEqualTo(RestoreStep.valueOf(failedIn.name()));
      assertThat(m.maintenanceStatus()).isEqualTo("activated");
      // Running again from the start is refused: the manager holds the restored data now.
      RestoreFailedException again = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").build().run(), RestoreFailedException.class);
      assertThat(again).isInstanceOfSatisfying(RestoreRefusedException.class,
          r -> assertThat(r.code()).isEqualTo(RestoreRefusal.Code.MANAGER_NOT_EMPTY));

      m.faults().clearAll();
      m.statusFail(false);
      m.journal().clear();
      RestoreOrchestrator resume = settings.resumeFrom(first.report()).build();
      RestorePlan plan = resume.plan();
      List<RestoreStep> toRun = plan.steps().stream().filter(s -> !s.isSkipped()).map(RestorePlan.Step::step)
          .collect(Collectors.toList());
      assertThat(toRun).startsWith(RestoreStep.PREFLIGHT, RestoreStep.REAUTHENTICATE)
          .contains(RestoreStep.valueOf(failedIn.name())).endsWith(RestoreStep.DEACTIVATE_MAINTENANCE)
          .doesNotContain(RestoreStep.UPLOAD, RestoreStep.ACTIVATE_MAINTENANCE, RestoreStep.START_RESTORE,
              RestoreStep.FOLLOW_RESTORE);
      RestoreReport report = resume.run(plan);

      assertThat(report.outcome()).as("%s", report).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(report.resumed()).isTrue();
      assertThat(report.restoreExecutionId()).isEqualTo(first.report().restoreExecutionId());
      assertThat(report.verification()).hasValueSatisfying(v -> assertThat(v.isComplete()).isTrue());
      assertThat(report.steps()).extracting(StepResult::step).containsExactlyElementsOf(plan.stepKinds());
      assertThat(m.journal().count("PUT", "/snapshots/")).isZero();
      assertThat(m.journal().count("POST", "/snapshots/nightly/restore")).isZero();
      assertThat(m.journal().count("POST", "/maintenance/activate")).isZero();
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
      assertThat(m.count("blueprints")).isEqualTo(3);
    }
  }

  @Test
  void resumeFromNeedsARunThatStartedTheRestore() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreFailedException refused = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("absent").build().run(), RestoreFailedException.class);
      assertThat(((RestoreRefusedException) refused).code()).isEqualTo(RestoreRefusal.Code.SNAPSHOT_NOT_FOUND);
      assertThatThrownBy(() -> RestoreOrchestrator.builder(client).resumeFrom(refused.report()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The archive with a stored entry of random bytes added, so its upload takes several chunks. */
  private Path padded(Path archive, int bytes) throws IOException {
    Path out = dir.resolve("padded-" + archive.getFileName());
    byte[] pad = new byte[bytes];
    new Random(16).nextBytes(pad);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive));
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      ZipEntry padding = new ZipEntry("padding.bin");
      padding.setMethod(ZipEntry.STORED);
      padding.setSize(bytes);
      CRC32 crc = new CRC32();
      crc.update(pad);
      padding.setCrc(crc.getValue());
      zip.putNextEntry(padding);
      zip.write(pad);
      zip.closeEntry();
    }
    return out;
  }

}
