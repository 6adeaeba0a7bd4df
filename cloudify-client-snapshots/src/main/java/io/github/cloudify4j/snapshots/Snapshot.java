package io.github.cloudify4j.snapshots;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.cloudify4j.client.spi.Secrets;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snapshot as the manager lists it. {@link #error()} holds the failure text of a {@code failed} snapshot.
 *
 * <p>An immutable value: {@link #equals(Object)} compares every attribute, {@link #builder()} makes one (tests do)
 * and {@link #toBuilder()} copies one to change a field.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableSnapshot.class)
@JsonDeserialize(as = ImmutableSnapshot.class)
public abstract class Snapshot {

  Snapshot() {}

  /** {@return a new, empty builder; {@link #id()} and {@link #status()} are required} */
  public static Builder builder() {
    return ImmutableSnapshot.builder();
  }

  /** {@return a builder that starts with every attribute of this snapshot} */
  public Builder toBuilder() {
    return ImmutableSnapshot.builder().from(this);
  }

  /** {@return the snapshot's id (its name on the manager)} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the snapshot's status; an unknown status parses and keeps its text} */
  @JsonProperty("status")
  public abstract SnapshotStatus status();

  /** {@return when the manager created it; empty if the server did not say} */
  @JsonProperty("created_at")
  public abstract Optional<Instant> createdAt();

  /** {@return {@code ""} unless the snapshot failed} */
  @JsonProperty("error")
  @Value.Default
  public String error() {
    return "";
  }

  /** {@return {@code private}, {@code tenant} or {@code global}; empty if the server did not say} */
  @JsonProperty("visibility")
  public abstract Optional<String> visibility();

  /** {@return the tenant that owns the snapshot; empty if the server did not say} */
  @JsonProperty("tenant_name")
  public abstract Optional<String> tenantName();

  /** {@return the user who created the snapshot; empty if the server did not say} */
  @JsonProperty("created_by")
  public abstract Optional<String> createdBy();

  /** {@return whether the snapshot can be restored (it was {@code created})} */
  public final boolean isRestorable() {
    return status().isRestorable();
  }

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** The attributes, with any secret in {@link #error()} masked. */
  @Override
  public String toString() {
    return "Snapshot{id=" + id() + ", status=" + status() + ", createdAt=" + createdAt().orElse(null)
        + (error().isEmpty() ? "" : ", error=" + Secrets.mask(error()))
        + ", tenantName=" + tenantName().orElse(null) + ", createdBy=" + createdBy().orElse(null) + "}";
  }

  /**
   * Builds a {@link Snapshot}. Setters of optional attributes take {@code null} for "absent"; {@link #build()}
   * throws {@link IllegalStateException} when {@code id} or {@code status} is missing.
   */
  public interface Builder {
    /**
     * Sets {@link Snapshot#id()}.
     *
     * @param id the new value of {@link Snapshot#id()}
     * @return this builder
     */
    Builder id(String id);

    /**
     * Sets {@link Snapshot#status()}.
     *
     * @param status the new value of {@link Snapshot#status()}
     * @return this builder
     */
    Builder status(SnapshotStatus status);

    /**
     * Sets {@link Snapshot#createdAt()}; {@code null} for none.
     *
     * @param createdAt the new value of {@link Snapshot#createdAt()}
     * @return this builder
     */
    Builder createdAt(Instant createdAt);

    /**
     * Sets {@link Snapshot#error()} ({@code ""} when not set).
     *
     * @param error the new value of {@link Snapshot#error()}
     * @return this builder
     */
    Builder error(String error);

    /**
     * Sets {@link Snapshot#visibility()}; {@code null} for none.
     *
     * @param visibility the new value of {@link Snapshot#visibility()}
     * @return this builder
     */
    Builder visibility(String visibility);

    /**
     * Sets {@link Snapshot#tenantName()}; {@code null} for none.
     *
     * @param tenantName the new value of {@link Snapshot#tenantName()}
     * @return this builder
     */
    Builder tenantName(String tenantName);

    /**
     * Sets {@link Snapshot#createdBy()}; {@code null} for none.
     *
     * @param createdBy the new value of {@link Snapshot#createdBy()}
     * @return this builder
     */
    Builder createdBy(String createdBy);

    /**
     * The snapshot.
     *
     * @return the value, immutable
     */
    Snapshot build();
  }
}
