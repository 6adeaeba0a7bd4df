package io.github.cloudify4j.testkit;

import java.util.Locale;

/**
 * Who moves the fake's snapshot workflows (create_snapshot, restore_snapshot) and cancellations forward.
 *
 * <p>A real manager's REST service never runs a workflow itself: it stores a {@code pending} execution and a
 * separate worker (the mgmtworker) picks it up and reports progress back through the REST API — {@code PATCH
 * /executions/{id}} ({@code started}, {@code terminated}, {@code failed}, {@code cancelled}), {@code PUT
 * /snapshots/{id}/archive} and {@code PATCH /snapshots/{id}} for a create, and the restore flag file
 * ({@code /tmp/cloudify/snapshot_restoring}) that {@code /snapshot-status} reports while a restore runs.
 */
public enum WorkflowMode {
  /**
   * The default: the fake plays the worker itself. Executions start after
   * {@link FakeCloudifyManager.Builder#workflowStartDelay}, finish on the fake's clock ({@code advance}), create
   * archives and restore them. What a test of client code wants.
   */
  AUTOMATIC,
  /**
   * The fake behaves like the bare REST service: create and restore executions stay {@code pending}, and a
   * cancel stays {@code cancelling} (or {@code force_cancelling} / {@code kill_cancelling}), until someone sends
   * the worker's requests over HTTP. {@code /snapshot-status} answers {@code running} exactly while the restore
   * flag file ({@link FakeCloudifyManager.Builder#restoreFlagFile}) exists. Nothing happens on {@code advance}
   * except what the REST service itself does. Use it to replay recorded real-manager exchanges, or to drive a
   * client through states a self-running fake never shows (a restore stuck in {@code pending}, a worker that
   * fails half-way).
   */
  WORKER_DRIVEN;

  /**
   * Parses {@code automatic} or {@code worker-driven} ({@code worker_driven}, {@code worker}), any letter case.
   *
   * @param text the mode's name
   * @return the mode
   * @throws IllegalArgumentException for any other name
   */
  public static WorkflowMode parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (t.equals("WORKER")) {
      return WORKER_DRIVEN;
    }
    for (WorkflowMode m : values()) {
      if (m.name().equals(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown workflow mode: " + text + " (use automatic or worker-driven)");
  }
}
