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

  public static ImmutableRemainingExecution.Builder builder() {
    return ImmutableRemainingExecution.builder();
  }

  @JsonProperty("id")
  public abstract String id();

  @JsonProperty("status")
  public abstract ExecutionStatus status();

  @JsonProperty("deployment_id")
  public abstract Optional<String> deploymentId();

  @JsonProperty("workflow_id")
  public abstract Optional<String> workflowId();
}
