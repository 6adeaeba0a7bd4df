package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.testing.VirtualTime;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.model.MaintenanceState;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.contract.Corpus;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 item 6: a real manager that refuses a restore with 400 {@code existing_running_execution_error} still
 * creates a {@code pending} {@code restore_snapshot} execution, which nothing will ever run; it keeps maintenance
 * mode {@code activating} and makes every later restore fail the same way (corpus seq 134–136, 189–191). The
 * orchestrator finds it and kills it, and the report says so. The manager here answers with the corpus's recorded
 * bodies (placeholders filled in); the fake does not leave such executions behind.
 *
 * <p>The same run also pins item 7: the restore failed after this run uploaded the archive, so the report and the
 * exception name the snapshot left on the manager and how to go on.
 */
class RefusedRestoreLeftoverTest {
  private static final String LEFTOVER = "0f5c1a52-6b0e-4d8f-9d7e-3a1b2c3d4e5f";
  private static final String OTHER = "7a7a7a7a-1111-4222-8333-944444444444";
  @TempDir static Path dir;
  static Path archive;

  MockWebServer server;
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  String maintenance = "deactivated";
  /** When set, maintenance mode stays "activating", waiting for this remaining execution. */
  String stuckOn;
  boolean uploaded;
  /** The executions list answer: corpus seq 135 (a full row whose parameters name the snapshot). */
  String pendingList;

  @BeforeAll
  static void makeArchive() {
    archive = Archives.create(ServerProfile.V7_0_4, dir, "up-octet");
  }

  @BeforeEach
  void start() throws Exception {
    pendingList = answer("snapshots.restore.busy-leftover");
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        requests.add(r);
        return answer(r);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  /** A recorded JSON answer with its placeholders filled in. */
  static String answer(String corpusCase) {
    return Corpus.line(corpusCase).path("response").path("json").toString()
        .replace("<uuid:8>", LEFTOVER).replace("<uuid:11>", LEFTOVER)
        .replace("<uuid:2>", OTHER).replace("<uuid:7>", OTHER)
        .replaceAll("<ts:[^>]*>", "2026-12-01T10:00:00.000Z");
  }

  private MockResponse answer(RecordedRequest r) {
    String method = r.getMethod();
    String path = r.getRequestUrl().encodedPath();
    switch (method + " " + path) {
      case "GET /api/version":
        return json(200, "{\"edition\": \"community\", \"version\": \"7.1.0\", \"build\": null, \"date\": null,"
            + " \"commit\": null, \"distribution\": \"debian\", \"distro_release\": \"bookworm\"}");
      case "GET /api/v3.1/snapshot-status":
        return json(200, answer("snapshots.status.no-auth"));
      case "GET /api/v3.1/maintenance":
        if (stuckOn != null && !maintenance.equals("deactivated")) {
          return json(200, "{\"status\": \"activating\", \"activated_at\": null, \"activation_requested_at\":"
              + " \"2026-12-01T10:00:00.000Z\", \"remaining_executions\": [" + stuckOn + "], \"requested_by\":"
              + " \"admin\"}");
        }
        return json(200, "{\"status\": \"" + maintenance + "\", \"activated_at\": null,"
            + " \"activation_requested_at\": null, \"remaining_executions\": null, \"requested_by\": \"admin\"}");
      case "POST /api/v3.1/maintenance/activate":
        maintenance = "activated";
        return json(200, answer("maintenance.get-activated"));
      case "POST /api/v3.1/maintenance/deactivate":
        maintenance = "deactivated";
        return json(200, answer("maintenance.get-after"));
      case "GET /api/v3.1/snapshots/up-octet":
        return uploaded ? json(200, answer("snapshots.get"))
            : json(404, "{\"error_code\": \"not_found_error\", \"message\": \"Requested `Snapshot` with ID"
                + " `up-octet` was not found\", \"server_traceback\": null}");
      case "PUT /api/v3.1/snapshots/up-octet/archive":
        uploaded = true;
        return json(201, answer("snapshots.upload.octet-stream"));
      case "GET /api/v3.1/blueprints":
        return json(200, answer("verify.blueprints-size-0"));
      case "POST /api/v3.1/snapshots/up-octet/restore":
        return json(400, answer("snapshots.restore.busy"));
      case "GET /api/v3.1/executions":
        return json(200, pendingList);
      case "POST /api/v3.1/executions/" + LEFTOVER:
        return json(200, answer("snapshots.restore.busy-leftover-kill"));
      default:
        return json(404, "{\"error_code\": \"not_found_error\", \"message\": \"not in this test: " + method + " "
            + path + "\"}");
    }
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  private CloudifyClient client() {
    return CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "admin")
        .tenant("default_tenant").retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build();
  }

  private RestoreFailedException runRestore() {
    try (CloudifyClient client = client()) {
      RestoreOrchestrator restore = RestoreOrchestrator.builder(client).snapshotId("up-octet").uploadFrom(archive)
          .pollOptions(PollOptions.builder().initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(1))
              .build())
          .build();
      return catchThrowableOfType(restore::run, RestoreFailedException.class);
    }
  }

  @Test
  void theLeftoverOfARefusedRestoreIsFoundAndKilled() throws Exception {
    RestoreFailedException e = runRestore();

    assertThat(e).isNotNull();
    RestoreReport report = e.report();
    assertThat(report.failedStep()).contains(RestoreStep.START_RESTORE);
    assertThat(report.leftoverExecutionsKilled()).containsExactly(LEFTOVER);
    assertThat(((RestoreRefusedException) e).code()).isEqualTo(RestoreRefusal.Code.MANAGER_REFUSED_RESTORE);
    assertThat(report.refusal()).hasValueSatisfying(r ->
        assertThat(r.code()).isEqualTo(RestoreRefusal.Code.MANAGER_REFUSED_RESTORE));
    assertThat(e.getCause()).isInstanceOf(ExistingRunningExecutionException.class);
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains(LEFTOVER).contains("killed"));
    assertThat(report.toString()).contains("leftover restore executions killed: " + LEFTOVER);

    // The search: exactly the corpus's query (seq 135/190) without its _include (the SDK reads whole rows, so it
    // can match the snapshot id in the parameters), sent past maintenance mode.
    RecordedRequest list = only("GET", "/api/v3.1/executions");
    assertThat(Corpus.queryPairs(list.getRequestUrl().encodedQuery())).containsExactlyInAnyOrder(
        "_include_system_workflows=true", "workflow_id=restore_snapshot", "status=pending");
    assertThat(list.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
    // The kill: the corpus's request (seq 136/191), byte for byte where it matters.
    RecordedRequest kill = only("POST", "/api/v3.1/executions/" + LEFTOVER);
    assertThat(kill.getHeaders().values("Content-Type")).containsExactly("application/json");
    JsonNode body = Corpus.mapper().readTree(kill.getBody().readUtf8());
    assertThat(body).isEqualTo(Corpus.line("snapshots.restore.while-restoring-leftover-kill").path("request")
        .path("body"));
    assertThat(kill.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
    // This run activated maintenance mode and the restore never started: rolled back.
    assertThat(report.maintenanceState()).contains(MaintenanceState.DEACTIVATED);
  }

  @Test
  void aPendingRestoreOfAnotherSnapshotIsLeftAlone() {
    pendingList = pendingList.replace("\"snapshot_id\":\"up-octet\"", "\"snapshot_id\":\"someone-elses\"");
    assertThat(pendingList).contains("someone-elses");

    RestoreFailedException e = runRestore();

    assertThat(e.report().leftoverExecutionsKilled()).isEmpty();
    assertThat(((RestoreRefusedException) e).code()).isEqualTo(RestoreRefusal.Code.MANAGER_REFUSED_RESTORE);
    assertThat(requests).noneSatisfy(r -> assertThat(r.getMethod() + " " + r.getPath())
        .isEqualTo("POST /api/v3.1/executions/" + LEFTOVER));
  }

  /** Item 7: the restore failed after this run uploaded the archive. */
  @Test
  void theReportAndTheExceptionNameTheSnapshotLeftOnTheManager() {
    RestoreFailedException e = runRestore();

    assertThat(e.report().snapshotLeftOnManager()).contains("up-octet");
    assertThat(e.snapshotLeftOnManager()).contains("up-octet");
    assertThat(e.getMessage()).contains("Snapshot up-octet (uploaded by this run) is still on the manager")
        .contains("onExistingSnapshot(REUSE)");
    // The restore was refused, so it never started: no word about restored data.
    assertThat(e.report().followUps()).anySatisfy(f -> assertThat(f).contains("up-octet")
        .contains("onExistingSnapshot(REUSE)").contains("delete").doesNotContain("had started"));
    assertThat(e.report().toString()).contains("snapshot left on the manager: up-octet");
  }

  /**
   * A leftover from an earlier refused restore (by another client, or an older SDK) keeps maintenance mode
   * "activating": the wait gives up and names it as what to kill.
   */
  @Test
  void aLeftoverThatBlocksMaintenanceModeIsNamed() {
    stuckOn = "{\"id\": \"" + LEFTOVER + "\", \"status\": \"pending\", \"deployment_id\": null,"
        + " \"workflow_id\": \"restore_snapshot\"}";
    VirtualTime time = new VirtualTime();
    try (CloudifyClient client = CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "admin")
        .tenant("default_tenant").retryPolicy(RetryPolicy.none()).clock(time.clock())
        .sleeper(time).build()) {
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("up-octet").uploadFrom(archive)
          .timeouts(RestoreTimeouts.builder().maintenance(Duration.ofMinutes(5)).build()).build().run(),
          RestoreFailedException.class);

      assertThat(e.step()).isEqualTo(RestoreStep.AWAIT_MAINTENANCE);
      assertThat(((RestoreRefusedException) e).code()).isEqualTo(RestoreRefusal.Code.MAINTENANCE_NOT_ACTIVATED);
      assertThat(((RestoreRefusedException) e).refusal().executionIds()).containsExactly(LEFTOVER);
    }
  }

  private RecordedRequest only(String method, String path) {
    List<RecordedRequest> found = requests.stream()
        .filter(r -> r.getMethod().equals(method) && r.getRequestUrl().encodedPath().equals(path))
        .collect(java.util.stream.Collectors.toList());
    assertThat(found).as("%s %s", method, path).hasSize(1);
    return found.get(0);
  }
}
