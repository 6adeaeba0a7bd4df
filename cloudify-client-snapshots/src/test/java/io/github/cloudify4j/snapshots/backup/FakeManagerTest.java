package io.github.cloudify4j.snapshots.backup;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A 7.0.4 fake manager at {@link #T0} on virtual time, a client of it, and a backup directory. */
abstract class FakeManagerTest {
  static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

  @TempDir Path dir;
  FakeCloudifyManager m;
  CloudifyClient client;

  @BeforeEach
  void startManager() {
    m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).startTime(T0).build().start();
    client = VirtualTime.client(m).build();
    seed(m);
  }

  @AfterEach
  void stopManager() {
    client.close();
    m.close();
  }

  /** What the manager holds before each test: one blueprint, unless a test class says otherwise. */
  void seed(FakeCloudifyManager manager) {
    manager.seed().blueprints(1);
  }
}
