package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.model.MaintenanceState;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 item 7: a restore that fails after its upload leaves the snapshot on the manager; the report and the
 * exception say so (typed), and the rerun they advise works. And the CHECK_HEALTH failure is one short line, not the
 * whole status of every service repeated in the report, the exception and the log.
 */
class RestoreRerunTest {
  @TempDir static Path dir;
  static Path archive;

  @BeforeAll
  static void makeArchive() {
    archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
  }

  @Test
  void aRestoreThatFailedAfterItsUploadCanBeRerunWithReuse() {
    try (FakeCloudifyManager fake = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(fake).build()) {
      fake.failNextRestore("restore workflow failed: disk full");

      RestoreFailedException first = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);

      assertThat(first).isNotNull();
      assertThat(first.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
      assertThat(first.snapshotLeftOnManager()).contains("nightly");
      assertThat(first.report().snapshotLeftOnManager()).contains("nightly");
      assertThat(fake.snapshot("nightly")).isPresent();

      // What the default policy does on a rerun: stops before anything changes, and says what to choose.
      RestoreFailedException refused = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(refused.step()).isEqualTo(RestoreStep.PREFLIGHT);
      assertThat(refused).isInstanceOfSatisfying(RestoreRefusedException.class,
          r -> assertThat(r.code()).isEqualTo(RestoreRefusal.Code.SNAPSHOT_EXISTS));
      assertThat(refused.snapshotLeftOnManager()).as("this run uploaded nothing").isEmpty();

      // The advised rerun: no second upload, and the restore completes.
      int uploads = fake.journal().count("PUT", "/snapshots/nightly/archive");
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
          .onExistingSnapshot(ExistingSnapshotPolicy.REUSE).build().run();
      assertThat(report.outcome()).as("%s", report).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(report.snapshotLeftOnManager()).isEmpty();
      assertThat(fake.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(uploads);
      assertThat(report.maintenanceState()).contains(MaintenanceState.DEACTIVATED);
      assertThat(fake.count("blueprints")).isEqualTo(3);
    }
  }

  @Test
  void aRestoreOfASnapshotAlreadyOnTheManagerLeavesNothingNew() {
    try (FakeCloudifyManager fake = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(fake).build()) {
      fake.seed().snapshotFromArchive("nightly", archive);
      fake.failNextRestore("boom");

      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").build().run(), RestoreFailedException.class);

      assertThat(e.snapshotLeftOnManager()).as("the run uploaded nothing").isEmpty();
      assertThat(e.getMessage()).doesNotContain("left on the manager");
    }
  }

  @Test
  void anUnhealthyManagerIsReportedInOneShortLineWithinTheSettableHealthLimit() {
    try (FakeCloudifyManager fake = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(fake).build()) {
      fake.statusFail(true);
      java.time.Instant before = fake.now();

      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive)
          .timeouts(RestoreTimeouts.builder().health(Duration.ofMinutes(2)).build())
          .build().run(), RestoreFailedException.class);

      assertThat(e.step()).isEqualTo(RestoreStep.CHECK_HEALTH);
      String failure = e.report().failure().orElseThrow();
      assertThat(failure).contains("not healthy after").contains("limit 2 min").contains("status Fail")
          .contains("not active:").doesNotContain("ServiceStatus").doesNotContain("extraInfo");
      StepResult<RestoreStep> health = e.report().steps().stream().filter(s -> s.step() == RestoreStep.CHECK_HEALTH)
          .findFirst().orElseThrow();
      assertThat(health.detail().length()).as(health.detail()).isLessThan(300);
      assertThat(e.getMessage().length()).as(e.getMessage()).isLessThan(900);
      // The 2-minute limit was used, not the default 10 minutes.
      assertThat(Duration.between(before, fake.now())).isLessThan(Duration.ofMinutes(10));
      // A restore that ran and failed at CHECK_HEALTH left the uploaded snapshot on the manager.
      assertThat(e.snapshotLeftOnManager()).contains("nightly");
      assertThat(e.report().followUps()).anySatisfy(f -> assertThat(f).contains("The restore had started")
          .contains("force(true)"));
    }
  }
}
