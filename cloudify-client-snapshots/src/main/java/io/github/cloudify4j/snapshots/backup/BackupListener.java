package io.github.cloudify4j.snapshots.backup;

import io.github.cloudify4j.snapshots.workflow.WorkflowListener;

/**
 * Told about a backup as it runs: the one {@link WorkflowListener} shape of every workflow, with {@link BackupStep}
 * as its steps. {@link #onTransfer} reports the download; its total is -1 when the manager did not send a {@code
 * Content-Length}. The run's snapshot id is {@link BackupJob#currentSnapshotId()}.
 */
public interface BackupListener extends WorkflowListener<BackupStep> {

  /** {@return a listener that shows nothing (the default)} */
  static BackupListener none() {
    return new BackupListener() { };
  }
}
