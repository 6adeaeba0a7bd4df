package io.github.cloudify4j.snapshots;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.cloudify4j.client.model.OpenValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status of a snapshot: {@code creating}, then {@code created} or {@code failed}; {@code uploaded} for an
 * uploaded archive. (The {@code uploading} status of the official docs does not exist.)
 */
public final class SnapshotStatus extends OpenValue {
  private static final Map<String, SnapshotStatus> KNOWN = new LinkedHashMap<>();

  public static final SnapshotStatus CREATING = known("creating");
  public static final SnapshotStatus CREATED = known("created");
  public static final SnapshotStatus FAILED = known("failed");
  public static final SnapshotStatus UPLOADED = known("uploaded");

  private SnapshotStatus(String value, boolean known) {
    super(value, known);
  }

  private static SnapshotStatus known(String value) {
    SnapshotStatus status = new SnapshotStatus(value, true);
    KNOWN.put(value, status);
    return status;
  }

  @JsonCreator
  public static SnapshotStatus of(String value) {
    SnapshotStatus status = KNOWN.get(value);
    return status != null ? status : new SnapshotStatus(value, false);
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
