package com.example.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.FakeCloudifyManagerExtension;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** cloudify4j on OkHttp 5 (okhttp-jvm), Okio 3.16 and Kotlin 2.2: a snapshot is created, followed and downloaded. */
class OkHttp5Test {
  @RegisterExtension
  static FakeCloudifyManagerExtension manager = FakeCloudifyManagerExtension.builder()
      .profile(ServerProfile.V7_0_4).build();

  @Test
  void createsAndDownloadsASnapshotOverOkHttp5(FakeCloudifyManager m, @TempDir Path dir) throws Exception {
    // At run time (a constant would be inlined by javac): OkHttp 5, loaded from okhttp-jvm.
    assertThat(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null)).asString().startsWith("5.");
    assertThat(okhttp3.OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .contains("okhttp-jvm-5.");

    try (CloudifyClient client = CloudifyClient.builder()
        .manager(m.baseUrl())
        .basicAuth(m.adminUsername(), m.adminPassword())
        .sleeper(m::advance)
        .clock(m.clock())
        .build()) {
      Snapshots snapshots = Snapshots.of(client);
      snapshots.create("nightly", SnapshotCreateOptions.builder().build());
      snapshots.waitUntilCreated("nightly", PollOptions.timeout(Duration.ofMinutes(10)));
      Path archive = dir.resolve("nightly.zip");
      snapshots.download("nightly", archive, DownloadOptions.builder().verifyZip(true).build());

      assertThat(archive).hasSameBinaryContentAs(m.archivePath("nightly"));
      assertThat(Files.size(archive)).isPositive();
    }
  }
}
