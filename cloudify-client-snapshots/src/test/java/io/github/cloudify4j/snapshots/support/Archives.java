package io.github.cloudify4j.snapshots.support;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Makes real snapshot archives with a source fake (backup on one fake, restore on another). */
public final class Archives {
  private Archives() {}

  /** An archive of a fake of this profile seeded with 3 blueprints, 2 deployments, 2 secrets. */
  public static Path create(ServerProfile profile, Path dir, String id) {
    return create(profile, dir, id, false, m -> m.seed().blueprints(3).deployments(2).secrets(2));
  }

  /** An archive in the legacy layout (the only one 5.0.5 and 6.4 write; 7.0.4 when asked). */
  public static Path createLegacy(ServerProfile profile, Path dir, String id) {
    return create(profile, dir, id, true, m -> m.seed().blueprints(3).deployments(2).secrets(2));
  }

  public static Path create(ServerProfile profile, Path dir, String id, boolean legacy,
      Consumer<FakeCloudifyManager> seed) {
    return create(FakeCloudifyManager.builder().profile(profile), dir, id, legacy, seed);
  }

  public static Path create(FakeCloudifyManager.Builder builder, Path dir, String id, boolean legacy,
      Consumer<FakeCloudifyManager> seed) {
    Path archive = dir.resolve(id + "-" + System.nanoTime() + ".zip");
    try (FakeCloudifyManager source = builder.build().start();
        CloudifyClient client = VirtualTime.client(source).build()) {
      seed.accept(source);
      Snapshots snapshots = Snapshots.of(client);
      SnapshotCreateOptions options = source.profile().supportsNewArchiveFormat()
          ? SnapshotCreateOptions.builder().legacy(legacy).build() : SnapshotCreateOptions.defaults();
      snapshots.create(id, options);
      snapshots.waitUntilCreated(id, PollOptions.timeout(Duration.ofMinutes(5)));
      snapshots.download(id, archive, DownloadOptions.builder().verifyZip(true).build());
    }
    return archive;
  }
}
