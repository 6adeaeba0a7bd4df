package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.WorkflowListener;

/**
 * Told about a restore (or a {@link Migration}) as it runs: the one {@link WorkflowListener} shape of every workflow,
 * with {@link RestoreStep} as its steps. {@link #onTransfer} reports the upload, whose total is the archive size.
 */
public interface RestoreListener extends WorkflowListener<RestoreStep> {

  /** {@return a listener that shows nothing (the default)} */
  static RestoreListener none() {
    return new RestoreListener() { };
  }
}
