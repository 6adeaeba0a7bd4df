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

  ManagerNode() {}

  /** A new, empty builder; {@link #hostname()} is required. */
  public static Builder builder() {
    return ImmutableManagerNode.builder();
  }

  /** A builder that starts with every attribute of this value. */
  public Builder toBuilder() {
    return ImmutableManagerNode.builder().from(this);
  }

  /** The node's numeric id; empty if the server did not say. */
  @JsonProperty("id")
  public abstract Optional<Long> id();

  /** The node's host name (its name in the cluster). */
  @JsonProperty("hostname")
  public abstract String hostname();

  /** The private IP address; empty if the server did not say. */
  @JsonProperty("private_ip")
  public abstract Optional<String> privateIp();

  /** The public IP address; empty if the server did not say. */
  @JsonProperty("public_ip")
  public abstract Optional<String> publicIp();

  /** The manager version running on the node, e.g. {@code 7.0.4}. */
  @JsonProperty("version")
  public abstract Optional<String> version();

  /** {@code community} or {@code premium}. */
  @JsonProperty("edition")
  public abstract Optional<String> edition();

  /** The OS distribution, e.g. {@code rhel}. */
  @JsonProperty("distribution")
  public abstract Optional<String> distribution();

  /** The OS release, e.g. {@code Ootpa}. */
  @JsonProperty("distro_release")
  public abstract Optional<String> distroRelease();

  /** The node's networks by name (values may be {@code null}). */
  @JsonProperty("networks")
  @AllowNulls
  public abstract Map<String, String> networks();

  /** When the cluster last heard from the node; empty if the server did not say. */
  @JsonProperty("last_seen")
  public abstract Optional<Instant> lastSeen();

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** Builds a {@link ManagerNode}; optional attributes take {@code null} for "absent". */
  public interface Builder {
    /** Sets {@link ManagerNode#id()}; {@code null} for none. */
    Builder id(Long id);

    /** Sets {@link ManagerNode#hostname()}. */
    Builder hostname(String hostname);

    /** Sets {@link ManagerNode#privateIp()}; {@code null} for none. */
    Builder privateIp(String privateIp);

    /** Sets {@link ManagerNode#publicIp()}; {@code null} for none. */
    Builder publicIp(String publicIp);

    /** Sets {@link ManagerNode#version()}; {@code null} for none. */
    Builder version(String version);

    /** Sets {@link ManagerNode#edition()}; {@code null} for none. */
    Builder edition(String edition);

    /** Sets {@link ManagerNode#distribution()}; {@code null} for none. */
    Builder distribution(String distribution);

    /** Sets {@link ManagerNode#distroRelease()}; {@code null} for none. */
    Builder distroRelease(String distroRelease);

    /** Replaces {@link ManagerNode#networks()}. */
    Builder networks(Map<String, ? extends String> networks);

    /** Adds one network to {@link ManagerNode#networks()}. */
    Builder putNetworks(String name, String address);

    /** Sets {@link ManagerNode#lastSeen()}; {@code null} for none. */
    Builder lastSeen(Instant lastSeen);

    /** The value; {@link IllegalStateException} when a required attribute is missing. */
    ManagerNode build();
  }
}
