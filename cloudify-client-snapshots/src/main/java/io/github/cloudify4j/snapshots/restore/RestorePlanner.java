package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static io.github.cloudify4j.snapshots.restore.RestoreText.human;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a restore's settings into its {@link RestorePlan}, without contacting the manager. The order of the steps
 * and which ones are skipped are decided here and only here: the orchestrator runs what this returns.
 */
final class RestorePlanner {
  private final RestoreOrchestrator.Builder s;
  private final Object owner;

  RestorePlanner(RestoreOrchestrator.Builder settings, Object owner) {
    this.s = settings;
    this.owner = owner;
  }

  RestorePlan plan() {
    URI node = s.node != null ? s.node : s.client.managers().get(0);
    boolean cluster = s.client.managers().size() > 1;
    RestoreReport previous = s.resumeFrom;
    List<RestorePlan.Step> steps = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<RestoreRefusal> blockers = new ArrayList<>();
    String what = s.latest ? "the latest restorable snapshot" : "snapshot " + s.snapshotId;

    String pre = previous != null
        ? "Read the server version and the restore status (resume if a restore still runs)"
            + (s.uploadFile != null ? "; read the archive " + s.uploadFile + " to verify against" : "")
            + "; no emptiness check: this run finishes the restore of " + previous.snapshotId()
        : "Read the server version; refuse if another restore runs (resume ours if it does); check " + what
        + (s.uploadFile != null ? " against the archive " + s.uploadFile
            + " (format, version not newer than the manager, no legacy archive on Kubernetes)"
            : s.uploadUrl != null ? " (to be fetched by the manager from " + s.uploadUrl + ")" : " is restorable")
        + (s.restoreOptions.force() ? "" : "; refuse if the manager already holds blueprints (force is off)")
        + (cluster ? "; read the cluster status" : "");
    steps.add(step(RestoreStep.PREFLIGHT, pre, params("snapshot", what, "force", s.restoreOptions.force(),
        "cluster", cluster, "kubernetes", s.kubernetes == null ? "inferred" : s.kubernetes,
        "resumeFrom", previous == null ? null : previous.snapshotId()), null));
    if (s.uploadFile != null || s.uploadUrl != null) {
      String source = s.uploadFile != null ? s.uploadFile + sizeOf(s.uploadFile) : s.uploadUrl.toString();
      steps.add(step(RestoreStep.UPLOAD, "Upload " + source + " as " + s.snapshotId + "; if the id exists: "
          + s.existingPolicy, params("source", s.uploadFile != null ? s.uploadFile : s.uploadUrl,
          "snapshotId", s.snapshotId, "ifExists", s.existingPolicy), doneBefore(RestoreStep.UPLOAD)));
    }
    steps.add(step(RestoreStep.ACTIVATE_MAINTENANCE,
        "Activate maintenance mode (already active is fine; it is then not deactivated on rollback)",
        params(), doneBefore(RestoreStep.ACTIVATE_MAINTENANCE)));
    steps.add(step(RestoreStep.AWAIT_MAINTENANCE, "Wait up to " + human(s.timeouts.maintenance())
        + " for 'activated', naming the executions still running; on timeout deactivate and stop",
        params("timeout", human(s.timeouts.maintenance())), doneBefore(RestoreStep.AWAIT_MAINTENANCE)));
    steps.add(step(RestoreStep.START_RESTORE, "Restore " + what + " with " + s.restoreOptions,
        params("snapshot", what, "options", s.restoreOptions), doneBefore(RestoreStep.START_RESTORE)));
    steps.add(step(RestoreStep.FOLLOW_RESTORE, "Follow /snapshot-status and the restore execution"
        + " for up to " + human(s.timeouts.restoreExecution()) + ", riding out up to " + human(s.timeouts.restartWindow())
        + " of unreachability while the services restart", params("timeout", human(s.timeouts.restoreExecution()),
        "restartWindow", human(s.timeouts.restartWindow())), doneBefore(RestoreStep.FOLLOW_RESTORE)));
    // Always run, also when resuming: it binds the credentials that work now (idempotent).
    steps.add(step(RestoreStep.REAUTHENTICATE, s.postRestoreCredentials == null
        ? "Check the current credentials still work (a legacy restore replaces the admin credentials)"
        : "Check the current credentials; if refused, switch to the post-restore credentials "
            + s.postRestoreCredentials, params("postRestoreCredentials",
        s.postRestoreCredentials == null ? null : s.postRestoreCredentials.toString()), null));
    steps.add(step(RestoreStep.CHECK_HEALTH, "Wait up to " + human(s.timeouts.health())
        + " for /status OK" + (cluster ? "; read the cluster status" : ""),
        params("timeout", human(s.timeouts.health()), "cluster", cluster), doneBefore(RestoreStep.CHECK_HEALTH)));
    steps.add(step(RestoreStep.VERIFY, s.verify
        ? "Count blueprints, deployments, secrets, plugins, tenants, users … (kinds the manager's edition does"
            + " not serve are reported as not counted) and compare with the archive; scan"
            + " the restore's events for errors; list scheduled executions the restore failed"
        : "List scheduled executions the restore failed (content verification is off)",
        params("compareContent", s.verify), doneBefore(RestoreStep.VERIFY)));
    steps.add(step(RestoreStep.DEACTIVATE_MAINTENANCE, s.deactivateOnSuccess
        ? "Deactivate maintenance mode once everything above succeeded (left on after a failed restore"
            + (s.deactivateOnFailure ? " unless deactivateOnFailure" : "") + ")"
        : "Skipped: maintenance mode stays on (deactivateOnSuccess is off)",
        params("onSuccess", s.deactivateOnSuccess, "onFailure", s.deactivateOnFailure),
        s.deactivateOnSuccess ? null : "deactivateOnSuccess is off: maintenance mode stays on"));

    if (s.restoreOptions.force()) {
      warnings.add("force is on: the manager's existing data will be deleted");
    }
    if (s.restoreOptions.restoreCertificates()) {
      warnings.add(s.restoreOptions.noReboot()
          ? "restoreCertificates without reboot: reboot the manager yourself afterwards"
          : "restoreCertificates: the manager reboots after the restore and its CA may change");
    }
    if (cluster) {
      warnings.add("Cluster restore: every call goes to " + node + " only, without failover");
      if (!s.confirmOtherNodesStopped) {
        blockers.add(new RestoreRefusal(RestoreRefusal.Code.CLUSTER_NOT_CONFIRMED, s.client.managers().size()
            + " manager nodes are configured. The documented procedure restores on one node with every other node"
            + " stopped (cfy_manager stop on each), or the restore may deadlock. Stop them, then confirm with"
            + " confirmOtherNodesStopped(true)."));
      }
    }
    if (s.uploadFile != null && !Files.isReadable(s.uploadFile)) {
      blockers.add(new RestoreRefusal(RestoreRefusal.Code.ARCHIVE_NOT_READABLE,
          "The archive " + s.uploadFile + " is not a readable file"));
    }
    return new RestorePlan(owner, what, node, steps, warnings, blockers, previous != null);
  }

  /**
   * When resuming from a report: why a step is skipped (its earlier run did it), or null. Steps that would start a
   * second restore are always skipped when resuming; later steps only if they succeeded.
   */
  private String doneBefore(RestoreStep kind) {
    RestoreReport previous = s.resumeFrom;
    if (previous == null) {
      return null;
    }
    boolean beforeStart = kind.ordinal() <= RestoreStep.START_RESTORE.ordinal();
    boolean succeeded = previous.steps().stream()
        .anyMatch(r -> r.step() == kind && r.status() == StepResult.Status.SUCCEEDED);
    if (beforeStart) {
      return "done by the run being resumed (restore execution "
          + previous.restoreExecutionId().orElse("not readable") + ")";
    }
    return succeeded ? "done by the run being resumed" : null;
  }

  private static RestorePlan.Step step(RestoreStep kind, String description, Map<String, String> parameters,
      String skipReason) {
    return new RestorePlan.Step(kind, description, parameters, skipReason);
  }

  private static Map<String, String> params(Object... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        map.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
      }
    }
    return map;
  }

  private static String sizeOf(Path file) {
    try {
      return " (" + Files.size(file) + " bytes)";
    } catch (IOException e) {
      return "";
    }
  }
}
