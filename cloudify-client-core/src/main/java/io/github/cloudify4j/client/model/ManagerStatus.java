package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/** {@code GET /status}: {@code OK} or {@code Fail}, with the state of each service of this node. */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableManagerStatus.class)
@JsonDeserialize(as = ImmutableManagerStatus.class)
public abstract class ManagerStatus {

  public static ImmutableManagerStatus.Builder builder() {
    return ImmutableManagerStatus.builder();
  }

  @JsonProperty("status")
  public abstract String status();

  @JsonProperty("services")
  public abstract Map<String, ServiceStatus> services();

  /** {@code status == "OK"}. */
  public final boolean isHealthy() {
    return "OK".equalsIgnoreCase(status());
  }
}
