package io.github.cloudify4j.snapshots;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cloudify4j.client.model.ExecutionStatus;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code POST /snapshots/{id}/restore} answers: the {@code restore_snapshot} execution, squeezed by the
 * server into the Snapshot field list. So {@link #executionId()} is the execution's id and {@link #status()} its
 * status; there is no workflow id or parameters (read {@code client.executions().get(executionId)} for those,
 * with {@code bypassMaintenance} while maintenance mode is on).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRestoreStart.class)
@JsonDeserialize(as = ImmutableRestoreStart.class)
public abstract class RestoreStart {

  public static ImmutableRestoreStart.Builder builder() {
    return ImmutableRestoreStart.builder();
  }

  /** The id of the {@code restore_snapshot} execution. */
  @JsonProperty("id")
  public abstract String executionId();

  /** The execution's status when the restore was accepted (usually {@code pending}). */
  @JsonProperty("status")
  public abstract ExecutionStatus status();

  @JsonProperty("created_at")
  public abstract Optional<Instant> createdAt();

  @JsonProperty("error")
  @Value.Default
  public String error() {
    return "";
  }

  @JsonProperty("created_by")
  public abstract Optional<String> createdBy();
}
