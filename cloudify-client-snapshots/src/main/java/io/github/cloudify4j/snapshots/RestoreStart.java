package io.github.cloudify4j.snapshots;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.client.spi.Secrets;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code POST /snapshots/{id}/restore} answers: the {@code restore_snapshot} execution, squeezed by the
 * server into the Snapshot field list. So {@link #executionId()} is the execution's id and {@link #status()} its
 * status; there is no workflow id or parameters (read {@code client.executions().get(executionId)} for those,
 * with {@code bypassMaintenance} while maintenance mode is on).
 *
 * <p>An immutable value like {@link Snapshot}: {@link #builder()}, {@link #toBuilder()}, value equality.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRestoreStart.class)
@JsonDeserialize(as = ImmutableRestoreStart.class)
public abstract class RestoreStart {

  RestoreStart() {}

  /** A new, empty builder; {@link #executionId()} and {@link #status()} are required. */
  public static Builder builder() {
    return ImmutableRestoreStart.builder();
  }

  /** A builder that starts with every attribute of this value. */
  public Builder toBuilder() {
    return ImmutableRestoreStart.builder().from(this);
  }

  /** The id of the {@code restore_snapshot} execution. */
  @JsonProperty("id")
  public abstract String executionId();

  /** The execution's status when the restore was accepted (usually {@code pending}). */
  @JsonProperty("status")
  public abstract ExecutionStatus status();

  /** When the execution was created; empty if the server did not say. */
  @JsonProperty("created_at")
  public abstract Optional<Instant> createdAt();

  /** The error text; {@code ""} when there is none. */
  @JsonProperty("error")
  @Value.Default
  public String error() {
    return "";
  }

  /** The user who asked for the restore; empty if the server did not say. */
  @JsonProperty("created_by")
  public abstract Optional<String> createdBy();

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** The attributes, with any secret in {@link #error()} masked. */
  @Override
  public String toString() {
    return "RestoreStart{executionId=" + executionId() + ", status=" + status() + ", createdAt="
        + createdAt().orElse(null) + (error().isEmpty() ? "" : ", error=" + Secrets.mask(error()))
        + ", createdBy=" + createdBy().orElse(null) + "}";
  }

  /**
   * Builds a {@link RestoreStart}. Setters of optional attributes take {@code null} for "absent"; {@link #build()}
   * throws {@link IllegalStateException} when {@code executionId} or {@code status} is missing.
   */
  public interface Builder {
    /** Sets {@link RestoreStart#executionId()}. */
    Builder executionId(String executionId);

    /** Sets {@link RestoreStart#status()}. */
    Builder status(ExecutionStatus status);

    /** Sets {@link RestoreStart#createdAt()}; {@code null} for none. */
    Builder createdAt(Instant createdAt);

    /** Sets {@link RestoreStart#error()} ({@code ""} when not set). */
    Builder error(String error);

    /** Sets {@link RestoreStart#createdBy()}; {@code null} for none. */
    Builder createdBy(String createdBy);

    /** The value. */
    RestoreStart build();
  }
}
