package io.github.cloudify4j.snapshots.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The daily backup on every server version the fake imitates: the archive each one writes is verified. */
class BackupJobProfilesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void backsUpAndASecondRunIsANoOp(ServerProfile profile) throws Exception {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile)
            .startTime(Instant.parse("2026-11-25T03:00:00Z")).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      m.seed().blueprints(2).deployments(1);
      BackupJob job = BackupJob.builder(client).directory(dir).prefix("daily-").build();

      BackupReport first = job.run();
      BackupReport second = job.run();

      assertThat(first.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
      assertThat(first.snapshotId()).isEqualTo("daily-20261125");
      assertThat(first.archive()).isEqualTo(dir.resolve("daily-20261125.zip"));
      assertThat(Files.size(first.archive())).isEqualTo(first.bytes());
      assertThat(SnapshotArchive.inspect(first.archive()).rawSnapshotVersion()).contains(profile.version());
      assertThat(Files.readString(dir.resolve("daily-20261125.zip.sha256")))
          .isEqualTo(first.sha256().orElseThrow() + "  daily-20261125.zip\n");
      assertThat(second.isNoOp()).isTrue();
      assertThat(m.journal().count("PUT", "/snapshots/")).isEqualTo(1);
    }
  }
}
