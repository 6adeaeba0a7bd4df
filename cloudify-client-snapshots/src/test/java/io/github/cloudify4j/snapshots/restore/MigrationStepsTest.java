package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.workflow.WorkflowListener;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: a migration's phases are steps on the one step runner, with the one listener shape and a report. */
class MigrationStepsTest {
  @TempDir Path dir;

  /** Writes down what the listener hears, one line per call. */
  static class Recorder implements WorkflowListener<MigrationStep> {
    final List<String> events = new ArrayList<>();
    final List<Throwable> causes = new ArrayList<>();
    Runnable onCreated = () -> { };
    long transferred;

    @Override
    public void onStepStarted(MigrationStep step) {
      events.add("started " + step);
    }

    @Override
    public void onStepFinished(StepResult<MigrationStep> result) {
      events.add(result.status() + " " + result.step());
      if (result.step() == MigrationStep.CREATE_SNAPSHOT) {
        onCreated.run();
      }
    }

    @Override
    public void onStepFailed(StepResult<MigrationStep> result, Throwable cause) {
      events.add(result.status() + " " + result.step() + ": " + result.detail());
      causes.add(cause);
    }

    @Override
    public void onTransfer(long done, long total) {
      transferred = done;
    }
  }

  @Test
  void theListenerSeesEveryStepStartAndFinishAndTheReportRecordsThem() {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      source.seed().blueprints(2).deployments(1);
      Recorder steps = new Recorder();
      List<RestoreStep> restoreSteps = new ArrayList<>();

      Migration.MigrationReport report = Migration.builder(sourceClient, targetClient).workDir(dir)
          .snapshotId("move").stepListener(steps)
          .listener(new RestoreListener() {
            @Override
            public void onStepStarted(RestoreStep step) {
              restoreSteps.add(step);
            }
          })
          .build().run();

      assertThat(steps.events).containsExactly(
          "started PREFLIGHT", "SUCCEEDED PREFLIGHT",
          "started CREATE_SNAPSHOT", "SUCCEEDED CREATE_SNAPSHOT",
          "started DOWNLOAD", "SUCCEEDED DOWNLOAD",
          "started RESTORE", "SUCCEEDED RESTORE");
      assertThat(steps.transferred).isEqualTo(report.archive().bytes()).isPositive();
      assertThat(report.steps()).extracting(StepResult::step).containsExactly(MigrationStep.values());
      assertThat(report.steps()).extracting(StepResult::status).containsOnly(StepResult.Status.SUCCEEDED);
      assertThat(report.steps().get(0).detail()).isEqualTo("source 6.4.0, target 7.0.4");
      // the restore's own steps still go to the restore listener, not to the migration's
      assertThat(restoreSteps).contains(RestoreStep.PREFLIGHT, RestoreStep.UPLOAD, RestoreStep.START_RESTORE);
      assertThat(target.count("blueprints")).isEqualTo(2);
    }
  }

  @Test
  void aRefusedPreflightIsAFailedStepAndNothingElseRuns() {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      Recorder steps = new Recorder();

      Throwable e = catchThrowable(() -> Migration.builder(sourceClient, targetClient).workDir(dir)
          .stepListener(steps).build().run());

      assertThat(e).isInstanceOf(RestoreRefusedException.class);
      assertThat(((RestoreRefusedException) e).code()).isEqualTo(RestoreRefusal.Code.SOURCE_NEWER_THAN_TARGET);
      assertThat(steps.events).hasSize(2);
      assertThat(steps.events.get(0)).isEqualTo("started PREFLIGHT");
      assertThat(steps.events.get(1)).startsWith("FAILED PREFLIGHT: The source manager (7.0.4) is newer");
      assertThat(steps.causes).containsExactly(e);
      assertThat(source.count("snapshots")).isZero();
    }
  }

  @Test
  void aFailedDownloadIsAFailedStepWithTheServiceError() {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      source.seed().blueprints(1);
      source.faults().on("GET", "/snapshots/move/archive").always().respondWithJsonError(500);
      Recorder steps = new Recorder();

      Throwable e = catchThrowable(() -> Migration.builder(sourceClient, targetClient).workDir(dir)
          .snapshotId("move").stepListener(steps).build().run());

      assertThat(e).isInstanceOf(CloudifyException.class);
      assertThat(steps.events).hasSize(6);
      assertThat(steps.events.subList(0, 5)).containsExactly("started PREFLIGHT", "SUCCEEDED PREFLIGHT",
          "started CREATE_SNAPSHOT", "SUCCEEDED CREATE_SNAPSHOT", "started DOWNLOAD");
      assertThat(steps.events.get(5)).startsWith("FAILED DOWNLOAD: ");
      assertThat(steps.causes).containsExactly(e);
      assertThat(target.journal().filter(r -> !r.method().equals("GET"))).isEmpty();
      assertThat(Files.exists(dir.resolve("move.zip"))).isFalse();
    }
  }

  @Test
  void cancelStopsBeforeTheNextStepAndTheTargetIsUntouched() throws Exception {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      source.seed().blueprints(1);
      Recorder steps = new Recorder();
      Migration migration = Migration.builder(sourceClient, targetClient).workDir(dir).snapshotId("move")
          .stepListener(steps).build();
      steps.onCreated = migration::cancel; // as if another thread cancelled while the snapshot was created

      Throwable e = catchThrowable(migration::run);

      assertThat(e).isInstanceOf(CloudifyInterruptedException.class);
      assertThat(steps.events).containsExactly("started PREFLIGHT", "SUCCEEDED PREFLIGHT",
          "started CREATE_SNAPSHOT", "SUCCEEDED CREATE_SNAPSHOT",
          "CANCELLED DOWNLOAD: cancelled before the step started");
      assertThat(steps.causes).containsExactly(e);
      assertThat(target.journal().filter(r -> !r.method().equals("GET"))).isEmpty();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void cancelDuringTheDownloadStopsItAndLeavesNoArchive() throws Exception {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      source.seed().blueprints(50).deployments(20);
      Migration[] migration = new Migration[1];
      Recorder steps = new Recorder() {
        @Override
        public void onTransfer(long done, long total) {
          migration[0].cancel();
        }
      };
      migration[0] = Migration.builder(sourceClient, targetClient).workDir(dir).snapshotId("move")
          .stepListener(steps).build();

      Throwable e = catchThrowable(migration[0]::run);

      assertThat(e).isInstanceOf(CloudifyInterruptedException.class);
      assertThat(steps.events.get(steps.events.size() - 1)).startsWith("CANCELLED DOWNLOAD");
      assertThat(steps.events).doesNotContain("started RESTORE");
      assertThat(target.journal().filter(r -> !r.method().equals("GET"))).isEmpty();
      assertThat(Files.exists(dir.resolve("move.zip"))).isFalse();
    }
  }
}
