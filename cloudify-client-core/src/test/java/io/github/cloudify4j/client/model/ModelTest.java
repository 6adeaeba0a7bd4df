package io.github.cloudify4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.internal.Json;
import io.github.cloudify4j.client.testing.Samples;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void buildersAreUsableForTests() {
    Execution e = Execution.builder().id("e1").status(ExecutionStatus.STARTED).workflowId("install")
        .createdAt(Instant.parse("2024-05-02T10:11:12.345Z")).putParameters("a", 1).build();
    assertThat(e.error()).isEmpty();
    assertThat(e.isTerminal()).isFalse();
    assertThat(e.toBuilder().status(ExecutionStatus.TERMINATED).build().isTerminal()).isTrue();
    assertThat(e).isEqualTo(e.toBuilder().build());

    MaintenanceStatus m = MaintenanceStatus.builder().status(MaintenanceState.ACTIVATING)
        .addRemainingExecutions(RemainingExecution.builder().id("x").status(ExecutionStatus.QUEUED).build())
        .build();
    assertThat(m.isActivating()).isTrue();
    assertThat(m.requestedBy()).isEmpty();

    assertThat(ServerVersion.builder().versionText("6.4.2").build().isAtLeast(6, 4)).isTrue();
    assertThat(ManagerNode.builder().hostname("h").build().networks()).isEmpty();
    assertThat(ClusterStatus.builder().status("OK").build().isOk()).isTrue();
    assertThat(ManagerStatus.builder().status("Fail").build().isHealthy()).isFalse();
    assertThatThrownBy(() -> Execution.builder().status(ExecutionStatus.STARTED).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("id");
  }

  @Test
  void realPayloadsRoundTrip() throws Exception {
    Execution e = mapper.readValue(Samples.json("execution_create_snapshot_response"), Execution.class);
    Execution again = mapper.readValue(mapper.writeValueAsString(e), Execution.class);
    assertThat(again).isEqualTo(e);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) e.parameters().get("config");
    assertThat(config).containsEntry("postgresql_username", "cloudify");
    assertThat(e.parameters()).containsEntry("tempdir_path", null);
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    Execution e = mapper.readValue("{\"id\":\"x\",\"status\":\"started\",\"brand_new_field\":{\"a\":[1]},"
        + "\"parameters_p\":null,\"execution_group_id\":\"g\"}", Execution.class);
    assertThat(e.id()).isEqualTo("x");
    MaintenanceStatus m = mapper.readValue("{\"status\":\"activated\",\"future\":1}", MaintenanceStatus.class);
    assertThat(m.isActivated()).isTrue();
  }

  @Test
  void unknownStatusesStayUnknown() throws Exception {
    Execution e = mapper.readValue("{\"id\":\"x\",\"status\":\"paused\"}", Execution.class);
    assertThat(e.status().isKnown()).isFalse();
    assertThat(e.status().value()).isEqualTo("paused");
    assertThat(e.status().isTerminal()).isFalse();
    assertThat(e.status()).isNotIn(ExecutionStatus.PENDING, ExecutionStatus.STARTED, ExecutionStatus.CANCELLING,
        ExecutionStatus.FORCE_CANCELLING, ExecutionStatus.KILL_CANCELLING, ExecutionStatus.TERMINATED,
        ExecutionStatus.FAILED, ExecutionStatus.CANCELLED, ExecutionStatus.QUEUED, ExecutionStatus.SCHEDULED);
    assertThat(ExecutionStatus.of("paused")).isEqualTo(e.status());
    assertThat(ExecutionStatus.of("TERMINATED")).as("case matters").isNotEqualTo(ExecutionStatus.TERMINATED);
    assertThat(ExecutionStatus.of("terminated")).isSameAs(ExecutionStatus.TERMINATED);
    assertThat(ExecutionStatus.TERMINATED.isKnown()).isTrue();

    MaintenanceState s = mapper.readValue("{\"status\":\"frozen\"}", MaintenanceStatus.class).status();
    assertThat(s.isKnown()).isFalse();
    assertThat(s).isNotIn(MaintenanceState.ACTIVATED, MaintenanceState.ACTIVATING, MaintenanceState.DEACTIVATED);
    assertThat(mapper.writeValueAsString(ExecutionStatus.of("paused"))).isEqualTo("\"paused\"");
  }

  @Test
  void timestamps() throws Exception {
    assertThat(at("\"2024-05-02T10:11:12.345Z\"")).contains(Instant.parse("2024-05-02T10:11:12.345Z"));
    assertThat(at("\"\"")).isEmpty();
    assertThat(at("null")).isEmpty();
    assertThat(at("\"2024-05-02T10:11:12.345\"")).as("no zone is UTC")
        .contains(Instant.parse("2024-05-02T10:11:12.345Z"));
    assertThat(at("\"2024-05-02 10:11:12.345678\"")).contains(Instant.parse("2024-05-02T10:11:12.345678Z"));
    assertThat(at("\"2024-05-02T12:11:12+02:00\"")).contains(Instant.parse("2024-05-02T10:11:12Z"));
    assertThatThrownBy(() -> at("\"yesterday\"")).isInstanceOf(java.io.IOException.class);
  }

  private java.util.Optional<Instant> at(String json) throws Exception {
    return mapper.readValue("{\"id\":\"x\",\"status\":\"started\",\"created_at\":" + json + "}", Execution.class)
        .createdAt();
  }

  @Test
  void pageWithoutMetadataAndHasMore() throws Exception {
    Page<Execution> p = mapper.readValue("{\"items\":[{\"id\":\"x\",\"status\":\"started\"}]}",
        mapper.getTypeFactory().constructParametricType(Page.class, Execution.class));
    assertThat(p.pagination().total()).isEqualTo(1);
    assertThat(p.hasMore()).isFalse();
  }

  @Test
  void versions() {
    assertThat(Version.parse("7.0.4").compareTo(Version.parse("7.0.10"))).isNegative();
    assertThat(Version.parse("7.0")).isEqualByComparingTo(Version.parse("7.0.0"));
    assertThat(Version.parse("5.0.5.1").isAtLeast(Version.of(5, 0, 5))).isTrue();
    assertThatThrownBy(() -> ServerVersion.builder().versionText("banana").build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
