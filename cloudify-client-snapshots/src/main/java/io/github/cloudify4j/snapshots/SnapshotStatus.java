package io.github.cloudify4j.snapshots;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.cloudify4j.client.model.OpenValue;

/**
 * The status of a snapshot: {@code creating}, then {@code created} or {@code failed}; {@code uploaded} for an
 * uploaded archive. (The {@code uploading} status of the official docs does not exist.)
 */
public final class SnapshotStatus extends OpenValue {
  private static final Registry<SnapshotStatus> VALUES = new Registry<>(SnapshotStatus::new);

  public static final SnapshotStatus CREATING = VALUES.known("creating");
  public static final SnapshotStatus CREATED = VALUES.known("created");
  public static final SnapshotStatus FAILED = VALUES.known("failed");
  public static final SnapshotStatus UPLOADED = VALUES.known("uploaded");

  private SnapshotStatus(String value, boolean known) {
    super(value, known);
  }

  @JsonCreator
  public static SnapshotStatus of(String value) {
    return VALUES.of(value);
  }

  /** {@code created} or {@code uploaded}: an archive exists and may be downloaded or restored. */
  public boolean isRestorable() {
    return this == CREATED || this == UPLOADED;
  }

  /** {@code created}, {@code failed} or {@code uploaded}: the status will not change by itself. */
  public boolean isFinal() {
    return this == CREATED || this == FAILED || this == UPLOADED;
  }
}
