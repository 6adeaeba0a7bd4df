package com.example.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.SnapshotStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.FakeCloudifyManagerExtension;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** README's "Testing with the fake manager" example, run as a user runs it (JUnit 5.10, the BOM, no parent). */
class NightlyBackupTest {
  @RegisterExtension
  static FakeCloudifyManagerExtension manager = FakeCloudifyManagerExtension.builder()
      .profile(ServerProfile.V7_0_4).build();

  @Test
  void runsOnTheUsersJUnitNotCloudify4js() {
    // The testkit hands on no JUnit of its own: what runs is the user's junit-jupiter (5.10.2 in this pom).
    assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo("5.10.2");
    assertThat(org.junit.platform.engine.TestEngine.class.getPackage().getImplementationVersion()).isEqualTo("1.10.2");
  }

  @Test
  void backsUpTheManager(FakeCloudifyManager m, @TempDir Path dir) throws Exception {
    m.seed().blueprints(3).deployments(2);
    try (CloudifyClient client = CloudifyClient.builder()
        .manager(m.baseUrl())
        .basicAuth(m.adminUsername(), m.adminPassword())
        .sleeper(m::advance)
        .clock(m.clock())
        .build()) {
      assertThat(client.manager().version().versionText()).isEqualTo("7.0.4");

      BackupReport report = BackupJob.builder(client).directory(dir).prefix("daily-").build().run();

      assertThat(report.archive()).exists();
      assertThat(Files.size(report.archive())).isEqualTo(Files.size(m.archivePath(report.snapshotId())));
      assertThat(Snapshots.of(client).get(report.snapshotId()).status()).isEqualTo(SnapshotStatus.CREATED);
    }
  }
}
