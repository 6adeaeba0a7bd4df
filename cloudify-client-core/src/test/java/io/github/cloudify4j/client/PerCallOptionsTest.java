package io.github.cloudify4j.client;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.poll.PollListener;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.Samples;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every core resource method that sends a request takes per-call {@link RequestOptions}, they reach the wire, and
 * a view with the same options as defaults sends the very same request.
 */
class PerCallOptionsTest extends MockServerTest {
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";
  private static final RequestOptions OPTIONS = RequestOptions.builder().header("X-Trace", "t-1")
      .bypassMaintenance(true).tenant("tenant-b").build();

  private static Arguments op(String name, MockResponse answer, BiConsumer<CloudifyClient, RequestOptions> call) {
    return Arguments.of(name, answer, call);
  }

  static Stream<Arguments> overloads() {
    String execution = Samples.execution(ID, "cancelling");
    return Stream.of(
        op("executions.get", json(execution), (c, o) -> c.executions().get(ID, o)),
        op("executions.list", json(Samples.page(1, 1000, 0, execution)),
            (c, o) -> c.executions().list(ListParams.none(), o)),
        op("executions.listAll", json(Samples.page(1, 1000, 0, execution)),
            (c, o) -> assertThat(c.executions().listAll(ListParams.none(), o).count()).isOne()),
        op("executions.cancel", json(execution), (c, o) -> c.executions().cancel(ID, o)),
        op("executions.forceCancel", json(execution), (c, o) -> c.executions().forceCancel(ID, o)),
        op("executions.kill", json(execution), (c, o) -> c.executions().kill(ID, o)),
        op("executions.action", json(execution), (c, o) -> c.executions().action(ID, "resume", o)),
        op("executions.waitUntilEnded", json(Samples.execution(ID, "terminated")),
            (c, o) -> c.executions().waitUntilEnded(ID, PollOptions.timeout(Duration.ofMinutes(1)), o,
                PollListener.none())),
        op("maintenance.status", json(Samples.json("maintenance_activated")), (c, o) -> c.maintenance().status(o)),
        op("maintenance.activate", json(Samples.json("maintenance_activate_response_6x_7x")),
            (c, o) -> c.maintenance().activate(o)),
        op("maintenance.deactivate", json(Samples.json("maintenance_deactivate_response")),
            (c, o) -> c.maintenance().deactivate(o)),
        op("manager.version", json(Samples.json("version")), (c, o) -> c.manager().version(o)),
        op("manager.status", json("{\"status\": \"OK\", \"services\": {}}"), (c, o) -> c.manager().status(o)),
        op("manager.clusterStatus", json(Samples.json("cluster_status_full")),
            (c, o) -> c.manager().clusterStatus(o)),
        op("manager.clusterStatusSummary", json(Samples.json("cluster_status_summary")),
            (c, o) -> c.manager().clusterStatusSummary(o)),
        op("manager.managers", json(Samples.json("managers_list")), (c, o) -> c.manager().managers(o)),
        op("manager.manager(hostname)", json(Samples.json("managers_list")),
            (c, o) -> c.manager().manager("manager-1", o)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overloads")
  void perCallOptionsReachTheWireAndAViewSendsTheSameRequest(String name, MockResponse answer,
      BiConsumer<CloudifyClient, RequestOptions> call) throws Exception {
    server.enqueue(answer.clone());
    call.accept(client, OPTIONS);
    RecordedRequest perCall = take();

    server.enqueue(answer.clone());
    call.accept(client.withOptions(OPTIONS), RequestOptions.none());
    RecordedRequest viaView = take();

    assertThat(perCall.getHeader("X-Trace")).isEqualTo("t-1");
    assertThat(perCall.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
    assertThat(perCall.getHeader("Tenant")).isEqualTo("tenant-b");
    assertThat(viaView.getRequestLine()).isEqualTo(perCall.getRequestLine());
    assertThat(viaView.getHeaders().toMultimap()).isEqualTo(perCall.getHeaders().toMultimap());
    assertThat(viaView.getBody().readByteString()).isEqualTo(perCall.getBody().readByteString());
  }

  @Test
  void theActivationWaitNeverBypassesMaintenanceModeButKeepsTheOtherOptions() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activated")));
    server.enqueue(json(Samples.json("maintenance_activated")));

    client.maintenance().waitUntilActivated(PollOptions.timeout(Duration.ofMinutes(1)), OPTIONS,
        PollListener.none());
    client.withOptions(OPTIONS).maintenance().waitUntilActivated(PollOptions.timeout(Duration.ofMinutes(1)));

    for (int i = 0; i < 2; i++) {
      RecordedRequest r = take();
      assertThat(r.getPath()).isEqualTo("/api/v3.1/maintenance");
      assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).as("activating flips only without it").isNull();
      assertThat(r.getHeader("X-Trace")).isEqualTo("t-1");
      assertThat(r.getHeader("Tenant")).isEqualTo("tenant-b");
    }
  }

  @Test
  void aViewCostsNoTransportOfItsOwn() {
    CloudifyClient view = client.withOptions(OPTIONS);
    assertThat(io.github.cloudify4j.client.spi.ClientContext.of(view).create(
        io.github.cloudify4j.client.internal.CoreApi.class))
        .isSameAs(io.github.cloudify4j.client.spi.ClientContext.of(client).create(
            io.github.cloudify4j.client.internal.CoreApi.class));
  }
}
