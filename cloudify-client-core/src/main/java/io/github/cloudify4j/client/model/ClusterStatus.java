package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code GET /cluster-status}: the overall status ({@code OK}, {@code Degraded}, {@code Fail}) and, per service
 * ({@code manager}, {@code db}, {@code broker}), its nodes.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableClusterStatus.class)
@JsonDeserialize(as = ImmutableClusterStatus.class)
public abstract class ClusterStatus {

  public static ImmutableClusterStatus.Builder builder() {
    return ImmutableClusterStatus.builder();
  }

  @JsonProperty("status")
  public abstract String status();

  @JsonProperty("services")
  public abstract Map<String, Service> services();

  public final boolean isOk() {
    return "OK".equalsIgnoreCase(status());
  }

  /** One clustered service: external, or a set of nodes. */
  @Value.Immutable
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonSerialize(as = ImmutableService.class)
  @JsonDeserialize(as = ImmutableService.class)
  public abstract static class Service {
    @JsonProperty("status")
    public abstract String status();

    @JsonProperty("is_external")
    public abstract Optional<Boolean> isExternal();

    @JsonProperty("nodes")
    public abstract Map<String, Node> nodes();
  }

  /** One node of a clustered service. */
  @Value.Immutable
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonSerialize(as = ImmutableNode.class)
  @JsonDeserialize(as = ImmutableNode.class)
  public abstract static class Node {
    @JsonProperty("status")
    public abstract String status();

    @JsonProperty("private_ip")
    public abstract Optional<String> privateIp();

    @JsonProperty("public_ip")
    public abstract Optional<String> publicIp();

    @JsonProperty("version")
    public abstract Optional<String> version();

    @JsonProperty("failures")
    @AllowNulls
    public abstract List<Object> failures();

    @JsonProperty("services")
    public abstract Map<String, ServiceStatus> services();
  }
}
