package io.github.cloudify4j.snapshots.support;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.time.Clock;

/**
 * Ties a client's time to a {@link FakeCloudifyManager}'s virtual clock: every wait of the client advances the
 * fake by that much (running the fake's workflows), and the client reads the fake's time. Nothing sleeps.
 */
public final class VirtualTime {
  private VirtualTime() {}

  public static Clock clockOf(FakeCloudifyManager manager) {
    return manager.clock();
  }


  public static Sleeper sleeperOf(FakeCloudifyManager manager) {
    return manager::advance;
  }

  /** A client of the fake, admin credentials, virtual time. */
  public static CloudifyClient.Builder client(FakeCloudifyManager manager) {
    return CloudifyClient.builder()
        .manager(manager.baseUrl())
        .basicAuth(manager.adminUsername(), manager.adminPassword())
        .tenant(manager.defaultTenant())
        .clock(clockOf(manager))
        .sleeper(sleeperOf(manager));
  }
}
