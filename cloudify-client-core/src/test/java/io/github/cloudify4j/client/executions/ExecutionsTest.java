package io.github.cloudify4j.client.executions;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.MaintenanceModeActiveException;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ExecutionsTest extends MockServerTest {
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";


  @Test
  void getParsesTheRealPayload() throws Exception {
    server.enqueue(json(Samples.json("execution_terminated")));

    Execution e = client.executions().get(ID);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/executions/" + ID);
    assertThat(r.getHeader("Authorization")).startsWith("Basic ");
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
    assertThat(r.getHeader("User-Agent")).isEqualTo(TestClients.USER_AGENT);
    assertThat(e.id()).isEqualTo(ID);
    assertThat(e.workflowId()).contains("create_snapshot");
    assertThat(e.status()).isEqualTo(ExecutionStatus.TERMINATED);
    assertThat(e.isTerminal()).isTrue();
    assertThat(e.statusDisplay()).contains("completed");
    assertThat(e.error()).isEmpty();
    assertThat(e.createdAt()).contains(Instant.parse("2024-05-02T10:11:12.345Z"));
    assertThat(e.startedAt()).contains(Instant.parse("2024-05-02T10:11:13.020Z"));
    assertThat(e.endedAt()).contains(Instant.parse("2024-05-02T10:12:40.871Z"));
    assertThat(e.scheduledFor()).isEmpty();
    assertThat(e.isSystemWorkflow()).contains(true);
    assertThat(e.deploymentId()).isEmpty();
    assertThat(e.totalOperations()).contains(0);
    assertThat(e.tenantName()).contains("default_tenant");
    assertThat(e.parameters()).containsEntry("snapshot_id", "snap-2024-05-02");
  }

  @Test
  void getWithBypassAndPerCallTenant() throws Exception {
    server.enqueue(json(Samples.json("execution_create_snapshot_response")));

    Execution e = client.executions().get(ID,
        RequestOptions.builder().bypassMaintenance(true).tenant("other_tenant").build());

    RecordedRequest r = take();
    assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
    assertThat(r.getHeader("Tenant")).isEqualTo("other_tenant");
    assertThat(e.status()).isEqualTo(ExecutionStatus.PENDING);
  }

  @Test
  void getBlockedByMaintenanceIsTyped() {
    server.enqueue(json(503, Samples.json("error_maintenance_active")));

    assertThatThrownBy(() -> client.executions().get(ID)).isInstanceOf(MaintenanceModeActiveException.class);
    assertThat(server.getRequestCount()).as("a maintenance 503 is not retried").isEqualTo(1);
  }

  @Test
  void listSendsFiltersSortIncludePagingAndFlags() throws Exception {
    server.enqueue(json(Samples.page(7, 2, 4, Samples.execution("a", "failed"), Samples.execution("b", "queued"))));

    Page<Execution> page = client.executions().list(ListParams.builder()
        .filter("status", "failed", "queued")
        .filter("deployment_id", "web prod&x=1")
        .sortDescending("created_at")
        .sortAscending("id")
        .include("id", "status")
        .includeSystemWorkflows(true)
        .allTenants(true)
        .size(2)
        .offset(4)
        .build());

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    HttpUrl url = r.getRequestUrl();
    assertThat(url.encodedPath()).isEqualTo("/api/v3.1/executions");
    assertThat(url.queryParameterValues("status")).containsExactly("failed", "queued");
    assertThat(url.queryParameterValues("deployment_id")).containsExactly("web prod&x=1");
    assertThat(url.queryParameterValues("_sort")).containsExactly("-created_at", "id");
    assertThat(url.queryParameter("_include")).isEqualTo("id,status");
    assertThat(url.queryParameter("_include_system_workflows")).isEqualTo("true");
    assertThat(url.queryParameter("_all_tenants")).isEqualTo("true");
    assertThat(url.queryParameter("_size")).isEqualTo("2");
    assertThat(url.queryParameter("_offset")).isEqualTo("4");
    assertThat(r.getPath()).startsWith("/api/v3.1/executions?status=failed&status=queued&deployment_id=web%20prod%26x%3D1"
        + "&_sort=-created_at&_sort=id&_include=id%2Cstatus");
    assertThat(page.items()).extracting(Execution::id).containsExactly("a", "b");
    assertThat(page.items()).extracting(Execution::status).containsExactly(ExecutionStatus.FAILED,
        ExecutionStatus.QUEUED);
    assertThat(page.pagination().total()).isEqualTo(7);
    assertThat(page.pagination().size()).isEqualTo(2);
    assertThat(page.pagination().offset()).isEqualTo(4);
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void listWithoutParamsSendsNoQuery() throws Exception {
    server.enqueue(json(Samples.page(0, 1000, 0)));

    Page<Execution> page = client.executions().list(ListParams.none());

    assertThat(take().getPath()).isEqualTo("/api/v3.1/executions");
    assertThat(page.items()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void listAllFetchesPageByPageAndStopsAtTotal() throws Exception {
    server.enqueue(json(Samples.page(5, 2, 0, Samples.execution("e1", "terminated"),
        Samples.execution("e2", "failed"))));
    server.enqueue(json(Samples.page(5, 2, 2, Samples.execution("e3", "terminated"),
        Samples.execution("e4", "started"))));
    server.enqueue(json(Samples.page(5, 2, 4, Samples.execution("e5", "pending"))));

    Stream<Execution> all = client.executions().listAll(ListParams.builder().filter("workflow_id", "install")
        .includeSystemWorkflows(false).size(2).build());
    assertThat(server.getRequestCount()).as("lazy").isZero();
    Iterator<Execution> it = all.iterator();
    assertThat(it.next().id()).isEqualTo("e1");
    assertThat(server.getRequestCount()).as("one page at a time").isEqualTo(1);
    List<String> rest = new java.util.ArrayList<>();
    it.forEachRemaining(e -> rest.add(e.id()));

    assertThat(rest).containsExactly("e2", "e3", "e4", "e5");
    assertThat(server.getRequestCount()).as("stops at total without an extra request").isEqualTo(3);
    for (long offset : new long[] {0, 2, 4}) {
      HttpUrl url = take().getRequestUrl();
      assertThat(url.queryParameter("workflow_id")).isEqualTo("install");
      assertThat(url.queryParameter("_include_system_workflows")).isEqualTo("false");
      assertThat(url.queryParameter("_size")).isEqualTo("2");
      assertThat(url.queryParameter("_offset")).isEqualTo(String.valueOf(offset));
    }
  }

  @Test
  void listAllStopsOnAnEmptyPage() throws Exception {
    server.enqueue(json(Samples.page(10, 1000, 0, Samples.execution("e1", "terminated"))));
    server.enqueue(json(Samples.page(10, 1000, 1)));

    List<String> ids = client.executions().listAll(ListParams.none()).map(Execution::id)
        .collect(Collectors.toList());

    assertThat(ids).containsExactly("e1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(take().getRequestUrl().queryParameter("_size")).isEqualTo("1000");
    assertThat(take().getRequestUrl().queryParameter("_offset")).isEqualTo("1");
  }

  @Test
  void cancelForceCancelKillPostTheAction() throws Exception {
    String[][] cases = {{"cancel", "cancelling"}, {"force-cancel", "force_cancelling"}, {"kill", "kill_cancelling"}};
    for (String[] c : cases) {
      server.enqueue(json(Samples.execution(ID, c[1])));
      Execution e;
      switch (c[0]) {
        case "cancel":
          e = client.executions().cancel(ID);
          break;
        case "force-cancel":
          e = client.executions().forceCancel(ID);
          break;
        default:
          e = client.executions().kill(ID);
      }
      RecordedRequest r = take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getPath()).isEqualTo("/api/v3.1/executions/" + ID);
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
      assertThat(r.getBody().readUtf8()).isEqualTo("{\"action\":\"" + c[0] + "\"}");
      assertThat(r.getHeader("Authorization")).startsWith("Basic ");
      assertThat(e.status().value()).isEqualTo(c[1]);
      assertThat(e.isTerminal()).isFalse();
    }
  }

  @Test
  void unknownActionIsRejectedBeforeSending() {
    assertThatThrownBy(() -> client.executions().action(ID, "requeue", RequestOptions.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void waitUntilEndedPollsWithBackoffAndReturnsAnyTerminalState() throws Exception {
    server.enqueue(json(Samples.execution(ID, "pending")));
    server.enqueue(json(Samples.execution(ID, "started")));
    server.enqueue(json(Samples.execution(ID, "failed")));

    Execution e = client.executions().waitUntilEnded(ID, PollOptions.builder()
        .initialDelay(Duration.ofSeconds(1)).multiplier(2).maxDelay(Duration.ofSeconds(10)).build());

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(time.sleepMillis()).containsExactly(1000L, 2000L);
    for (int i = 0; i < 3; i++) {
      assertThat(take().getPath()).isEqualTo("/api/v3.1/executions/" + ID);
    }
  }

  @Test
  void waitUntilSucceededReturnsTerminated() {
    server.enqueue(json(Samples.execution(ID, "started")));
    server.enqueue(json(Samples.json("execution_terminated")));

    Execution e = client.executions().waitUntilSucceeded(ID, PollOptions.timeout(Duration.ofMinutes(5)));

    assertThat(e.status().isSuccess()).isTrue();
    assertThat(time.sleepMillis()).containsExactly(1000L);
  }

  @Test
  void waitUntilSucceededFailsWithTheExecutionError() {
    String failed = Samples.execution(ID, "failed").replace("\"error\":\"\"", "\"error\":\"RuntimeError: boom\"");
    server.enqueue(json(failed));

    assertThatThrownBy(() -> client.executions().waitUntilSucceeded(ID, PollOptions.timeout(Duration.ofMinutes(5))))
        .isInstanceOfSatisfying(WaitFailedException.class, ex -> {
          assertThat(ex.getMessage()).contains(ID, "failed", "RuntimeError: boom", "create_snapshot");
          assertThat(ex.lastObserved(Execution.class)).get().extracting(Execution::id).isEqualTo(ID);
          assertThat(ex.attempts()).isEqualTo(1);
        });
  }

  @Test
  void waitsPassRequestOptionsToEveryPoll() throws Exception {
    server.enqueue(json(Samples.execution(ID, "started")));
    server.enqueue(json(Samples.execution(ID, "cancelled")));

    client.executions().waitUntilEnded(ID, PollOptions.timeout(Duration.ofMinutes(1)),
        RequestOptions.builder().bypassMaintenance(true).build(), ev -> { });

    assertThat(take().getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
    assertThat(take().getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
  }
}
