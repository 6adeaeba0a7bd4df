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

  public static ImmutableMaintenanceStatus.Builder builder() {
    return ImmutableMaintenanceStatus.builder();
  }

  @JsonProperty("status")
  public abstract MaintenanceState status();

  /** When it became {@code activated}; empty before that and when deactivated. */
  @JsonProperty("activated_at")
  public abstract Optional<Instant> activatedAt();

  @JsonProperty("activation_requested_at")
  public abstract Optional<Instant> activationRequestedAt();

  /** Who asked for maintenance mode; {@code ""} when deactivated. */
  @JsonProperty("requested_by")
  @Value.Default
  public String requestedBy() {
    return "";
  }

  @JsonProperty("remaining_executions")
  @JsonDeserialize(using = FlatteningListDeserializer.RemainingExecutions.class)
  public abstract List<RemainingExecution> remainingExecutions();

  public final boolean isActivated() {
    return MaintenanceState.ACTIVATED.equals(status());
  }

  public final boolean isActivating() {
    return MaintenanceState.ACTIVATING.equals(status());
  }

  public final boolean isDeactivated() {
    return MaintenanceState.DEACTIVATED.equals(status());
  }
}
