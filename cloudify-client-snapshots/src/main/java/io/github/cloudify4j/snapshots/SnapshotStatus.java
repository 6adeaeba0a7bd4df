package io.github.cloudify4j.snapshots;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.cloudify4j.client.model.OpenValue;

/**
 * The status of a snapshot: {@code creating}, then {@code created} or {@code failed}; {@code uploaded} for an
 * uploaded archive. (The {@code uploading} status of the official docs does not exist.)
 */
public final class SnapshotStatus extends OpenValue {
  private static final Registry<SnapshotStatus> VALUES = new Registry<>(SnapshotStatus::new);

  /** {@code creating}: the create workflow is running; the archive is not complete. */
  public static final SnapshotStatus CREATING = VALUES.known("creating");
  /** {@code created}: the create workflow succeeded; the archive can be downloaded and restored. */
  public static final SnapshotStatus CREATED = VALUES.known("created");
  /** {@code failed}: the create workflow failed; the snapshot's {@code error} says why. Delete it and retry. */
  public static final SnapshotStatus FAILED = VALUES.known("failed");
  /** {@code uploaded}: the archive was uploaded (not created on this manager); it can be restored. */
  public static final SnapshotStatus UPLOADED = VALUES.known("uploaded");

  private SnapshotStatus(String value, boolean known) {
    super(value, known);
  }

  /**
   * The status for a wire value: one of the constants for a known value, else a new unknown value, kept as sent
   * (a newer manager's status is not an error).
   *
   * @param value the {@code status} text as the manager sent it
   * @return the status; compare known ones with {@code ==} or {@code equals}
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator
  public static SnapshotStatus of(String value) {
    return VALUES.of(value);
  }

  /**
   * {@code created} or {@code uploaded}: an archive exists and may be downloaded or restored.
   *
   * @return whether a restore from this snapshot can start
   */
  public boolean isRestorable() {
    return this == CREATED || this == UPLOADED;
  }

  /**
   * {@code created}, {@code failed} or {@code uploaded}: the status will not change by itself, so a wait can stop.
   * An unknown value is not final.
   *
   * @return whether the status is final
   */

  public boolean isFinal() {
    return this == CREATED || this == FAILED || this == UPLOADED;
  }
}
