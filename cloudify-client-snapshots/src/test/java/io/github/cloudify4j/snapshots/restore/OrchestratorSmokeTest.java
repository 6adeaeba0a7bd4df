package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrchestratorSmokeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void backupThenRestoreOnAFreshManager(ServerProfile profile) throws Exception {
    Path archive = dir.resolve("nightly.zip");
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(profile).build().start();
        CloudifyClient client = VirtualTime.client(source).build()) {
      source.seed().blueprints(3).deployments(2).secrets(2);
      Snapshots snapshots = Snapshots.of(client);
      snapshots.create("nightly");
      snapshots.waitUntilCreated("nightly", io.github.cloudify4j.client.poll.PollOptions.timeout(Duration.ofMinutes(5)));
      snapshots.download("nightly", archive, DownloadOptions.builder().verifyZip(true).build());
    }
    try (FakeCloudifyManager target = FakeCloudifyManager.builder().profile(profile).build().start();
        CloudifyClient client = VirtualTime.client(target).build()) {
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build();
      System.out.println(orchestrator.plan());
      RestoreReport report;
      try {
        report = orchestrator.run();
      } catch (RestoreFailedException e) {
        System.out.println(e.report());
        throw e;
      }
      System.out.println(report);
      assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(target.count("blueprints")).isEqualTo(3);
    }
  }
}
