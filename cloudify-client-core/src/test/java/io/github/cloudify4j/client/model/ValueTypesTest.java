package io.github.cloudify4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value style of the models: builder, toBuilder, value equality, JSON round trip, no secret in toString. */
class ValueTypesTest {
  private final ObjectMapper mapper = Json.newMapper();

  private final ServiceStatus service = ServiceStatus.builder().status("Active").isRemote(false)
      .putExtraInfo("password", "s3cret-pw").putExtraInfo("unit", "cloudify-restservice").build();
  private final ClusterStatus.Node node = ClusterStatus.Node.builder().status("OK").privateIp("10.0.0.1")
      .version("7.1.0").addFailures("disk").addFailures(null).putServices("nginx", service).build();
  private final ClusterStatus cluster = ClusterStatus.builder().status("Degraded")
      .putServices("manager", ClusterStatus.Service.builder().status("OK").isExternal(false)
          .putNodes("m1", node).build())
      .build();
  private final Execution execution = Execution.builder().id("e1").status(ExecutionStatus.STARTED)
      .workflowId("create_snapshot").createdAt(Instant.parse("2024-05-02T10:11:12.345Z"))
      .putParameters("config", Map.of("postgresql_password", "pg-secret")).putParameters("tempdir_path", null)
      .build();
  private final MaintenanceStatus maintenance = MaintenanceStatus.builder().status(MaintenanceState.ACTIVATING)
      .activationRequestedAt(Instant.parse("2024-05-02T10:00:00Z")).requestedBy("admin")
      .addRemainingExecutions(RemainingExecution.builder().id("x").status(ExecutionStatus.QUEUED)
          .deploymentId("d1").build())
      .build();
  private final ManagerNode managerNode = ManagerNode.builder().id(1L).hostname("m1").privateIp("10.0.0.1")
      .putNetworks("default", "10.0.0.1").lastSeen(Instant.parse("2024-05-02T10:00:00Z")).build();
  private final ManagerStatus managerStatus = ManagerStatus.builder().status("OK").putServices("nginx", service)
      .build();
  private final ServerVersion version = ServerVersion.builder().versionText("7.1.0").edition("premium").build();

  private List<Object> all() {
    return List.of(service, node, cluster, cluster.services().get("manager"), execution, maintenance,
        maintenance.remainingExecutions().get(0), managerNode, managerStatus, version);
  }

  @Test
  void toBuilderCopiesEveryAttribute() throws Exception {
    for (Object value : all()) {
      Object builder = value.getClass().getMethod("toBuilder").invoke(value);
      Object copy = builder.getClass().getMethod("build").invoke(builder);
      assertThat(copy).as(value.getClass().getSimpleName()).isEqualTo(value).isNotSameAs(value)
          .hasSameHashCodeAs(value);
    }
  }

  @Test
  void toBuilderChangesOneFieldAndLeavesTheOriginal() {
    Execution done = execution.toBuilder().status(ExecutionStatus.TERMINATED).endedAt(Instant.EPOCH).build();
    assertThat(done.isTerminal()).isTrue();
    assertThat(done.workflowId()).contains("create_snapshot");
    assertThat(done).isNotEqualTo(execution);
    assertThat(execution.status()).isEqualTo(ExecutionStatus.STARTED);
    assertThat(execution.endedAt()).isEmpty();
    assertThat(execution.toBuilder().endedAt(null).build()).isEqualTo(execution);

    assertThat(maintenance.toBuilder().remainingExecutions(List.of()).status(MaintenanceState.ACTIVATED).build()
        .remainingExecutions()).isEmpty();
    assertThat(maintenance.remainingExecutions()).hasSize(1);
    assertThat(version.toBuilder().versionText("6.4.2").build().isAtLeast(7)).isFalse();
  }

  @Test
  void jsonRoundTripThroughTheHiddenImplementation() throws Exception {
    for (Object value : all()) {
      Class<?> api = value.getClass().getSuperclass();
      Object again = mapper.readValue(mapper.writeValueAsString(value), api);
      assertThat(again).as(api.getSimpleName()).isEqualTo(value);
    }
  }

  @Test
  void theImplementationIsNotPartOfTheApi() {
    for (Object value : all()) {
      assertThat(java.lang.reflect.Modifier.isPublic(value.getClass().getModifiers()))
          .as(value.getClass().getName()).isFalse();
    }
  }

  @Test
  void toStringShowsNoSecret() {
    assertThat(service.toString()).contains("cloudify-restservice").doesNotContain("s3cret-pw");
    assertThat(managerStatus.toString()).doesNotContain("s3cret-pw");
    assertThat(cluster.toString()).contains("10.0.0.1").doesNotContain("s3cret-pw");
    assertThat(execution.toString()).contains("create_snapshot").doesNotContain("pg-secret");
  }
}
