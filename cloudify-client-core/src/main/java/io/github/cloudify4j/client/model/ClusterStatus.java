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

  ClusterStatus() {}

  /** {@return a new, empty builder; {@link #status()} is required} */
  public static Builder builder() {
    return ImmutableClusterStatus.builder();
  }

  /** {@return a builder that starts with every attribute of this value} */
  public Builder toBuilder() {
    return ImmutableClusterStatus.builder().from(this);
  }

  /** {@return {@code OK}, {@code Degraded} or {@code Fail} (kept as sent)} */
  @JsonProperty("status")
  public abstract String status();

  /** {@return each clustered service by name ({@code manager}, {@code db}, {@code broker})} */
  @JsonProperty("services")
  public abstract Map<String, Service> services();

  /** {@return {@code status == "OK"}} */
  public final boolean isOk() {
    return "OK".equalsIgnoreCase(status());
  }

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** Builds a {@link ClusterStatus}. */
  public interface Builder {
    /**
     * Sets {@link ClusterStatus#status()}.
     *
     * @param status the new value of {@link ClusterStatus#status()}
     * @return this builder
     */
    Builder status(String status);

    /**
     * Replaces {@link ClusterStatus#services()}.
     *
     * @param services the new value of {@link ClusterStatus#services()}
     * @return this builder
     */
    Builder services(Map<String, ? extends Service> services);

    /**
     * Adds one service to {@link ClusterStatus#services()}.
     *
     * @param name the entry's key
     * @param service the entry's value
     * @return this builder
     */
    Builder putServices(String name, Service service);

    /**
     * The value; {@link IllegalStateException} when a required attribute is missing.
     *
     * @return the value, immutable
     * @throws IllegalStateException when a required attribute is missing
     */
    ClusterStatus build();
  }

  /** One clustered service: external, or a set of nodes. */
  @Value.Immutable
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonSerialize(as = ImmutableService.class)
  @JsonDeserialize(as = ImmutableService.class)
  public abstract static class Service {

    Service() {}

    /** {@return a new, empty builder; {@link #status()} is required} */
    public static Builder builder() {
      return ImmutableService.builder();
    }

    /** {@return a builder that starts with every attribute of this value} */
    public Builder toBuilder() {
      return ImmutableService.builder().from(this);
    }

    /** {@return the service's status, like the cluster's (kept as sent)} */
    @JsonProperty("status")
    public abstract String status();

    /** {@return whether the service is external to the cluster; empty if the server did not say} */
    @JsonProperty("is_external")
    public abstract Optional<Boolean> isExternal();

    /** {@return each node of the service by name} */
    @JsonProperty("nodes")
    public abstract Map<String, Node> nodes();

    /** Equal when every attribute is equal. */
    @Override
    public abstract boolean equals(Object other);

    /** A hash of every attribute, consistent with {@link #equals(Object)}. */
    @Override
    public abstract int hashCode();

    /** Builds a {@link Service}. */
    public interface Builder {
      /**
       * Sets {@link Service#status()}.
       *
       * @param status the new value of {@link Service#status()}
       * @return this builder
       */
      Builder status(String status);

      /**
       * Sets {@link Service#isExternal()}; {@code null} for none.
       *
       * @param isExternal the new value of {@link Service#isExternal()}
       * @return this builder
       */
      Builder isExternal(Boolean isExternal);

      /**
       * Replaces {@link Service#nodes()}.
       *
       * @param nodes the new value of {@link Service#nodes()}
       * @return this builder
       */
      Builder nodes(Map<String, ? extends Node> nodes);

      /**
       * Adds one node to {@link Service#nodes()}.
       *
       * @param name the entry's key
       * @param node the entry's value
       * @return this builder
       */
      Builder putNodes(String name, Node node);

      /**
       * The value; {@link IllegalStateException} when a required attribute is missing.
       *
       * @return the value, immutable
       * @throws IllegalStateException when a required attribute is missing
       */
      Service build();
    }
  }

  /** One node of a clustered service. */
  @Value.Immutable
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonSerialize(as = ImmutableNode.class)
  @JsonDeserialize(as = ImmutableNode.class)
  public abstract static class Node {

    Node() {}

    /** {@return a new, empty builder; {@link #status()} is required} */
    public static Builder builder() {
      return ImmutableNode.builder();
    }

    /** {@return a builder that starts with every attribute of this value} */
    public Builder toBuilder() {
      return ImmutableNode.builder().from(this);
    }

    /** {@return the node's status (kept as sent)} */
    @JsonProperty("status")
    public abstract String status();

    /** {@return the private IP address; empty if the server did not say} */
    @JsonProperty("private_ip")
    public abstract Optional<String> privateIp();

    /** {@return the public IP address; empty if the server did not say} */
    @JsonProperty("public_ip")
    public abstract Optional<String> publicIp();

    /** {@return the version of the service on the node; empty if the server did not say} */
    @JsonProperty("version")
    public abstract Optional<String> version();

    /** {@return what failed on the node, as the server describes it (elements may be {@code null})} */
    @JsonProperty("failures")
    @AllowNulls
    public abstract List<Object> failures();

    /** {@return the node's own services by display name} */
    @JsonProperty("services")
    public abstract Map<String, ServiceStatus> services();

    /** Equal when every attribute is equal. */
    @Override
    public abstract boolean equals(Object other);

    /** A hash of every attribute, consistent with {@link #equals(Object)}. */
    @Override
    public abstract int hashCode();

    /** Builds a {@link Node}; optional attributes take {@code null} for "absent". */
    public interface Builder {
      /**
       * Sets {@link Node#status()}.
       *
       * @param status the new value of {@link Node#status()}
       * @return this builder
       */
      Builder status(String status);

      /**
       * Sets {@link Node#privateIp()}; {@code null} for none.
       *
       * @param privateIp the new value of {@link Node#privateIp()}
       * @return this builder
       */
      Builder privateIp(String privateIp);

      /**
       * Sets {@link Node#publicIp()}; {@code null} for none.
       *
       * @param publicIp the new value of {@link Node#publicIp()}
       * @return this builder
       */
      Builder publicIp(String publicIp);

      /**
       * Sets {@link Node#version()}; {@code null} for none.
       *
       * @param version the new value of {@link Node#version()}
       * @return this builder
       */
      Builder version(String version);

      /**
       * Replaces {@link Node#failures()}.
       *
       * @param failures the new value of {@link Node#failures()}
       * @return this builder
       */
      Builder failures(Iterable<? extends Object> failures);

      /**
       * Adds one failure to {@link Node#failures()}.
       *
       * @param failure the new value of {@link Node#failures()}
       * @return this builder
       */
      Builder addFailures(Object failure);

      /**
       * Replaces {@link Node#services()}.
       *
       * @param services the new value of {@link Node#services()}
       * @return this builder
       */
      Builder services(Map<String, ? extends ServiceStatus> services);

      /**
       * Adds one service to {@link Node#services()}.
       *
       * @param name the entry's key
       * @param service the entry's value
       * @return this builder
       */
      Builder putServices(String name, ServiceStatus service);

      /**
       * The value; {@link IllegalStateException} when a required attribute is missing.
       *
       * @return the value, immutable
       * @throws IllegalStateException when a required attribute is missing
       */
      Node build();
    }
  }
}
