package io.github.cloudify4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.snapshots.restore.Migration;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.Verification;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON documents {@code --output json} prints, built from the public API's values: plain maps and lists of
 * strings, numbers and booleans, with stable snake_case keys (the manager's own style), instants in ISO-8601 and
 * durations in milliseconds. None of the values it reads holds a secret.
 */
final class Documents {
  private Documents() {}

  static Map<String, Object> backup(BackupReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", r.outcome().name());
    m.put("snapshot_id", r.snapshotId());
    m.put("slot", str(r.slot()));
    m.put("create_execution_id", r.createExecutionId().orElse(null));
    m.put("archive", str(r.archive()));
    m.put("checksum_file", str(r.checksumFile()));
    m.put("bytes", r.bytes());
    m.put("sha256", r.sha256().orElse(null));
    m.put("started_at", str(r.startedAt()));
    m.put("finished_at", str(r.finishedAt()));
    m.put("duration_ms", r.duration() == null ? null : r.duration().toMillis());
    m.put("deleted_on_manager", r.deletedOnManager());
    m.put("skipped_on_manager", r.skippedOnManager());
    List<String> local = new ArrayList<>();
    r.deletedLocally().forEach(p -> local.add(p.toString()));
    m.put("deleted_locally", local);
    m.put("warnings", r.warnings());
    m.put("failed_step", r.failedStep().map(Enum::name).orElse(null));
    m.put("failure", r.failure().orElse(null));
    return m;
  }

  static Map<String, Object> plan(RestorePlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("snapshot", p.snapshot());
    m.put("node", str(p.node()));
    List<Object> steps = new ArrayList<>();
    for (RestorePlan.Step s : p.steps()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", s.step().name());
      step.put("description", s.description());
      step.put("skipped", s.isSkipped());
      step.put("skip_reason", s.skipReason().orElse(null));
      step.put("parameters", s.parameters());
      steps.add(step);
    }
    m.put("steps", steps);
    m.put("warnings", p.warnings());
    m.put("blockers", p.blockers());
    return m;
  }

  static Map<String, Object> restore(RestoreReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", r.outcome().name());
    m.put("snapshot_id", r.snapshotId());
    m.put("resumed", r.resumed());
    m.put("restore_execution_id", r.restoreExecutionId().orElse(null));
    m.put("maintenance_state", r.maintenanceState().map(Object::toString).orElse(null));
    m.put("duration_ms", r.duration() == null ? null : r.duration().toMillis());
    List<Object> steps = new ArrayList<>();
    for (StepResult<?> s : r.steps()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", s.step().name());
      step.put("status", s.status().name());
      step.put("started_at", str(s.startedAt()));
      step.put("duration_ms", s.duration() == null ? null : s.duration().toMillis());
      step.put("detail", s.detail());
      steps.add(step);
    }
    m.put("steps", steps);
    m.put("verification", r.verification().map(Documents::verification).orElse(null));
    List<String> failedScheduled = new ArrayList<>();
    r.scheduledExecutionsFailed().forEach(e -> failedScheduled.add(e.id()));
    m.put("scheduled_executions_failed", failedScheduled);
    List<String> cancelled = new ArrayList<>();
    r.executionsCancelled().forEach(e -> cancelled.add(e.id()));
    m.put("executions_cancelled", cancelled);
    m.put("warnings", r.warnings());
    m.put("follow_ups", r.followUps());
    m.put("failed_step", r.failedStep().map(Enum::name).orElse(null));
    m.put("failure", r.failure().orElse(null));
    m.put("refusal", r.refusal().map(x -> x.code().name()).orElse(null));
    m.put("snapshot_left_on_manager", r.snapshotLeftOnManager().orElse(null));
    // What `restore --resume` reads back: RestoreReport's own versioned resume state (no secret in it).
    m.put("resume_state", r.outcome() == RestoreReport.Outcome.FAILED ? resumeState(r) : null);
    return m;
  }

  private static JsonNode resumeState(RestoreReport r) {
    try {
      return new ObjectMapper().readTree(r.toResumeJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // toResumeJson writes JSON
    }
  }

  static Map<String, Object> verification(Verification v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("complete", v.isComplete());
    m.put("expected", v.expected());
    m.put("actual", v.actual());
    m.put("missing", v.missing());
    m.put("restore_errors", v.restoreErrors());
    return m;
  }

  static Map<String, Object> migration(Migration.MigrationReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("snapshot_id", r.snapshotId());
    m.put("source_execution_id", r.sourceExecutionId());
    m.put("source_version", r.sourceVersion());
    m.put("target_version", r.targetVersion());
    m.put("archive", download(r.archive()));
    m.put("restore", restore(r.restore()));
    m.put("follow_ups", r.followUps());
    return m;
  }

  static Map<String, Object> download(DownloadResult d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", str(d.path()));
    m.put("bytes", d.bytes());
    m.put("sha256", d.sha256().orElse(null));
    m.put("duration_ms", d.duration().toMillis());
    m.put("attempts", d.attempts());
    return m;
  }

  static Map<String, Object> snapshot(Snapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("status", s.status().toString());
    m.put("created_at", s.createdAt().map(Object::toString).orElse(null));
    m.put("error", s.error());
    m.put("visibility", s.visibility().orElse(null));
    m.put("tenant_name", s.tenantName().orElse(null));
    m.put("created_by", s.createdBy().orElse(null));
    m.put("restorable", s.isRestorable());
    return m;
  }

  static Map<String, Object> execution(Execution e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("workflow_id", e.workflowId().orElse(null));
    m.put("status", e.status().toString());
    m.put("error", e.error());
    return m;
  }

  static Map<String, Object> maintenance(MaintenanceStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", s.status().toString());
    m.put("activated_at", s.activatedAt().map(Object::toString).orElse(null));
    m.put("activation_requested_at", s.activationRequestedAt().map(Object::toString).orElse(null));
    m.put("requested_by", s.requestedBy());
    m.put("remaining_executions", s.remainingExecutions().size());
    return m;
  }

  static Map<String, Object> version(ServerVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", v.versionText());
    m.put("edition", v.edition().orElse(null));
    m.put("distribution", v.distribution().orElse(null));
    m.put("build", v.build().orElse(null));
    return m;
  }

  static Map<String, Object> status(ManagerStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", s.status());
    m.put("healthy", s.isHealthy());
    Map<String, Object> services = new LinkedHashMap<>();
    s.services().forEach((name, st) -> services.put(name, st.status()));
    m.put("services", services);
    return m;
  }

  static Map<String, Object> error(String command, int exit, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("exit_code", exit);
    m.put("error", message);
    return m;
  }

  private static String str(Object o) {
    if (o instanceof Optional) {
      return ((Optional<?>) o).map(Object::toString).orElse(null);
    }
    return o == null ? null : o.toString();
  }
}
