package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cloudify4j.client.internal.FlatteningListDeserializer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The manager's maintenance mode. {@link #remainingExecutions()} lists what keeps it {@code activating}; the
 * server's activate response wraps that list in another list ({@code [[...]]}, 6.0+), which is flattened here.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableMaintenanceStatus.class)
@JsonDeserialize(as = ImmutableMaintenanceStatus.class)
public abstract class MaintenanceStatus {

  MaintenanceStatus() {}

  /** A new, empty builder; {@link #status()} is required. */
  public static Builder builder() {
    return ImmutableMaintenanceStatus.builder();
  }

  /** A builder that starts with every attribute of this value. */
  public Builder toBuilder() {
    return ImmutableMaintenanceStatus.builder().from(this);
  }

  /** {@code activated}, {@code activating} or {@code deactivated} (an unknown state keeps its text). */
  @JsonProperty("status")
  public abstract MaintenanceState status();

  /** When it became {@code activated}; empty before that and when deactivated. */
  @JsonProperty("activated_at")
  public abstract Optional<Instant> activatedAt();

  /** When maintenance mode was asked for; empty when deactivated. */
  @JsonProperty("activation_requested_at")
  public abstract Optional<Instant> activationRequestedAt();

  /** Who asked for maintenance mode; {@code ""} when deactivated. */
  @JsonProperty("requested_by")
  @Value.Default
  public String requestedBy() {
    return "";
  }

  /** The executions that keep maintenance mode {@code activating}; empty otherwise. */
  @JsonProperty("remaining_executions")
  @JsonDeserialize(using = FlatteningListDeserializer.RemainingExecutions.class)
  public abstract List<RemainingExecution> remainingExecutions();

  /** Whether maintenance mode is on. */
  public final boolean isActivated() {
    return MaintenanceState.ACTIVATED.equals(status());
  }

  /** Whether maintenance mode waits for executions to end. */
  public final boolean isActivating() {
    return MaintenanceState.ACTIVATING.equals(status());
  }

  /** Whether maintenance mode is off. */
  public final boolean isDeactivated() {
    return MaintenanceState.DEACTIVATED.equals(status());
  }

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** Builds a {@link MaintenanceStatus}; optional attributes take {@code null} for "absent". */
  public interface Builder {
    /** Sets {@link MaintenanceStatus#status()}. */
    Builder status(MaintenanceState status);

    /** Sets {@link MaintenanceStatus#activatedAt()}; {@code null} for none. */
    Builder activatedAt(Instant activatedAt);

    /** Sets {@link MaintenanceStatus#activationRequestedAt()}; {@code null} for none. */
    Builder activationRequestedAt(Instant activationRequestedAt);

    /** Sets {@link MaintenanceStatus#requestedBy()} ({@code ""} when not set). */
    Builder requestedBy(String requestedBy);

    /** Replaces {@link MaintenanceStatus#remainingExecutions()}. */
    Builder remainingExecutions(Iterable<? extends RemainingExecution> remainingExecutions);

    /** Adds one execution to {@link MaintenanceStatus#remainingExecutions()}. */
    Builder addRemainingExecutions(RemainingExecution remainingExecution);

    /** The value; {@link IllegalStateException} when a required attribute is missing. */
    MaintenanceStatus build();
  }
}
