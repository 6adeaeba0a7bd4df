package io.github.cloudify4j.snapshots.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.observation.Observation;

/**
 * One run of a workflow (a restore, a backup, a migration), or one step of it: what a {@link
 * WorkflowObservationConvention} reads. Filled in by the workflow; a convention or handler only reads.
 */
public final class WorkflowObservationContext extends Observation.Context {
  private final String workflow;
  private final String step;
  private final String subject;
  private String outcome = "UNKNOWN";

  /**
   * A context.
   *
   * @param workflow {@code restore}, {@code backup} or {@code migration}
   * @param step the step's name ({@code DOWNLOAD}), or null for the run itself
   * @param subject what the run works on (the snapshot id, {@code (latest)}), or null if not known
   */
  public WorkflowObservationContext(String workflow, String step, String subject) {
    this.workflow = requireNonNull(workflow, "workflow == null");
    this.step = step;
    this.subject = subject;
  }

  /**
   * The workflow.
   *
   * @return {@code restore}, {@code backup} or {@code migration}
   */
  public String workflow() {
    return workflow;
  }

  /**
   * The step, for a step's observation.
   *
   * @return the step's name, or null for the run's observation
   */
  public String step() {
    return step;
  }

  /**
   * Whether this is a step's observation (else the run's).
   *
   * @return true for a step
   */
  public boolean isStep() {
    return step != null;
  }

  /**
   * What the run works on.
   *
   * @return the snapshot id (or the backup's id), or null
   */
  public String subject() {
    return subject;
  }

  /**
   * How it ended: for a restore or migration run {@code COMPLETE}, {@code PARTIAL} or {@code FAILED}; for a backup
   * run {@code DONE}, {@code SKIPPED} or {@code FAILED}; for a step {@code SUCCEEDED}, {@code FAILED}, {@code
   * CANCELLED} or {@code SKIPPED}; {@code UNKNOWN} while it runs.
   *
   * @return the outcome
   */
  public String outcome() {
    return outcome;
  }

  /**
   * Records how it ended.
   *
   * @param outcome the outcome (see {@link #outcome()})
   */
  public void setOutcome(String outcome) {
    this.outcome = requireNonNull(outcome, "outcome == null");
  }
}
