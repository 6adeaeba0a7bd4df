package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.spi.ClientContext;
import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.MaintenanceModeActiveException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.net.URI;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HA failover across manager nodes. */
class FailoverTest {
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";
  private final MockWebServer node1 = new MockWebServer();
  private final MockWebServer node2 = new MockWebServer();
  private final MockWebServer node3 = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private CloudifyClient client;

  @BeforeEach
  void start() throws Exception {
    node1.start();
    node2.start();
    node3.start();
    client = TestClients.builder(time, node1, node2, node3).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    node1.shutdown();
    node2.shutdown();
    node3.shutdown();
  }

  private static MockResponse gateway(int code) {
    return new MockResponse().setResponseCode(code).setBody("<title>" + code + " Bad Gateway</title>");
  }

  @Test
  void refusedNodeIsSkippedAndTheAnsweringNodeRemembered() throws Exception {
    node1.shutdown();
    node2.enqueue(json(Samples.json("execution_terminated")));
    node2.enqueue(json(Samples.json("maintenance_activated")));

    assertThat(client.executions().get(ID).id()).isEqualTo(ID);
    assertThat(ClientContext.of(client).currentManager()).isEqualTo(TestClients.uri(node2));
    assertThat(client.maintenance().status().isActivated()).isTrue();

    assertThat(node2.getRequestCount()).isEqualTo(2);
    assertThat(node2.takeRequest().getPath()).isEqualTo("/api/v3.1/executions/" + ID);
    assertThat(node2.takeRequest().getPath()).isEqualTo("/api/v3.1/maintenance");
    assertThat(node3.getRequestCount()).isZero();
  }

  @Test
  void getMovesOnAfterA502AndTheNextRequestGoesStraightToTheNodeThatAnswered() throws Exception {
    node1.enqueue(gateway(502));
    node2.enqueue(json(Samples.json("execution_terminated")));
    node2.enqueue(json(Samples.json("version")));

    client.executions().get(ID);
    assertThat(client.manager().version().versionText()).isEqualTo("7.0.4");

    assertThat(node1.getRequestCount()).isEqualTo(1);
    assertThat(node2.getRequestCount()).isEqualTo(2);
    node2.takeRequest();
    assertThat(node2.takeRequest().getPath()).as("unversioned path kept on the other node").isEqualTo("/api/version");
  }

  @Test
  void maintenance503DoesNotFailOver() {
    node1.enqueue(json(503, Samples.json("error_maintenance_active")));

    assertThatThrownBy(() -> client.executions().get(ID)).isInstanceOf(MaintenanceModeActiveException.class);
    assertThat(node2.getRequestCount()).isZero();
  }

  @Test
  void postOnARefusedNodeMovesOnBecauseItWasNeverSent() throws Exception {
    node1.shutdown();
    node2.enqueue(json(Samples.execution(ID, "cancelling")));

    assertThat(client.executions().cancel(ID).status().value()).isEqualTo("cancelling");
    assertThat(node2.takeRequest().getBody().readUtf8()).isEqualTo("{\"action\":\"cancel\"}");
  }

  @Test
  void postOnA502DoesNotMoveOn() {
    node1.enqueue(gateway(502));

    assertThatThrownBy(() -> client.executions().cancel(ID)).isInstanceOf(ServerUnavailableException.class);
    assertThat(node1.getRequestCount()).isEqualTo(1);
    assertThat(node2.getRequestCount()).isZero();
    assertThat(node3.getRequestCount()).isZero();
  }

  @Test
  void allNodesDownNamesEveryNode() throws Exception {
    node1.shutdown();
    node2.shutdown();
    node3.shutdown();

    assertThatThrownBy(() -> client.executions().get(ID))
        .isInstanceOfSatisfying(CloudifyTransportException.class, e -> {
          for (MockWebServer n : new MockWebServer[] {node1, node2, node3}) {
            assertThat(e.getMessage()).contains(TestClients.uri(n).toString());
          }
          assertThat(e.failures()).containsOnlyKeys(TestClients.uri(node1).toString(),
              TestClients.uri(node2).toString(), TestClients.uri(node3).toString());
          assertThat(e.failures().values()).allSatisfy(v -> assertThat(v).containsIgnoringCase("connect"));
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).endsWith("/api/v3.1/executions/" + ID);
        });
  }

  @Test
  void allNodesAnswering502GivesTheLastAnswer() {
    node1.enqueue(gateway(502));
    node2.enqueue(gateway(503));
    node3.enqueue(gateway(504));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isInstanceOfSatisfying(ServerUnavailableException.class, e -> assertThat(e.statusCode()).isEqualTo(504));
  }

  @Test
  void pinnedClientNeverFailsOver() throws Exception {
    node1.enqueue(gateway(502));
    CloudifyClient pinned = client.pinnedTo(TestClients.uri(node1));

    assertThatThrownBy(() -> pinned.executions().get(ID)).isInstanceOf(ServerUnavailableException.class);
    assertThat(node2.getRequestCount()).isZero();
    assertThat(node3.getRequestCount()).isZero();

    node1.shutdown();
    assertThatThrownBy(() -> pinned.executions().get(ID))
        .isInstanceOfSatisfying(CloudifyTransportException.class,
            e -> assertThat(e.failures()).containsOnlyKeys(TestClients.uri(node1).toString()));
    assertThat(node2.getRequestCount()).isZero();
  }

  @Test
  void pinnedToTheSecondNode() throws Exception {
    node2.enqueue(json(Samples.json("maintenance_activated")));

    client.pinnedTo(TestClients.uri(node2)).maintenance().status();

    assertThat(node1.getRequestCount()).isZero();
    assertThat(node2.takeRequest().getPath()).isEqualTo("/api/v3.1/maintenance");
  }

  @Test
  void aPinnedCallDoesNotMoveTheRestOfTheTraffic() throws Exception {
    node2.enqueue(json(Samples.json("maintenance_activated")));
    node1.enqueue(json(Samples.json("maintenance_activated")));

    client.pinnedTo(TestClients.uri(node2)).maintenance().status();
    client.maintenance().status();

    assertThat(node2.getRequestCount()).isEqualTo(1);
    assertThat(node1.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pinningToAnUnknownNodeFailsAtOnce() {
    assertThatThrownBy(() -> client.pinnedTo(URI.create("https://elsewhere.example.com")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node");
  }

  @Test
  void defaultOptionsNamingAnUnknownNodeFailAtOnceToo() {
    URI elsewhere = URI.create("https://elsewhere.example.com");
    assertThatThrownBy(() -> client.withOptions(o -> o.node(elsewhere)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("defaults.node is not one of the client's managers")
        .hasMessageContaining("elsewhere.example.com");
    assertThatThrownBy(() -> TestClients.builder(time, node1, node2)
        .defaultRequestOptions(io.github.cloudify4j.client.RequestOptions.builder().node(elsewhere).build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("defaultRequestOptions.node is not one of the client's managers");
    assertThat(client.withOptions(o -> o.node(TestClients.uri(node2))).managers()).isEqualTo(client.managers());
    assertThat(node1.getRequestCount() + node2.getRequestCount()).isZero();
  }

  @Test
  void failoverThenRetryStartsAgainFromTheFirstNode() throws Exception {
    client.close();
    client = TestClients.builder(time, node1, node2).retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(2)
        .build()).build();
    node1.enqueue(gateway(502));
    node2.enqueue(gateway(502));
    node1.enqueue(json(Samples.json("execution_terminated")));

    assertThat(client.executions().get(ID).id()).isEqualTo(ID);
    assertThat(time.sleepMillis()).containsExactly(500L);
    assertThat(node1.getRequestCount()).isEqualTo(2);
  }
}
