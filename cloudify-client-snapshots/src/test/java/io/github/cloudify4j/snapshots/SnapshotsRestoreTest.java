package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
import io.github.cloudify4j.client.errors.SnapshotActionException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /snapshots/{id}/restore and GET /snapshot-status. */
class SnapshotsRestoreTest extends MockManager {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void restoreOn7xSendsTheFourKeysAndReadsTheExecution() throws Exception {
    enqueueJson(200, Samples.version("7.0.4"));
    enqueueJson(200, Samples.RESTORE_RESPONSE);

    Execution start = snapshots.restore("snap-2024-05-02", RestoreOptions.defaults());

    RecordedRequest version = take();
    assertThat(version.getMethod()).isEqualTo("GET");
    assertThat(version.getPath()).isEqualTo("/api/version");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots/snap-2024-05-02/restore");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(JSON.readTree(r.getBody().readUtf8())).isEqualTo(JSON.readTree(
        "{\"force\": false, \"restore_certificates\": false, \"no_reboot\": false,"
            + " \"ignore_plugin_failure\": false}"));
    assertThat(start.id()).isEqualTo("c1a4e7f2-5b38-4d0f-9e61-7a2b8d4c0f93");
    assertThat(start.status()).isEqualTo(ExecutionStatus.PENDING);
    assertThat(start.createdAt()).contains(Instant.parse("2024-05-03T09:00:00.120Z"));
    assertThat(start.error()).isEmpty();
    assertThat(start.workflowId()).as("implied by the endpoint, not sent").contains("restore_snapshot");
    assertThat(start.isSystemWorkflow()).contains(true);
    assertThat(start.parameters()).as("not sent by the server").isEmpty();
  }

  @Test
  void theVersionIsAskedOnceAndCached() throws Exception {
    enqueueJson(200, Samples.version("6.4.2"));
    enqueueJson(200, Samples.RESTORE_RESPONSE);
    enqueueJson(200, Samples.RESTORE_RESPONSE);
    snapshots.restore("a", RestoreOptions.defaults());
    snapshots.restore("b", RestoreOptions.builder().force(true).restoreCertificates(true).noReboot(true)
        .ignorePluginFailure(true).workflowTimeout(Duration.ofSeconds(600)).tenantName("t1").build());

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(take().getPath()).isEqualTo("/api/version");
    assertThat(take().getPath()).isEqualTo("/api/v3.1/snapshots/a/restore");
    RecordedRequest second = take();
    assertThat(second.getPath()).isEqualTo("/api/v3.1/snapshots/b/restore");
    assertThat(JSON.readTree(second.getBody().readUtf8())).isEqualTo(JSON.readTree(
        "{\"force\": true, \"restore_certificates\": true, \"no_reboot\": true,"
            + " \"ignore_plugin_failure\": true, \"timeout\": 600}"));
  }

  @Test
  void restoreOn5xAlsoSendsThe5xKeys() throws Exception {
    enqueueJson(200, Samples.version("5.0.5"));
    enqueueJson(200, Samples.RESTORE_RESPONSE);
    enqueueJson(200, Samples.RESTORE_RESPONSE);
    snapshots.restore("s", RestoreOptions.builder().tenantName("default_tenant").build());
    snapshots.restore("s", RestoreOptions.builder().recreateDeploymentsEnvs(false).build());

    assertThat(take().getPath()).isEqualTo("/api/version");
    assertThat(JSON.readTree(take().getBody().readUtf8())).isEqualTo(JSON.readTree(
        "{\"force\": false, \"restore_certificates\": false, \"no_reboot\": false,"
            + " \"ignore_plugin_failure\": false, \"recreate_deployments_envs\": true,"
            + " \"tenant_name\": \"default_tenant\"}"));
    assertThat(JSON.readTree(take().getBody().readUtf8())).isEqualTo(JSON.readTree(
        "{\"force\": false, \"restore_certificates\": false, \"no_reboot\": false,"
            + " \"ignore_plugin_failure\": false, \"recreate_deployments_envs\": false}"));
  }

  @Test
  void noRebootWithoutCertificatesIsRejectedClientSide() {
    assertThatThrownBy(() -> RestoreOptions.builder().noReboot(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noReboot");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void restoreErrorsAreTyped() {
    enqueueJson(200, Samples.version("7.0.4"));
    enqueueJson(400, "{\"message\": \"Failed snapshot cannot be restored\", \"error_code\":"
        + " \"snapshot_action_error\", \"server_traceback\": null}");
    assertThatThrownBy(() -> snapshots.restore("snap-broken", RestoreOptions.defaults()))
        .isInstanceOf(SnapshotActionException.class);
    enqueueJson(400, Samples.ERROR_EXISTING_RUNNING_EXECUTION);
    assertThatThrownBy(() -> snapshots.restore("snap-2024-05-02", RestoreOptions.defaults()))
        .isInstanceOf(ExistingRunningExecutionException.class);
  }

  @Test
  void statusIsAskedWithoutCredentialsOrTenant() throws Exception {
    enqueueJson(200, "{\"status\": \"running\"}");
    RestoreStatus status = snapshots.restoreStatus();
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshot-status");
    assertThat(r.getHeader("Authorization")).isNull();
    assertThat(r.getHeader("Authentication-Token")).isNull();
    assertThat(r.getHeader("Tenant")).isNull();
    assertThat(status.state()).isEqualTo(RestoreStatus.State.RUNNING);
    assertThat(status.isRunning()).isTrue();
  }

  @Test
  void statusWithATokenClientIsAlsoAnonymous() throws Exception {
    client.close();
    client = client.toBuilder().token("tok-123").build();
    snapshots = Snapshots.of(client);
    enqueueJson(200, "{\"status\": \"not-running\"}");
    assertThat(snapshots.restoreStatus().isNotRunning()).isTrue();
    RecordedRequest r = take();
    assertThat(r.getHeader("Authentication-Token")).isNull();
    assertThat(r.getHeader("Authorization")).isNull();
    assertThat(r.getHeader("Tenant")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "running|RUNNING",
      "not-running|NOT_RUNNING",
      "Snapshot restore in progress...\\nThis may take a while, depending on the snapshot size.|RUNNING",
      "No restore_snapshot workflow currently running.|NOT_RUNNING",
      "No snapshot is currently being restored|UNKNOWN",
      "not running|UNKNOWN",
      "done|UNKNOWN",
      "''|UNKNOWN"})
  void statusValues(String text, RestoreStatus.State state) throws Exception {
    enqueueJson(200, "{\"status\": " + JSON.writeValueAsString(text.replace("\\n", "\n")) + "}");
    RestoreStatus status = snapshots.restoreStatus();
    assertThat(status.state()).isEqualTo(state);
    assertThat(status.raw()).isEqualTo(text.replace("\\n", "\n"));
  }

  @Test
  void aMissingOrMistypedStatusIsAnInvalidResponseNeverAVerdict() {
    for (String body : new String[] {"{}", "{\"status\": null}", "{\"status\": [\"x\"]}", "{\"status\": 1}"}) {
      enqueueJson(200, body);
      assertThatThrownBy(() -> snapshots.restoreStatus())
          .as(body).isInstanceOf(io.github.cloudify4j.client.errors.CloudifyInvalidResponseException.class);
    }
  }
}
