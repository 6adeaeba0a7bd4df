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

  ManagerStatus() {}

  /** {@return a new, empty builder; {@link #status()} is required} */
  public static Builder builder() {
    return ImmutableManagerStatus.builder();
  }

  /** {@return a builder that starts with every attribute of this value} */
  public Builder toBuilder() {
    return ImmutableManagerStatus.builder().from(this);
  }

  /** {@return {@code OK} or {@code Fail} (kept as sent)} */
  @JsonProperty("status")
  public abstract String status();

  /** {@return each service of the node by its display name} */
  @JsonProperty("services")
  public abstract Map<String, ServiceStatus> services();

  /** {@return {@code status == "OK"}} */
  public final boolean isHealthy() {
    return "OK".equalsIgnoreCase(status());
  }

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** Builds a {@link ManagerStatus}. */
  public interface Builder {
    /**
     * Sets {@link ManagerStatus#status()}.
     *
     * @param status the new value of {@link ManagerStatus#status()}
     * @return this builder
     */
    Builder status(String status);

    /**
     * Replaces {@link ManagerStatus#services()}.
     *
     * @param services the new value of {@link ManagerStatus#services()}
     * @return this builder
     */
    Builder services(Map<String, ? extends ServiceStatus> services);

    /**
     * Adds one service to {@link ManagerStatus#services()}.
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
    ManagerStatus build();
  }
}
