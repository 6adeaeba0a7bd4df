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
 *
 * <p>An immutable value: {@link #equals(Object)} compares every attribute, {@link #builder()} makes one (tests do)
 * and {@link #toBuilder()} copies one to change a field.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableExecution.class)
@JsonDeserialize(as = ImmutableExecution.class)
public abstract class Execution {

  Execution() {}

  /** {@return a new, empty builder; {@link #id()} and {@link #status()} are required} */
  public static Builder builder() {
    return ImmutableExecution.builder();
  }

  /** {@return a builder that starts with every attribute of this execution} */
  public Builder toBuilder() {
    return ImmutableExecution.builder().from(this);
  }

  /** {@return the execution's id} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the workflow, e.g. {@code create_snapshot}; empty if the server did not say} */
  @JsonProperty("workflow_id")
  public abstract Optional<String> workflowId();

  /** {@return the execution's status; an unknown status parses and keeps its text} */
  @JsonProperty("status")
  public abstract ExecutionStatus status();

  /** {@return the status as the UI shows it; empty if the server did not say} */
  @JsonProperty("status_display")
  public abstract Optional<String> statusDisplay();

  /** {@return the error text; empty when there is none (the server sends {@code ""})} */
  @JsonProperty("error")
  @Value.Default
  public String error() {
    return "";
  }

  /** {@return when the execution was created; empty if the server did not say} */
  @JsonProperty("created_at")
  public abstract Optional<Instant> createdAt();

  /** {@return when it started running; empty before that} */
  @JsonProperty("started_at")
  public abstract Optional<Instant> startedAt();

  /** {@return when it ended; empty while it runs} */
  @JsonProperty("ended_at")
  public abstract Optional<Instant> endedAt();

  /** {@return when a scheduled execution is due; empty if not scheduled} */
  @JsonProperty("scheduled_for")
  public abstract Optional<Instant> scheduledFor();

  /** {@return whether it is a system workflow (snapshots are); empty if the server did not say} */
  @JsonProperty("is_system_workflow")
  public abstract Optional<Boolean> isSystemWorkflow();

  /** {@return whether it is a dry run; empty if the server did not say} */
  @JsonProperty("is_dry_run")
  public abstract Optional<Boolean> isDryRun();

  /** {@return the deployment it runs on; empty for a system workflow} */
  @JsonProperty("deployment_id")
  public abstract Optional<String> deploymentId();

  /** {@return the deployment's blueprint; empty for a system workflow} */
  @JsonProperty("blueprint_id")
  public abstract Optional<String> blueprintId();

  /** {@return the tenant; empty if the server did not say} */
  @JsonProperty("tenant_name")
  public abstract Optional<String> tenantName();

  /** {@return the user who started it; empty if the server did not say} */
  @JsonProperty("created_by")
  public abstract Optional<String> createdBy();

  /** {@return {@code private}, {@code tenant} or {@code global}; empty if the server did not say} */
  @JsonProperty("visibility")
  public abstract Optional<String> visibility();

  /** {@return how many operations the workflow has; empty if the server did not say} */
  @JsonProperty("total_operations")
  public abstract Optional<Integer> totalOperations();

  /** {@return how many of them have finished; empty if the server did not say} */
  @JsonProperty("finished_operations")
  public abstract Optional<Integer> finishedOperations();

  /** {@return the workflow parameters as sent by the server (may hold secrets: see the class comment)} */
  @JsonProperty("parameters")
  @AllowNulls
  public abstract Map<String, Object> parameters();

  /** {@return whether the execution has ended ({@code terminated}, {@code failed} or {@code cancelled})} */
  public final boolean isTerminal() {
    return status().isTerminal();
  }

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** The main attributes; passwords, tokens and secret keys in the error and the parameters are masked. */
  @Override
  public String toString() {
    return "Execution{id=" + id() + ", workflowId=" + workflowId().orElse(null) + ", status=" + status()
        + (error().isEmpty() ? "" : ", error=" + Redaction.redactText(error()))
        + ", createdAt=" + createdAt().orElse(null) + ", endedAt=" + endedAt().orElse(null)
        + ", deploymentId=" + deploymentId().orElse(null) + ", tenantName=" + tenantName().orElse(null)
        + ", parameters=" + Redaction.redactMap(parameters()) + "}";
  }

  /** Builds an {@link Execution}; optional attributes take {@code null} for "absent". */
  public interface Builder {
    /**
     * Sets {@link Execution#id()}.
     *
     * @param id the new value of {@link Execution#id()}
     * @return this builder
     */
    Builder id(String id);

    /**
     * Sets {@link Execution#workflowId()}; {@code null} for none.
     *
     * @param workflowId the new value of {@link Execution#workflowId()}
     * @return this builder
     */
    Builder workflowId(String workflowId);

    /**
     * Sets {@link Execution#status()}.
     *
     * @param status the new value of {@link Execution#status()}
     * @return this builder
     */
    Builder status(ExecutionStatus status);

    /**
     * Sets {@link Execution#statusDisplay()}; {@code null} for none.
     *
     * @param statusDisplay the new value of {@link Execution#statusDisplay()}
     * @return this builder
     */
    Builder statusDisplay(String statusDisplay);

    /**
     * Sets {@link Execution#error()} ({@code ""} when not set).
     *
     * @param error the new value of {@link Execution#error()}
     * @return this builder
     */
    Builder error(String error);

    /**
     * Sets {@link Execution#createdAt()}; {@code null} for none.
     *
     * @param createdAt the new value of {@link Execution#createdAt()}
     * @return this builder
     */
    Builder createdAt(Instant createdAt);

    /**
     * Sets {@link Execution#startedAt()}; {@code null} for none.
     *
     * @param startedAt the new value of {@link Execution#startedAt()}
     * @return this builder
     */
    Builder startedAt(Instant startedAt);

    /**
     * Sets {@link Execution#endedAt()}; {@code null} for none.
     *
     * @param endedAt the new value of {@link Execution#endedAt()}
     * @return this builder
     */
    Builder endedAt(Instant endedAt);

    /**
     * Sets {@link Execution#scheduledFor()}; {@code null} for none.
     *
     * @param scheduledFor the new value of {@link Execution#scheduledFor()}
     * @return this builder
     */
    Builder scheduledFor(Instant scheduledFor);

    /**
     * Sets {@link Execution#isSystemWorkflow()}; {@code null} for none.
     *
     * @param isSystemWorkflow the new value of {@link Execution#isSystemWorkflow()}
     * @return this builder
     */
    Builder isSystemWorkflow(Boolean isSystemWorkflow);

    /**
     * Sets {@link Execution#isDryRun()}; {@code null} for none.
     *
     * @param isDryRun the new value of {@link Execution#isDryRun()}
     * @return this builder
     */
    Builder isDryRun(Boolean isDryRun);

    /**
     * Sets {@link Execution#deploymentId()}; {@code null} for none.
     *
     * @param deploymentId the new value of {@link Execution#deploymentId()}
     * @return this builder
     */
    Builder deploymentId(String deploymentId);

    /**
     * Sets {@link Execution#blueprintId()}; {@code null} for none.
     *
     * @param blueprintId the new value of {@link Execution#blueprintId()}
     * @return this builder
     */
    Builder blueprintId(String blueprintId);

    /**
     * Sets {@link Execution#tenantName()}; {@code null} for none.
     *
     * @param tenantName the new value of {@link Execution#tenantName()}
     * @return this builder
     */
    Builder tenantName(String tenantName);

    /**
     * Sets {@link Execution#createdBy()}; {@code null} for none.
     *
     * @param createdBy the new value of {@link Execution#createdBy()}
     * @return this builder
     */
    Builder createdBy(String createdBy);

    /**
     * Sets {@link Execution#visibility()}; {@code null} for none.
     *
     * @param visibility the new value of {@link Execution#visibility()}
     * @return this builder
     */
    Builder visibility(String visibility);

    /**
     * Sets {@link Execution#totalOperations()}; {@code null} for none.
     *
     * @param totalOperations the new value of {@link Execution#totalOperations()}
     * @return this builder
     */
    Builder totalOperations(Integer totalOperations);

    /**
     * Sets {@link Execution#finishedOperations()}; {@code null} for none.
     *
     * @param finishedOperations the new value of {@link Execution#finishedOperations()}
     * @return this builder
     */
    Builder finishedOperations(Integer finishedOperations);

    /**
     * Replaces {@link Execution#parameters()}.
     *
     * @param parameters the new value of {@link Execution#parameters()}
     * @return this builder
     */
    Builder parameters(Map<String, ? extends Object> parameters);

    /**
     * Adds one parameter to {@link Execution#parameters()}.
     *
     * @param name the entry's key
     * @param value the entry's value
     * @return this builder
     */
    Builder putParameters(String name, Object value);

    /**
     * The execution; {@link IllegalStateException} when a required attribute is missing.
     *
     * @return the value, immutable
     * @throws IllegalStateException when a required attribute is missing
     */
    Execution build();
  }
}
