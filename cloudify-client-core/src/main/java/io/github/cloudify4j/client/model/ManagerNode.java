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

  /** {@return a new, empty builder; {@link #hostname()} is required} */
  public static Builder builder() {
    return ImmutableManagerNode.builder();
  }

  /** {@return a builder that starts with every attribute of this value} */
  public Builder toBuilder() {
    return ImmutableManagerNode.builder().from(this);
  }

  /** {@return the node's numeric id; empty if the server did not say} */
  @JsonProperty("id")
  public abstract Optional<Long> id();

  /** {@return the node's host name (its name in the cluster)} */
  @JsonProperty("hostname")
  public abstract String hostname();

  /** {@return the private IP address; empty if the server did not say} */
  @JsonProperty("private_ip")
  public abstract Optional<String> privateIp();

  /** {@return the public IP address; empty if the server did not say} */
  @JsonProperty("public_ip")
  public abstract Optional<String> publicIp();

  /** {@return the manager version running on the node, e.g. {@code 7.0.4}} */
  @JsonProperty("version")
  public abstract Optional<String> version();

  /** {@return {@code community} or {@code premium}} */
  @JsonProperty("edition")
  public abstract Optional<String> edition();

  /** {@return the OS distribution, e.g. {@code rhel}} */
  @JsonProperty("distribution")
  public abstract Optional<String> distribution();

  /** {@return the OS release, e.g. {@code Ootpa}} */
  @JsonProperty("distro_release")
  public abstract Optional<String> distroRelease();

  /** {@return the node's networks by name (values may be {@code null})} */
  @JsonProperty("networks")
  @AllowNulls
  public abstract Map<String, String> networks();

  /** {@return when the cluster last heard from the node; empty if the server did not say} */
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
    /**
     * Sets {@link ManagerNode#id()}; {@code null} for none.
     *
     * @param id the new value of {@link ManagerNode#id()}
     * @return this builder
     */
    Builder id(Long id);

    /**
     * Sets {@link ManagerNode#hostname()}.
     *
     * @param hostname the new value of {@link ManagerNode#hostname()}
     * @return this builder
     */
    Builder hostname(String hostname);

    /**
     * Sets {@link ManagerNode#privateIp()}; {@code null} for none.
     *
     * @param privateIp the new value of {@link ManagerNode#privateIp()}
     * @return this builder
     */
    Builder privateIp(String privateIp);

    /**
     * Sets {@link ManagerNode#publicIp()}; {@code null} for none.
     *
     * @param publicIp the new value of {@link ManagerNode#publicIp()}
     * @return this builder
     */
    Builder publicIp(String publicIp);

    /**
     * Sets {@link ManagerNode#version()}; {@code null} for none.
     *
     * @param version the new value of {@link ManagerNode#version()}
     * @return this builder
     */
    Builder version(String version);

    /**
     * Sets {@link ManagerNode#edition()}; {@code null} for none.
     *
     * @param edition the new value of {@link ManagerNode#edition()}
     * @return this builder
     */
    Builder edition(String edition);

    /**
     * Sets {@link ManagerNode#distribution()}; {@code null} for none.
     *
     * @param distribution the new value of {@link ManagerNode#distribution()}
     * @return this builder
     */
    Builder distribution(String distribution);

    /**
     * Sets {@link ManagerNode#distroRelease()}; {@code null} for none.
     *
     * @param distroRelease the new value of {@link ManagerNode#distroRelease()}
     * @return this builder
     */
    Builder distroRelease(String distroRelease);

    /**
     * Replaces {@link ManagerNode#networks()}.
     *
     * @param networks the new value of {@link ManagerNode#networks()}
     * @return this builder
     */
    Builder networks(Map<String, ? extends String> networks);

    /**
     * Adds one network to {@link ManagerNode#networks()}.
     *
     * @param name the entry's key
     * @param address the entry's value
     * @return this builder
     */
    Builder putNetworks(String name, String address);

    /**
     * Sets {@link ManagerNode#lastSeen()}; {@code null} for none.
     *
     * @param lastSeen the new value of {@link ManagerNode#lastSeen()}
     * @return this builder
     */
    Builder lastSeen(Instant lastSeen);

    /**
     * The value; {@link IllegalStateException} when a required attribute is missing.
     *
     * @return the value, immutable
     * @throws IllegalStateException when a required attribute is missing
     */
    ManagerNode build();
  }
}
