package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** An execution that keeps maintenance mode in {@code activating}: running, pending, queued or scheduled. */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRemainingExecution.class)
@JsonDeserialize(as = ImmutableRemainingExecution.class)
public abstract class RemainingExecution {

  RemainingExecution() {}

  /** {@return a new, empty builder; {@link #id()} and {@link #status()} are required} */
  public static Builder builder() {
    return ImmutableRemainingExecution.builder();
  }

  /** {@return a builder that starts with every attribute of this value} */
  public Builder toBuilder() {
    return ImmutableRemainingExecution.builder().from(this);
  }

  /** {@return the execution's id} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the execution's status} */
  @JsonProperty("status")
  public abstract ExecutionStatus status();

  /** {@return the deployment it runs on; empty for a system workflow} */
  @JsonProperty("deployment_id")
  public abstract Optional<String> deploymentId();

  /** {@return the workflow, e.g. {@code install}; empty if the server did not say} */
  @JsonProperty("workflow_id")
  public abstract Optional<String> workflowId();

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** Builds a {@link RemainingExecution}; optional attributes take {@code null} for "absent". */
  public interface Builder {
    /**
     * Sets {@link RemainingExecution#id()}.
     *
     * @param id the new value of {@link RemainingExecution#id()}
     * @return this builder
     */
    Builder id(String id);

    /**
     * Sets {@link RemainingExecution#status()}.
     *
     * @param status the new value of {@link RemainingExecution#status()}
     * @return this builder
     */
    Builder status(ExecutionStatus status);

    /**
     * Sets {@link RemainingExecution#deploymentId()}; {@code null} for none.
     *
     * @param deploymentId the new value of {@link RemainingExecution#deploymentId()}
     * @return this builder
     */
    Builder deploymentId(String deploymentId);

    /**
     * Sets {@link RemainingExecution#workflowId()}; {@code null} for none.
     *
     * @param workflowId the new value of {@link RemainingExecution#workflowId()}
     * @return this builder
     */
    Builder workflowId(String workflowId);

    /**
     * The value; {@link IllegalStateException} when a required attribute is missing.
     *
     * @return the value, immutable
     * @throws IllegalStateException when a required attribute is missing
     */
    RemainingExecution build();
  }
}
