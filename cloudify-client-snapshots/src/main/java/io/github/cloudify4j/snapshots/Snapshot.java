package io.github.cloudify4j.snapshots;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cloudify4j.client.spi.Secrets;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A snapshot as the manager lists it. {@link #error()} holds the failure text of a {@code failed} snapshot. */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableSnapshot.class)
@JsonDeserialize(as = ImmutableSnapshot.class)
public abstract class Snapshot {

  public static ImmutableSnapshot.Builder builder() {
    return ImmutableSnapshot.builder();
  }

  @JsonProperty("id")
  public abstract String id();

  @JsonProperty("status")
  public abstract SnapshotStatus status();

  @JsonProperty("created_at")
  public abstract Optional<Instant> createdAt();

  /** {@code ""} unless the snapshot failed. */
  @JsonProperty("error")
  @Value.Default
  public String error() {
    return "";
  }

  @JsonProperty("visibility")
  public abstract Optional<String> visibility();

  @JsonProperty("tenant_name")
  public abstract Optional<String> tenantName();

  @JsonProperty("created_by")
  public abstract Optional<String> createdBy();

  public final boolean isRestorable() {
    return status().isRestorable();
  }

  @Override
  public String toString() {
    return "Snapshot{id=" + id() + ", status=" + status() + ", createdAt=" + createdAt().orElse(null)
        + (error().isEmpty() ? "" : ", error=" + Secrets.mask(error()))
        + ", tenantName=" + tenantName().orElse(null) + ", createdBy=" + createdBy().orElse(null) + "}";
  }
}
