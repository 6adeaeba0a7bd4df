package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.errors.ConflictException;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.errors.SnapshotActionException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** get, find, delete and create: the request on the wire, the result, the errors. */
class SnapshotsCrudTest extends MockManager {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void getReadsTheSnapshot() throws Exception {
    enqueueJson(200, Samples.SNAPSHOT);
    Snapshot s = snapshots.get("snap-2024-05-02");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots/snap-2024-05-02");
    assertThat(s.id()).isEqualTo("snap-2024-05-02");
    assertThat(s.status()).isEqualTo(SnapshotStatus.CREATED);
    assertThat(s.isRestorable()).isTrue();
    assertThat(s.error()).isEmpty();
    assertThat(s.createdAt()).contains(Instant.parse("2024-05-02T10:11:12.345Z"));
    assertThat(s.visibility()).contains("private");
    assertThat(s.tenantName()).contains("default_tenant");
    assertThat(s.createdBy()).contains("admin");
  }

  @Test
  void getReadsAFailedSnapshotsError() {
    enqueueJson(200, Samples.SNAPSHOT_FAILED);
    Snapshot s = snapshots.get("snap-broken");
    assertThat(s.status()).isEqualTo(SnapshotStatus.FAILED);
    assertThat(s.status().isFinal()).isTrue();
    assertThat(s.isRestorable()).isFalse();
    assertThat(s.error()).contains("No space left on device");
  }

  @Test
  void getOfAnUnknownIdIsNotFound() {
    enqueueJson(404, Samples.ERROR_NOT_FOUND);
    assertThatThrownBy(() -> snapshots.get("nope"))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).errorCode()).contains("not_found_error"))
        .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
  }

  @Test
  void findIsEmptyOn404() throws Exception {
    enqueueJson(404, Samples.ERROR_NOT_FOUND);
    assertThat(snapshots.find("nope")).isEmpty();
    assertThat(take().getPath()).isEqualTo("/api/v3.1/snapshots/nope");
    enqueueJson(200, Samples.SNAPSHOT);
    assertThat(snapshots.find("snap-2024-05-02")).map(Snapshot::id).contains("snap-2024-05-02");
  }

  @Test
  void deleteWithABodyReturnsTheSnapshot() throws Exception {
    enqueueJson(200, Samples.SNAPSHOT);
    Optional<Snapshot> deleted = snapshots.delete("snap-2024-05-02");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots/snap-2024-05-02");
    assertThat(deleted).map(Snapshot::id).contains("snap-2024-05-02");
  }

  @Test
  void deleteWith204IsEmpty() {
    server.enqueue(new MockResponse().setResponseCode(204));
    assertThat(snapshots.delete("snap-2024-05-02")).isEmpty();
  }

  @Test
  void deleteWithANullBodyIsEmpty() {
    enqueueJson(200, "null");
    assertThat(snapshots.delete("snap-2024-05-02")).isEmpty();
  }

  @Test
  void deleteOfASnapshotInUseIsASnapshotActionError() {
    enqueueJson(400, Samples.ERROR_SNAPSHOT_ACTION);
    assertThatThrownBy(() -> snapshots.delete("snap-2024-05-02"))
        .isInstanceOf(SnapshotActionException.class)
        .hasMessageContaining("active `create_snapshot` execution");
  }

  @Test
  void deleteIsNotRetriedOn503ByDefault() {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
    server.enqueue(new MockResponse().setResponseCode(204));
    assertThatThrownBy(() -> snapshots.delete("snap-2024-05-02"))
        .isInstanceOf(io.github.cloudify4j.client.errors.ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createSendsEveryKeyExplicitly() throws Exception {
    enqueueJson(201, Samples.EXECUTION_CREATE_SNAPSHOT);

    Execution e = snapshots.create("snap-2024-05-02");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots/snap-2024-05-02");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.getBody().readUtf8());
    assertThat(body).isEqualTo(JSON.readTree("{\"include_credentials\": true, \"include_logs\": true,"
        + " \"include_events\": true, \"queue\": false, \"tempdir_path\": null, \"legacy\": false,"
        + " \"listener_timeout\": null}"));
    assertThat(body.has("tempdir_path")).isTrue();
    assertThat(body.get("tempdir_path").isNull()).isTrue();
    assertThat(body.has("listener_timeout")).isTrue();

    assertThat(e.id()).isEqualTo("3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10");
    assertThat(e.workflowId()).contains("create_snapshot");
    assertThat(e.status()).isEqualTo(ExecutionStatus.PENDING);
    assertThat(e.isSystemWorkflow()).contains(true);
  }

  @Test
  void createSendsTheGivenOptions() throws Exception {
    enqueueJson(201, Samples.EXECUTION_CREATE_SNAPSHOT);
    snapshots.create("nightly.2024_05~02", SnapshotCreateOptions.builder()
        .includeCredentials(false).includeLogs(false).includeEvents(false).queue(true)
        .tempdirPath("/var/tmp/snap").listenerTimeout(Duration.ofMillis(2500)).build());
    JsonNode body = JSON.readTree(take().getBody().readUtf8());
    assertThat(body).isEqualTo(JSON.readTree("{\"include_credentials\": false, \"include_logs\": false,"
        + " \"include_events\": false, \"queue\": true, \"tempdir_path\": \"/var/tmp/snap\", \"legacy\": false,"
        + " \"listener_timeout\": 2.5}"));
  }

  @Test
  void createLegacy() throws Exception {
    enqueueJson(201, Samples.EXECUTION_CREATE_SNAPSHOT);
    snapshots.create("s1", SnapshotCreateOptions.builder().legacy(true).build());
    JsonNode body = JSON.readTree(take().getBody().readUtf8());
    assertThat(body.get("legacy").asBoolean()).isTrue();
    assertThat(body.get("listener_timeout").isNull()).isTrue();
    assertThat(body.size()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1snap", "-snap", "_snap", "~snap", ".snap", "snap/x", "snap x", "snäp", "snap%41",
      "sn\u0430p"})
  void createRejectsIdsTheServerWouldRefuse(String id) {
    assertThatThrownBy(() -> snapshots.create(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("snapshotId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void createAcceptsTheLongestIdAndRejectsLonger() throws Exception {
    String longest = "a" + "b".repeat(255);
    enqueueJson(201, Samples.EXECUTION_CREATE_SNAPSHOT);
    snapshots.create(longest);
    assertThat(take().getPath()).isEqualTo("/api/v3.1/snapshots/" + longest);
    assertThatThrownBy(() -> snapshots.create(longest + "c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("snapshotId");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createOfAnExistingIdIsAConflict() {
    enqueueJson(409, Samples.ERROR_CONFLICT);
    assertThatThrownBy(() -> snapshots.create("snap-2024-05-02")).isInstanceOf(ConflictException.class);
  }

  @Test
  void createWhileAnExecutionRunsIsExistingRunningExecution() {
    enqueueJson(400, Samples.ERROR_EXISTING_RUNNING_EXECUTION);
    assertThatThrownBy(() -> snapshots.create("snap-2024-05-02"))
        .isInstanceOf(ExistingRunningExecutionException.class)
        .hasMessageContaining("other executions running");
  }

  @Test
  void createIsNotRetriedOn503ByDefault() {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream down"));
    enqueueJson(201, Samples.EXECUTION_CREATE_SNAPSHOT);
    assertThatThrownBy(() -> snapshots.create("snap-2024-05-02"))
        .isInstanceOf(io.github.cloudify4j.client.errors.ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
