package io.github.cloudify4j.snapshots.restore;

/**
 * The steps of a {@link Migration}, in order; each runs on the same step runner as a restore's and a backup's, so a
 * {@link io.github.cloudify4j.snapshots.workflow.WorkflowListener WorkflowListener&lt;MigrationStep&gt;} sees them
 * started, finished or failed, and {@link Migration.MigrationReport#steps()} records them.
 */
public enum MigrationStep {
  /**
   * Reads both managers' versions and refuses, before anything is created, a source newer than the target (a
   * manager cannot restore a newer manager's snapshot) or an archive path that exists already.
   */
  PREFLIGHT,
  /** {@code PUT /snapshots/{id}} on the source, then follows the snapshot until it is {@code created}. */
  CREATE_SNAPSHOT,
  /** Downloads the archive into the work directory, checking it is a complete zip and computing its SHA-256. */
  DOWNLOAD,
  /**
   * Uploads the archive to the target and restores it there with a {@link RestoreOrchestrator} (all its checks);
   * the restore's own steps go to the migration's {@link RestoreListener}.
   */
  RESTORE
}
