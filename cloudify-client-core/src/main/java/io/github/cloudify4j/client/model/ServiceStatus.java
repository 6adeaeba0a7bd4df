package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One service of a manager node in {@code /status} or {@code /cluster-status}: {@code Active}/{@code Inactive}. */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServiceStatus.class)
@JsonDeserialize(as = ImmutableServiceStatus.class)
public abstract class ServiceStatus {

  public static ImmutableServiceStatus.Builder builder() {
    return ImmutableServiceStatus.builder();
  }

  @JsonProperty("status")
  public abstract String status();

  @JsonProperty("is_remote")
  public abstract Optional<Boolean> isRemote();

  @JsonProperty("extra_info")
  @AllowNulls
  public abstract Map<String, Object> extraInfo();

  public final boolean isActive() {
    return "Active".equalsIgnoreCase(status());
  }
}
