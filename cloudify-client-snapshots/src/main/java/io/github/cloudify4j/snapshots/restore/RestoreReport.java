package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.MaintenanceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a restore did and how it ended.
 *
 * <ul>
 *   <li>{@link Outcome#COMPLETE}: the restore execution ended {@code terminated}, the manager is healthy and
 *       reachable with its (possibly new) credentials, and nothing the archive holds is missing.</li>
 *   <li>{@link Outcome#PARTIAL}: the restore ran to its end, but entities are missing or the restore logged
 *       per-entity errors ({@link #verification()} says which).</li>
 *   <li>{@link Outcome#FAILED}: a step failed; {@link #failedStep()} and {@link #failure()} say which and why, and
 *       {@link #maintenanceState()} in what state the manager was left.</li>
 * </ul>
 */
public final class RestoreReport {
  /** The verdict. */
  public enum Outcome {
    /** Every step succeeded and the verification found nothing missing. */
    COMPLETE,
    /** The restore ran, but the verification found missing entities or restore errors: look before using it. */
    PARTIAL,
    /** A step failed; the run threw {@link RestoreFailedException} with this report. */
    FAILED
  }

  private final Outcome outcome;
  private final String snapshotId;
  private final List<StepResult<RestoreStep>> steps;
  private final String restoreExecutionId;
  private final Execution restoreExecution;
  private final MaintenanceState maintenanceState;
  private final Verification verification;
  private final List<Execution> scheduledExecutionsFailed;
  private final List<Execution> executionsCancelled;
  private final List<String> warnings;
  private final List<String> followUps;
  private final RestoreStep failedStep;
  private final String failure;
  private final boolean resumed;
  private final boolean clusterGuardOverridden;
  private final Duration duration;
  private final String snapshotLeftOnManager;
  private final List<String> leftoverExecutionsKilled;
  private final RestorePlan plan;
  private final RestoreRefusal refusal;
  private final java.time.Instant restoreRequestedAt;

  RestoreReport(Builder b) {
    plan = b.plan;
    refusal = b.refusal;
    restoreRequestedAt = b.restoreRequestedAt;
    outcome = b.outcome;
    snapshotId = b.snapshotId;
    steps = Collections.unmodifiableList(new ArrayList<>(b.steps));
    restoreExecutionId = b.restoreExecutionId;
    restoreExecution = b.restoreExecution;
    maintenanceState = b.maintenanceState;
    verification = b.verification;
    scheduledExecutionsFailed = Collections.unmodifiableList(new ArrayList<>(b.scheduledExecutionsFailed));
    executionsCancelled = Collections.unmodifiableList(new ArrayList<>(b.executionsCancelled));
    warnings = Collections.unmodifiableList(new ArrayList<>(b.warnings));
    followUps = Collections.unmodifiableList(new ArrayList<>(b.followUps));
    failedStep = b.failedStep;
    failure = b.failure;
    resumed = b.resumed;
    clusterGuardOverridden = b.clusterGuardOverridden;
    duration = b.duration;
    snapshotLeftOnManager = b.snapshotLeftOnManager;
    leftoverExecutionsKilled = Collections.unmodifiableList(new ArrayList<>(b.leftoverExecutionsKilled));
  }

  /** {@return the verdict: COMPLETE, PARTIAL or FAILED (see the class description)} */
  public Outcome outcome() {
    return outcome;
  }

  /** {@return whether the outcome is {@link Outcome#COMPLETE}: the one check a script needs} */
  public boolean isComplete() {
    return outcome == Outcome.COMPLETE;
  }

  /** {@return the snapshot restored (or that was to be)} */
  public String snapshotId() {
    return snapshotId;
  }

  /** {@return every step taken, in order, with its timing} */
  public List<StepResult<RestoreStep>> steps() {
    return steps;
  }

  /** {@return the {@code restore_snapshot} execution's id, once the restore started} */
  public Optional<String> restoreExecutionId() {
    return Optional.ofNullable(restoreExecutionId);
  }

  /** {@return the restore execution as last read, when it could be read} */
  public Optional<Execution> restoreExecution() {
    return Optional.ofNullable(restoreExecution);
  }

  /**
   * Maintenance mode when the run ended (null when it could not be read).
   *
   * @return the state, or empty when it could not be read
   */
  public Optional<MaintenanceState> maintenanceState() {
    return Optional.ofNullable(maintenanceState);
  }

  /** {@return what VERIFY counted against the archive; empty when the run did not get that far} */
  public Optional<Verification> verification() {
    return Optional.ofNullable(verification);
  }

  /**
   * Scheduled executions the restore marked {@code failed}: overdue ones (every version), and since 6.0 also
   * future ones, which the restore turned into execution schedules named {@code <workflow>_restored_<hex>}.
   *
   * @return those executions
   */
  public List<Execution> scheduledExecutionsFailed() {
    return scheduledExecutionsFailed;
  }

  /**
   * Executions a 7.x restore re-created as {@code cancelled} ("Marked as cancelled by snapshot restore").
   *
   * @return those executions
   */
  public List<Execution> executionsCancelled() {
    return executionsCancelled;
  }

  /** {@return what went oddly without failing the restore, in words} */
  public List<String> warnings() {
    return warnings;
  }

  /** {@return what the operator still has to do by hand (agents, plugins, certificates …)} */
  public List<String> followUps() {
    return followUps;
  }

  /** {@return the step that failed, for a FAILED restore} */
  public Optional<RestoreStep> failedStep() {
    return Optional.ofNullable(failedStep);
  }

  /** {@return why it failed, and in what state the manager was left} */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Whether the split-brain guard found the cluster unsafe and {@code allowUnsafeCluster(true)} let the restore go
   * on anyway (the warnings say what it found).
   *
   * @return true when the override was used
   */
  public boolean clusterGuardOverridden() {
    return clusterGuardOverridden;
  }

  /** {@return whether this run picked up a restore already in progress} */
  public boolean resumed() {
    return resumed;
  }

  /** {@return how long the run took, by the client's (injectable) clock} */
  public Duration duration() {
    return duration;
  }

  /**
   * The id of the snapshot this run uploaded and left on the manager when the restore failed after the upload.
   * A second run with the same id and the default {@link ExistingSnapshotPolicy#FAIL} stops at PREFLIGHT: rerun
   * with {@code onExistingSnapshot(ExistingSnapshotPolicy.REUSE)} to restore it without uploading it again (or
   * {@code REPLACE} to upload the archive again), or delete it first. Empty when nothing was left (no upload by
   * this run, or the restore did not fail).
   *
   * @return the snapshot's id, or empty
   */
  public Optional<String> snapshotLeftOnManager() {
    return Optional.ofNullable(snapshotLeftOnManager);
  }

  /**
   * The {@code pending} {@code restore_snapshot} executions this run killed: a real manager that refuses a
   * restore with {@code existing_running_execution_error} still creates its execution, which nothing runs and
   * which keeps maintenance mode {@code activating}.
   *
   * @return the killed executions' ids
   */
  public List<String> leftoverExecutionsKilled() {
    return leftoverExecutionsKilled;
  }

  /**
   * The plan this run executed: the one approved, or (when PREFLIGHT found a restore running) its {@link
   * RestorePlan#resumedWith(String) resumed} form. {@link #steps()} follows it step by step; a failure ends the list
   * early, and a rollback adds one DEACTIVATE_MAINTENANCE entry.
   *
   * @return the plan followed
   */
  public RestorePlan plan() {
    return plan;
  }

  /** {@return why the run refused to go on, with its code; empty unless it was refused} */
  public Optional<RestoreRefusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** {@return when this run (or the run it resumed) asked the manager to restore; empty if it never did} */
  public Optional<java.time.Instant> restoreRequestedAt() {
    return Optional.ofNullable(restoreRequestedAt);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Restore of ").append(snapshotId).append(": ").append(outcome)
        .append(" in ").append(duration.getSeconds()).append(" s").append(resumed ? " (resumed)" : "").append('\n');
    for (StepResult<RestoreStep> s : steps) {
      sb.append(String.format("  %-22s %-9s %8d ms  %s%n", s.step(), s.status(), s.duration().toMillis(),
          s.detail()));
    }
    sb.append("  restore execution: ").append(restoreExecutionId == null ? "-" : restoreExecutionId)
        .append(restoreExecution == null ? "" : " (" + restoreExecution.status() + ")").append('\n');
    sb.append("  maintenance mode: ").append(maintenanceState == null ? "unknown" : maintenanceState).append('\n');
    if (verification != null) {
      sb.append("  verification: ").append(verification).append('\n');
    }
    sb.append("  scheduled executions marked failed: ").append(scheduledExecutionsFailed.size()).append('\n');
    for (Execution e : scheduledExecutionsFailed) {
      sb.append("    ").append(e.id()).append(' ').append(e.workflowId().orElse("?")).append(" on ")
          .append(e.deploymentId().orElse("-")).append(" scheduled for ")
          .append(e.scheduledFor().map(Object::toString).orElse("?")).append('\n');
    }
    if (!executionsCancelled.isEmpty()) {
      sb.append("  executions cancelled by the restore: ").append(executionsCancelled.size()).append('\n');
    }
    if (failure != null) {
      sb.append("  FAILED at ").append(failedStep).append(": ").append(failure).append('\n');
    }
    if (snapshotLeftOnManager != null) {
      sb.append("  snapshot left on the manager: ").append(snapshotLeftOnManager)
          .append(" (a rerun needs onExistingSnapshot(REUSE) or REPLACE, or delete it)").append('\n');
    }
    if (!leftoverExecutionsKilled.isEmpty()) {
      sb.append("  leftover restore executions killed: ").append(String.join(", ", leftoverExecutionsKilled))
          .append('\n');
    }
    for (String w : warnings) {
      sb.append("  warning: ").append(w).append('\n');
    }
    for (String f : followUps) {
      sb.append("  follow-up: ").append(f).append('\n');
    }
    return sb.toString();
  }

  /** The report of a run refused before any step could run (used by {@link Migration}'s own checks). */
  static RestoreReport refusedBeforeStart(String snapshotId, RestoreRefusal refusal, java.time.Instant at) {
    Builder b = new Builder();
    b.outcome = Outcome.FAILED;
    b.snapshotId = snapshotId;
    b.failedStep = RestoreStep.PREFLIGHT;
    b.failure = refusal.message();
    b.refusal = refusal;
    b.steps.add(new StepResult<>(RestoreStep.PREFLIGHT, StepResult.Status.FAILED, at, Duration.ZERO,
        refusal.message()));
    return b.build();
  }

  static final class Builder {
    Outcome outcome = Outcome.FAILED;
    String snapshotId;
    final List<StepResult<RestoreStep>> steps = new ArrayList<>();
    String restoreExecutionId;
    Execution restoreExecution;
    MaintenanceState maintenanceState;
    Verification verification;
    final List<Execution> scheduledExecutionsFailed = new ArrayList<>();
    final List<Execution> executionsCancelled = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> followUps = new ArrayList<>();
    RestoreStep failedStep;
    String failure;
    boolean resumed;
    boolean clusterGuardOverridden;
    Duration duration = Duration.ZERO;
    String snapshotLeftOnManager;
    final List<String> leftoverExecutionsKilled = new ArrayList<>();
    RestorePlan plan;
    RestoreRefusal refusal;
    java.time.Instant restoreRequestedAt;

    RestoreReport build() {
      return new RestoreReport(this);
    }
  }

  /**
   * The facts a later run needs to finish this one, as JSON: {@link RestoreOrchestrator.Builder#resumeFrom} on
   * {@link #fromResumeJson(String) the report read back} finishes a restore that failed after it started (in
   * FOLLOW, REAUTHENTICATE, VERIFY or DEACTIVATE_MAINTENANCE), from another process or a day later. Save it when
   * the run throws {@link RestoreFailedException}; the command line writes it under {@code "resume_state"} of its
   * {@code --output json} report.
   *
   * <p>It holds the snapshot id, the outcome, the steps with their status, the restore execution's id and when it
   * was requested, the snapshot left on the manager, the failure, and what VERIFY found. No secret: executions are
   * written without their parameters and error text (a snapshot workflow's parameters hold the database password),
   * and the post-restore credentials given to the orchestrator are never part of a report. The format is versioned
   * ({@code "format": "cloudify4j-restore-resume/1"}).
   *
   * @return the resume state as a JSON object, UTF-8 text
   */
  public String toResumeJson() {
    return ResumeJson.write(this);
  }

  /**
   * A report read back from {@link #toResumeJson()}, to give to {@link RestoreOrchestrator.Builder#resumeFrom}. It
   * holds the facts that method reads; the rest is empty ({@link #plan()} is null, no warnings, follow-ups or
   * maintenance state, zero duration). The reader is strict, because a resume that guesses could restore twice or
   * skip a step: every field must be present (null where the writer writes null) and none may be unknown.
   *
   * @param json what {@link #toResumeJson()} wrote
   * @return the report, as far as a resume needs it
   * @throws IllegalArgumentException when the text is not that JSON: not JSON, another format, or a field
   *     missing, unknown or of the wrong type (the message names the field)
   * @throws NullPointerException when {@code json} is null
   */
  public static RestoreReport fromResumeJson(String json) {
    java.util.Objects.requireNonNull(json, "json == null");
    return ResumeJson.read(json);
  }
}
