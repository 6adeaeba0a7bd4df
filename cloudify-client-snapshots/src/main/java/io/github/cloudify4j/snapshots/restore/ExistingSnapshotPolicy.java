package io.github.cloudify4j.snapshots.restore;

/**
 * What to do when the snapshot id to upload already exists on the target manager. Decided up front, because the
 * server's own behaviour differs by version (6.x: 409 and nothing replaced; 7.0.0–7.0.2: 409 but the archive
 * already replaced; 7.0.4+: silently replaced).
 */
public enum ExistingSnapshotPolicy {
  /** Stop before anything changes (the default). */
  FAIL,
  /** Restore the snapshot already on the manager; do not upload. */
  REUSE,
  /** Delete the existing snapshot, then upload. */
  REPLACE
}
