package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.util.function.UnaryOperator;

/** A client of a fake manager whose waits advance the fake's virtual clock: nothing sleeps. */
final class FakeTime {
  private FakeTime() {}

  /** For the programs' entry points: every client they build runs on the fake's clock. */
  static UnaryOperator<CloudifyClient.Builder> clients(FakeCloudifyManager m) {
    return b -> b.clock(m.clock()).sleeper(m::advance);
  }

  static CloudifyClient.Builder client(FakeCloudifyManager m) {
    return CloudifyClient.builder()
        .manager(m.baseUrl())
        .basicAuth(m.adminUsername(), m.adminPassword())
        .tenant(m.defaultTenant())
        .clock(m.clock())
        .sleeper(m::advance);
  }
}
