package io.github.cloudify4j.client.maintenance;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.client.model.MaintenanceState;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.poll.PollEvent;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class MaintenanceModeTest extends MockServerTest {


  private static void assertCommonHeaders(RecordedRequest r) {
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        (TestClients.USER + ":" + TestClients.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.getHeader("Authorization")).isEqualTo(basic);
    assertThat(r.getHeader("Authentication-Token")).isNull();
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
    assertThat(r.getHeader("User-Agent")).isEqualTo(TestClients.USER_AGENT);
    assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).isNull();
  }

  @Test
  void statusDeactivated() throws Exception {
    server.enqueue(json(Samples.json("maintenance_deactivated")));

    MaintenanceStatus status = client.maintenance().status();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/maintenance");
    assertThat(r.getBodySize()).isZero();
    assertCommonHeaders(r);
    assertThat(status.status()).isEqualTo(MaintenanceState.DEACTIVATED);
    assertThat(status.isDeactivated()).isTrue();
    assertThat(status.activatedAt()).as("activated_at \"\"").isEmpty();
    assertThat(status.activationRequestedAt()).isEmpty();
    assertThat(status.remainingExecutions()).as("remaining_executions null").isEmpty();
    assertThat(status.requestedBy()).isEmpty();
  }

  @Test
  void statusActivatingHasFlatRemainingExecutions() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activating")));

    MaintenanceStatus status = client.maintenance().status();

    assertThat(take().getPath()).isEqualTo("/api/v3.1/maintenance");
    assertThat(status.isActivating()).isTrue();
    assertThat(status.activatedAt()).as("activated_at null").isEmpty();
    assertThat(status.activationRequestedAt()).contains(Instant.parse("2024-05-03T08:55:00.500Z"));
    assertThat(status.requestedBy()).isEqualTo("admin");
    assertThat(status.remainingExecutions()).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("e5b7c3a9-1d2f-4e6a-8b0c-9d1e2f3a4b5c");
      assertThat(e.status()).isEqualTo(ExecutionStatus.STARTED);
      assertThat(e.deploymentId()).contains("web-prod");
      assertThat(e.workflowId()).contains("install");
    });
  }

  @Test
  void statusActivated() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activated")));

    MaintenanceStatus status = client.maintenance().status();

    assertThat(status.isActivated()).isTrue();
    assertThat(status.activatedAt()).contains(Instant.parse("2024-05-03T08:57:12.004Z"));
    assertThat(status.remainingExecutions()).isEmpty();
  }

  @Test
  void activateSendsPostAndReadsTheNestedEmptyList() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activate_response_6x_7x")));

    MaintenanceChange change = client.maintenance().activate();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/maintenance/activate");
    assertThat(r.getBody().readUtf8()).isEmpty();
    assertCommonHeaders(r);
    assertThat(change.changed()).isTrue();
    assertThat(change.status().isActivated()).isTrue();
    assertThat(change.status().activatedAt()).contains(Instant.parse("2024-05-03T08:55:00.500Z"));
    assertThat(change.status().remainingExecutions()).as("[[]]").isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void activateReadsTheNestedListWithExecutions() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activate_response_with_running_6x_7x")));

    MaintenanceChange change = client.maintenance().activate();

    assertThat(change.changed()).isTrue();
    assertThat(change.status().isActivating()).isTrue();
    assertThat(change.status().remainingExecutions()).singleElement()
        .satisfies(e -> assertThat(e.id()).isEqualTo("e5b7c3a9-1d2f-4e6a-8b0c-9d1e2f3a4b5c"));
  }

  @Test
  void remainingExecutionsAcceptsFlatNestedAndNull() throws Exception {
    String one = "{\"id\":\"x1\",\"status\":\"queued\",\"deployment_id\":null,\"workflow_id\":\"heal\"}";
    for (String shape : List.of("[" + one + "]", "[[" + one + "]]", "[[" + one + "],[]]")) {
      server.enqueue(json("{\"status\":\"activating\",\"activated_at\":null,\"activation_requested_at\":\"\","
          + "\"remaining_executions\":" + shape + ",\"requested_by\":\"admin\"}"));
      MaintenanceStatus s = client.maintenance().status();
      assertThat(s.remainingExecutions()).as(shape).singleElement().satisfies(e -> {
        assertThat(e.id()).isEqualTo("x1");
        assertThat(e.status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(e.deploymentId()).isEmpty();
      });
    }
  }

  @Test
  void doubleActivate304IsNotAChangeAndReadsTheStatus() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(304));
    server.enqueue(json(Samples.json("maintenance_activated")));

    MaintenanceChange change = client.maintenance().activate();

    RecordedRequest post = take();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getPath()).isEqualTo("/api/v3.1/maintenance/activate");
    RecordedRequest get = take();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getPath()).isEqualTo("/api/v3.1/maintenance");
    assertThat(change.changed()).isFalse();
    assertThat(change.status().isActivated()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void deactivate() throws Exception {
    server.enqueue(json(Samples.json("maintenance_deactivate_response")));

    MaintenanceChange change = client.maintenance().deactivate();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/maintenance/deactivate");
    assertCommonHeaders(r);
    assertThat(change.changed()).isTrue();
    assertThat(change.status().isDeactivated()).isTrue();
    assertThat(change.status().activatedAt()).contains(Instant.parse("2024-05-03T08:57:12.004Z"));
    assertThat(change.status().requestedBy()).isEqualTo("admin");
  }

  @Test
  void doubleDeactivate304IsNotAChange() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(304));
    server.enqueue(json(Samples.json("maintenance_deactivated")));

    MaintenanceChange change = client.maintenance().deactivate();

    assertThat(take().getPath()).isEqualTo("/api/v3.1/maintenance/deactivate");
    assertThat(take().getPath()).isEqualTo("/api/v3.1/maintenance");
    assertThat(change.changed()).isFalse();
    assertThat(change.status().isDeactivated()).isTrue();
  }

  @Test
  void bypassMaintenanceHeaderWhenAsked() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activated")));

    client.maintenance().status(RequestOptions.builder().bypassMaintenance(true).build());

    assertThat(take().getHeader("X-BYPASS-MAINTENANCE")).isNotEmpty();
  }

  @Test
  void waitUntilActivatedPollsAndReportsRemainingExecutions() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activating")));
    server.enqueue(json(Samples.json("maintenance_activating")));
    server.enqueue(json(Samples.json("maintenance_activated")));
    List<PollEvent<MaintenanceStatus>> events = new ArrayList<>();

    MaintenanceStatus status = client.maintenance().waitUntilActivated(
        PollOptions.builder().fixedDelay(Duration.ofSeconds(5)).maxWait(Duration.ofMinutes(1)).build(),
        events::add);

    assertThat(status.isActivated()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleepMillis()).containsExactly(5000L, 5000L);
    assertThat(events).extracting(PollEvent::outcome).containsExactly(PollEvent.Outcome.RETRY,
        PollEvent.Outcome.RETRY, PollEvent.Outcome.SUCCESS);
    assertThat(events.get(0).value().orElseThrow().remainingExecutions())
        .extracting(e -> e.id()).containsExactly("e5b7c3a9-1d2f-4e6a-8b0c-9d1e2f3a4b5c");
  }

  @Test
  void waitUntilActivatedTimesOutNamingTheRemainingExecutions() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(json(Samples.json("maintenance_activating")));
    }

    assertThatThrownBy(() -> client.maintenance().waitUntilActivated(
        PollOptions.builder().fixedDelay(Duration.ofSeconds(10)).maxWait(Duration.ofSeconds(25)).build()))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.getMessage()).contains("e5b7c3a9-1d2f-4e6a-8b0c-9d1e2f3a4b5c", "install", "web-prod",
              "activating");
          assertThat(e.lastObserved(MaintenanceStatus.class)).get()
              .satisfies(s -> assertThat(s.isActivating()).isTrue());
          assertThat(e.attempts()).isEqualTo(4);
        });
    // polls at 0, 10, 20, 25 s: the last delay is clamped to the remaining time
    assertThat(time.sleepMillis()).containsExactly(10_000L, 10_000L, 5_000L);
  }

  @Test
  void waitUntilActivatedFailsWhenSomeoneDeactivates() {
    server.enqueue(json(Samples.json("maintenance_activating")));
    server.enqueue(json(Samples.json("maintenance_deactivated")));

    assertThatThrownBy(() -> client.maintenance().waitUntilActivated(PollOptions.timeout(Duration.ofMinutes(1))))
        .isInstanceOf(WaitFailedException.class)
        .hasMessageContaining("deactivated");
  }
}
