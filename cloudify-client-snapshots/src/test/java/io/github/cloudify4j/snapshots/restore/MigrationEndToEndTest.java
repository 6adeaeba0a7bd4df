package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue #10: a full migration between two fake managers. */
class MigrationEndToEndTest {
  @TempDir Path dir;

  private static List<RecordedRequest> modifying(FakeCloudifyManager m) {
    return m.journal().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"));
  }

  // 19
  @ParameterizedTest
  @CsvSource({"V6_4, V7_0_4", "V7_0_4, V7_0_4", "V5_0_5, V6_4"})
  void migratesBetweenManagers(ServerProfile from, ServerProfile to) {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(from).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(to).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      source.seed().blueprints(3).deployments(2).secrets(2).plugins(1);
      source.journal().clear();

      Migration.MigrationReport report = Migration.builder(sourceClient, targetClient).workDir(dir)
          .snapshotId("move").build().run();

      assertThat(report.restore().outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(report.snapshotId()).isEqualTo("move");
      assertThat(report.sourceVersion()).isEqualTo(from.version());
      assertThat(report.targetVersion()).isEqualTo(to.version());
      assertThat(Files.isRegularFile(report.archive().path())).isTrue();
      assertThat(report.followUps()).anyMatch(f -> f.contains("agents"));
      assertThat(report.followUps()).anyMatch(f -> f.contains("Retire the old manager"));
      if (from.version().charAt(0) != to.version().charAt(0)) {
        assertThat(report.followUps()).anyMatch(f -> f.contains("plugin"));
      }
      assertThat(target.count("blueprints")).isEqualTo(3);
      assertThat(target.count("deployments")).isEqualTo(2);
      assertThat(modifying(source)).extracting(r -> r.method() + " " + r.apiPath())
          .containsExactly("PUT /snapshots/move");
      assertThat(source.count("blueprints")).isEqualTo(3);
      assertThat(source.maintenanceStatus()).isEqualTo("deactivated");
    }
  }

  // 20
  @Test
  void refusesASourceNewerThanTheTargetBeforeCreatingASnapshot() {
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start();
        CloudifyClient sourceClient = VirtualTime.client(source).build();
        CloudifyClient targetClient = VirtualTime.client(target).build()) {
      source.seed().blueprints(1);
      RestoreRefusedException e = catchThrowableOfType(() -> Migration.builder(sourceClient, targetClient)
          .workDir(dir).build().run(), RestoreRefusedException.class);
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo(RestoreRefusal.Code.SOURCE_NEWER_THAN_TARGET);
      assertThat(e.report().refusal()).contains(e.refusal());
      assertThat(modifying(source)).isEmpty();
      assertThat(source.count("snapshots")).isZero();
      assertThat(modifying(target)).isEmpty();
    }
  }
}
