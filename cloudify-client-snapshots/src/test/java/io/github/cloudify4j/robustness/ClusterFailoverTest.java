package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyCluster;
import io.github.cloudify4j.testkit.NodeDownMode;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Three manager nodes, one, two or all of them down (refusing or hanging): failover within bounds, named errors. */
@ExtendWith(Figures.class)
class ClusterFailoverTest {
  // Long enough that a live node on a loaded 2-core CI machine answers within it (150 ms failed there now and then:
  // the live node's own answer timed out), short enough that each hanging node costs little.
  static final Duration READ = Duration.ofMillis(750);
  static final Duration CONNECT = Duration.ofMillis(200);

  FakeCloudifyCluster cluster;
  CloudifyClient client;

  @BeforeEach
  void start() {
    cluster = FakeCloudifyCluster.builder().nodes(3).profile(ServerProfile.V7_0_4).build().start();
    cluster.manager().seed().snapshot("s1", "created");
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    cluster.close();
  }

  CloudifyClient client(RetryPolicy policy) {
    List<URI> nodes = cluster.baseUrls().stream().map(URI::create).collect(Collectors.toList());
    client = CloudifyClient.builder().managers(nodes)
        .basicAuth(cluster.manager().adminUsername(), cluster.manager().adminPassword())
        .timeouts(Timeouts.of(CONNECT, READ)).retryPolicy(policy)
        .clock(VirtualTime.clockOf(cluster.manager())).sleeper(VirtualTime.sleeperOf(cluster.manager()))
        .build();
    return client;
  }

  static Stream<Arguments> partialOutages() {
    return Stream.of(
        Arguments.of(List.of(NodeDownMode.REFUSE_CONNECTIONS)),
        Arguments.of(List.of(NodeDownMode.HANG)),
        Arguments.of(List.of(NodeDownMode.REFUSE_CONNECTIONS, NodeDownMode.REFUSE_CONNECTIONS)),
        Arguments.of(List.of(NodeDownMode.HANG, NodeDownMode.HANG)),
        Arguments.of(List.of(NodeDownMode.HANG, NodeDownMode.REFUSE_CONNECTIONS)),
        Arguments.of(List.of(NodeDownMode.REFUSE_CONNECTIONS, NodeDownMode.HANG)));
  }

  static Stream<Arguments> totalOutages() {
    return Stream.of(
        Arguments.of(List.of(NodeDownMode.REFUSE_CONNECTIONS, NodeDownMode.REFUSE_CONNECTIONS,
            NodeDownMode.REFUSE_CONNECTIONS)),
        Arguments.of(List.of(NodeDownMode.HANG, NodeDownMode.HANG, NodeDownMode.HANG)),
        Arguments.of(List.of(NodeDownMode.HANG, NodeDownMode.REFUSE_CONNECTIONS, NodeDownMode.HANG)));
  }

  @ParameterizedTest(name = "first nodes down: {0}")
  @MethodSource("partialOutages")
  void aLiveNodeAnswersWithinBounds(List<NodeDownMode> down) {
    CloudifyClient c = client(RetryPolicy.defaults());
    for (int i = 0; i < down.size(); i++) {
      cluster.takeDown(i, down.get(i));
      Figures.inc(Counter.FAULTS_INJECTED);
    }
    int live = down.size();
    long hangs = down.stream().filter(m -> m == NodeDownMode.HANG).count();
    cluster.journal().clear();

    long t0 = System.nanoTime();
    ServerVersion v = c.manager().version();
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(v.versionText()).isEqualTo("7.0.4");
    List<RecordedRequest> seen = cluster.journal().all();
    // A refusing node normally sees nothing; the fake's listener may still accept one connection while it closes,
    // which the client sees as a dropped connection: one attempt at most either way.
    assertThat(seen).as("at most one attempt per down node, then the live node: %s", seen)
        .hasSizeBetween((int) hangs + 1, down.size() + 1);
    assertThat(seen.get(seen.size() - 1).node()).isEqualTo(live);
    assertThat(seen.get(seen.size() - 1).status()).isEqualTo(200);
    for (int i = 0; i < down.size(); i++) {
      int node = i;
      long onNode = seen.stream().filter(r -> r.node() == node).count();
      assertThat(onNode).as("requests that reached down node %d (%s)", i, down.get(i))
          .isBetween(down.get(i) == NodeDownMode.HANG ? 1L : 0L, 1L);
      assertThat(seen).filteredOn(r -> r.node() == node).allSatisfy(r -> assertThat(r.status()).isNotEqualTo(200));
    }
    // Bound: each hanging node costs one read timeout, each refusing node one refused connect (fast).
    assertThat(millis).as("failover time").isLessThan(hangs * READ.toMillis() + 2_000);

    // The client sticks to the node that answered: the next calls go straight there.
    cluster.journal().clear();
    Snapshots.of(c).get("s1");
    c.executions().list(io.github.cloudify4j.client.ListParams.none());
    assertThat(cluster.journal().all()).extracting(RecordedRequest::node).containsOnly(live);
    Figures.inc(Counter.FAILOVER_SCENARIOS);
    Figures.cases(1);
  }

  @ParameterizedTest(name = "all nodes down: {0}")
  @MethodSource("totalOutages")
  void whenNoNodeAnswersTheErrorNamesEveryNode(List<NodeDownMode> down) {
    CloudifyClient c = client(RetryPolicy.none());
    for (int i = 0; i < down.size(); i++) {
      cluster.takeDown(i, down.get(i));
      Figures.inc(Counter.FAULTS_INJECTED);
    }
    long t0 = System.nanoTime();
    CloudifyTransportException e = catchThrowableOfType(() -> c.manager().version(),
        CloudifyTransportException.class);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(e).isNotNull();
    Map<String, String> failures = e.failures();
    System.out.println("[robustness] all down " + down + ": " + e.getMessage());
    assertThat(failures).hasSize(3);
    List<String> keys = new ArrayList<>(failures.keySet());
    for (int i = 0; i < 3; i++) {
      String port = ":" + cluster.port(i);
      assertThat(keys).as("failures name node %d", i).anySatisfy(k -> assertThat(k).contains(port));
      assertThat(e.getMessage()).contains(port);
    }
    assertThat(failures.values()).allSatisfy(v -> assertThat(v).isNotBlank());
    assertThat(millis).isLessThan(3 * READ.toMillis() + 2_000);

    // With retries, every round tries every node again, and the count stays bounded.
    c.close();
    cluster.journal().clear();
    CloudifyClient retrying = client(RetryPolicy.defaults().toBuilder().maxAttempts(3).build());
    CloudifyTransportException again = catchThrowableOfType(() -> retrying.manager().version(),
        CloudifyTransportException.class);
    assertThat(again).isNotNull();
    assertThat(again.failures()).hasSize(3);
    long hangs = down.stream().filter(m -> m == NodeDownMode.HANG).count();
    assertThat(cluster.journal().size()).as("requests reaching hanging nodes, 3 rounds at most")
        .isLessThanOrEqualTo((int) (3 * hangs));
    Figures.inc(Counter.FAILOVER_SCENARIOS);
    Figures.cases(2);
  }
}
