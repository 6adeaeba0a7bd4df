package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cloudify4j.client.internal.Redaction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A workflow run on the manager: {@code create_snapshot}, {@code restore_snapshot}, {@code install} …
 *
 * <p>Snapshot workflows carry the manager's database password in {@code parameters.config.postgresql_password}.
 * {@link #toString()} masks it (and any other password, token or secret key), as do cloudify4j's logs.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableExecution.class)
@JsonDeserialize(as = ImmutableExecution.class)
public abstract class Execution {

  public static ImmutableExecution.Builder builder() {
    return ImmutableExecution.builder();
  }

  @JsonProperty("id")
  public abstract String id();

  @JsonProperty("workflow_id")
  public abstract Optional<String> workflowId();

  @JsonProperty("status")
  public abstract ExecutionStatus status();

  @JsonProperty("status_display")
  public abstract Optional<String> statusDisplay();

  /** The error text; empty when there is none (the server sends {@code ""}). */
  @JsonProperty("error")
  @Value.Default
  public String error() {
    return "";
  }

  @JsonProperty("created_at")
  public abstract Optional<Instant> createdAt();

  @JsonProperty("started_at")
  public abstract Optional<Instant> startedAt();

  @JsonProperty("ended_at")
  public abstract Optional<Instant> endedAt();

  @JsonProperty("scheduled_for")
  public abstract Optional<Instant> scheduledFor();

  @JsonProperty("is_system_workflow")
  public abstract Optional<Boolean> isSystemWorkflow();

  @JsonProperty("is_dry_run")
  public abstract Optional<Boolean> isDryRun();

  @JsonProperty("deployment_id")
  public abstract Optional<String> deploymentId();

  @JsonProperty("blueprint_id")
  public abstract Optional<String> blueprintId();

  @JsonProperty("tenant_name")
  public abstract Optional<String> tenantName();

  @JsonProperty("created_by")
  public abstract Optional<String> createdBy();

  @JsonProperty("visibility")
  public abstract Optional<String> visibility();

  @JsonProperty("total_operations")
  public abstract Optional<Integer> totalOperations();

  @JsonProperty("finished_operations")
  public abstract Optional<Integer> finishedOperations();

  /** The workflow parameters as sent by the server (may hold secrets: see the class comment). */
  @JsonProperty("parameters")
  @AllowNulls
  public abstract Map<String, Object> parameters();

  /** Whether the execution has ended ({@code terminated}, {@code failed} or {@code cancelled}). */
  public final boolean isTerminal() {
    return status().isTerminal();
  }

  @Override
  public String toString() {
    return "Execution{id=" + id() + ", workflowId=" + workflowId().orElse(null) + ", status=" + status()
        + (error().isEmpty() ? "" : ", error=" + Redaction.redactText(error()))
        + ", createdAt=" + createdAt().orElse(null) + ", endedAt=" + endedAt().orElse(null)
        + ", deploymentId=" + deploymentId().orElse(null) + ", tenantName=" + tenantName().orElse(null)
        + ", parameters=" + Redaction.redactMap(parameters()) + "}";
  }
}
