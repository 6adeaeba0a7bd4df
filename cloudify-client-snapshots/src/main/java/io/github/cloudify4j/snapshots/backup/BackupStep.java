package io.github.cloudify4j.snapshots.backup;

/** The steps of a {@link BackupJob} run, in order. A resumed or repeated run skips the steps already done. */
public enum BackupStep {
  /** Looks at what already exists: the archive (and its {@code .sha256}) in the directory, the snapshot on the manager. */
  CHECK,
  /** {@code PUT /snapshots/{id}}: starts the {@code create_snapshot} workflow. */
  CREATE,
  /** Follows the snapshot until it is {@code created} (works in maintenance mode), and its execution until it ended. */
  WAIT,
  /** Streams the archive to a hidden staging file beside the target, checking its length and that it is a zip. */
  DOWNLOAD,
  /** Checks the archive holds a readable {@code metadata.json}, writes the {@code .sha256} and moves the archive into place. */
  VERIFY,
  /** Deletes this job's older snapshots on the manager, keeping the newest {@code keepOnManager}. */
  PRUNE_MANAGER,
  /** Deletes this job's older archives (and their {@code .sha256}) in the directory, keeping the newest {@code keepLocally}. */
  PRUNE_LOCAL
}
