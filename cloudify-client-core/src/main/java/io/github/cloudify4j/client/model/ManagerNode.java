package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A manager node of the cluster, from {@code GET /managers}. */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableManagerNode.class)
@JsonDeserialize(as = ImmutableManagerNode.class)
public abstract class ManagerNode {

  public static ImmutableManagerNode.Builder builder() {
    return ImmutableManagerNode.builder();
  }

  @JsonProperty("id")
  public abstract Optional<Long> id();

  @JsonProperty("hostname")
  public abstract String hostname();

  @JsonProperty("private_ip")
  public abstract Optional<String> privateIp();

  @JsonProperty("public_ip")
  public abstract Optional<String> publicIp();

  @JsonProperty("version")
  public abstract Optional<String> version();

  @JsonProperty("edition")
  public abstract Optional<String> edition();

  @JsonProperty("distribution")
  public abstract Optional<String> distribution();

  @JsonProperty("distro_release")
  public abstract Optional<String> distroRelease();

  @JsonProperty("networks")
  @AllowNulls
  public abstract Map<String, String> networks();

  @JsonProperty("last_seen")
  public abstract Optional<Instant> lastSeen();
}
