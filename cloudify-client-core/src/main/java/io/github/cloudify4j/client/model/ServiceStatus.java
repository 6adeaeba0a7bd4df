package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cloudify4j.client.internal.Redaction;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One service of a manager node in {@code /status} or {@code /cluster-status}: {@code Active}/{@code Inactive}. */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServiceStatus.class)
@JsonDeserialize(as = ImmutableServiceStatus.class)
public abstract class ServiceStatus {

  ServiceStatus() {}

  /** {@return a new, empty builder; {@link #status()} is required} */
  public static Builder builder() {
    return ImmutableServiceStatus.builder();
  }

  /** {@return a builder that starts with every attribute of this value} */
  public Builder toBuilder() {
    return ImmutableServiceStatus.builder().from(this);
  }

  /** {@return {@code Active}, {@code Inactive} … (kept as sent)} */
  @JsonProperty("status")
  public abstract String status();

  /** {@return whether the service runs on another host; empty if the server did not say} */
  @JsonProperty("is_remote")
  public abstract Optional<Boolean> isRemote();

  /** {@return whatever else the server tells about the service (values may be {@code null})} */
  @JsonProperty("extra_info")
  @AllowNulls
  public abstract Map<String, Object> extraInfo();

  /** {@return {@code status == "Active"}} */
  public final boolean isActive() {
    return "Active".equalsIgnoreCase(status());
  }

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** The attributes; passwords, tokens and secret keys in {@link #extraInfo()} are masked. */
  @Override
  public String toString() {
    return "ServiceStatus{status=" + status() + ", isRemote=" + isRemote().orElse(null) + ", extraInfo="
        + Redaction.redactMap(extraInfo()) + "}";
  }

  /** Builds a {@link ServiceStatus}. */
  public interface Builder {
    /**
     * Sets {@link ServiceStatus#status()}.
     *
     * @param status the new value of {@link ServiceStatus#status()}
     * @return this builder
     */
    Builder status(String status);

    /**
     * Sets {@link ServiceStatus#isRemote()}; {@code null} for none.
     *
     * @param isRemote the new value of {@link ServiceStatus#isRemote()}
     * @return this builder
     */
    Builder isRemote(Boolean isRemote);

    /**
     * Replaces {@link ServiceStatus#extraInfo()}.
     *
     * @param extraInfo the new value of {@link ServiceStatus#extraInfo()}
     * @return this builder
     */
    Builder extraInfo(Map<String, ? extends Object> extraInfo);

    /**
     * Adds one entry to {@link ServiceStatus#extraInfo()}.
     *
     * @param key the entry's key
     * @param value the entry's value
     * @return this builder
     */
    Builder putExtraInfo(String key, Object value);

    /**
     * The value; {@link IllegalStateException} when a required attribute is missing.
     *
     * @return the value, immutable
     * @throws IllegalStateException when a required attribute is missing
     */
    ServiceStatus build();
  }
}
