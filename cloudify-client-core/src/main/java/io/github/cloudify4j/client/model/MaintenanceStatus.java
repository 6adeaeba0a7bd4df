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

  /** {@return a new, empty builder; {@link #status()} is required} */
  public static Builder builder() {
    return ImmutableMaintenanceStatus.builder();
  }

  /** {@return a builder that starts with every attribute of this value} */
  public Builder toBuilder() {
    return ImmutableMaintenanceStatus.builder().from(this);
  }

  /** {@return {@code activated}, {@code activating} or {@code deactivated} (an unknown state keeps its text)} */
  @JsonProperty("status")
  public abstract MaintenanceState status();

  /** {@return when it became {@code activated}; empty before that and when deactivated} */
  @JsonProperty("activated_at")
  public abstract Optional<Instant> activatedAt();

  /** {@return when maintenance mode was asked for; empty when deactivated} */
  @JsonProperty("activation_requested_at")
  public abstract Optional<Instant> activationRequestedAt();

  /** {@return who asked for maintenance mode; {@code ""} when deactivated} */
  @JsonProperty("requested_by")
  @Value.Default
  public String requestedBy() {
    return "";
  }

  /** {@return the executions that keep maintenance mode {@code activating}; empty otherwise} */
  @JsonProperty("remaining_executions")
  @JsonDeserialize(using = FlatteningListDeserializer.RemainingExecutions.class)
  public abstract List<RemainingExecution> remainingExecutions();

  /** {@return whether maintenance mode is on} */
  public final boolean isActivated() {
    return MaintenanceState.ACTIVATED.equals(status());
  }

  /** {@return whether maintenance mode waits for executions to end} */
  public final boolean isActivating() {
    return MaintenanceState.ACTIVATING.equals(status());
  }

  /** {@return whether maintenance mode is off} */
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
    /**
     * Sets {@link MaintenanceStatus#status()}.
     *
     * @param status the new value of {@link MaintenanceStatus#status()}
     * @return this builder
     */
    Builder status(MaintenanceState status);

    /**
     * Sets {@link MaintenanceStatus#activatedAt()}; {@code null} for none.
     *
     * @param activatedAt the new value of {@link MaintenanceStatus#activatedAt()}
     * @return this builder
     */
    Builder activatedAt(Instant activatedAt);

    /**
     * Sets {@link MaintenanceStatus#activationRequestedAt()}; {@code null} for none.
     *
     * @param activationRequestedAt the new value of {@link MaintenanceStatus#activationRequestedAt()}
     * @return this builder
     */
    Builder activationRequestedAt(Instant activationRequestedAt);

    /**
     * Sets {@link MaintenanceStatus#requestedBy()} ({@code ""} when not set).
     *
     * @param requestedBy the new value of {@link MaintenanceStatus#requestedBy()}
     * @return this builder
     */
    Builder requestedBy(String requestedBy);

    /**
     * Replaces {@link MaintenanceStatus#remainingExecutions()}.
     *
     * @param remainingExecutions the new value of {@link MaintenanceStatus#remainingExecutions()}
     * @return this builder
     */
    Builder remainingExecutions(Iterable<? extends RemainingExecution> remainingExecutions);

    /**
     * Adds one execution to {@link MaintenanceStatus#remainingExecutions()}.
     *
     * @param remainingExecution the new value of {@link MaintenanceStatus#remainingExecutions()}
     * @return this builder
     */
    Builder addRemainingExecutions(RemainingExecution remainingExecution);

    /**
     * The value; {@link IllegalStateException} when a required attribute is missing.
     *
     * @return the value, immutable
     * @throws IllegalStateException when a required attribute is missing
     */
    MaintenanceStatus build();
  }
}
