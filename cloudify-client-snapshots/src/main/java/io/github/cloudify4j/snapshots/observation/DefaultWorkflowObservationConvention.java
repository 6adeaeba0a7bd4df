package io.github.cloudify4j.snapshots.observation;

import io.github.cloudify4j.snapshots.observation.SnapshotsObservationDocumentation.WorkflowKeys;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and keys of workflows: a run is {@value #RUN_NAME} (span {@code "<workflow> <subject>"}), a
 * step {@value #STEP_NAME} (span {@code "<workflow> <STEP>"}), tagged with the workflow, the step and the outcome.
 */
public class DefaultWorkflowObservationConvention implements WorkflowObservationConvention {
  /** The name of a run's observation: {@value}. */
  public static final String RUN_NAME = "cloudify.workflow.runs";
  /** The name of a step's observation: {@value}. */
  public static final String STEP_NAME = "cloudify.workflow.steps";

  /** The shared instance. */
  public static final DefaultWorkflowObservationConvention INSTANCE = new DefaultWorkflowObservationConvention();

  /** A convention with the default names; see {@link #INSTANCE}. */
  public DefaultWorkflowObservationConvention() {
  }

  /**
   * The observation's name: {@value #RUN_NAME} or {@value #STEP_NAME}. A convention's name cannot depend on the
   * context in Micrometer's API, so the run and the step conventions differ only in it; this one names runs.
   *
   * @return {@value #RUN_NAME}
   */
  @Override
  public String getName() {
    return RUN_NAME;
  }

  /**
   * The span's name.
   *
   * @param context the run's or step's context
   * @return {@code "restore DOWNLOAD"} for a step, {@code "restore"} for a run
   */
  @Override
  public String getContextualName(WorkflowObservationContext context) {
    return context.isStep() ? context.workflow() + " " + context.step() : context.workflow();
  }

  /**
   * The tags: workflow, step ({@code none} for a run), outcome, exception.
   *
   * @param context the run's or step's context
   * @return the low-cardinality keys
   */
  @Override
  public KeyValues getLowCardinalityKeyValues(WorkflowObservationContext context) {
    return KeyValues.of(
        WorkflowKeys.WORKFLOW.withValue(context.workflow()),
        WorkflowKeys.STEP.withValue(context.isStep() ? context.step() : KeyValue.NONE_VALUE),
        WorkflowKeys.OUTCOME.withValue(context.outcome()),
        WorkflowKeys.EXCEPTION.withValue(context.getError() == null ? "none"
            : context.getError().getClass().getSimpleName()));
  }

  /**
   * The span attributes: the snapshot id.
   *
   * @param context the run's or step's context
   * @return the high-cardinality keys
   */
  @Override
  public KeyValues getHighCardinalityKeyValues(WorkflowObservationContext context) {
    return KeyValues.of(WorkflowKeys.SNAPSHOT_ID.withValue(
        context.subject() == null ? KeyValue.NONE_VALUE : context.subject()));
  }

  /** The same keys under the step's name, {@value #STEP_NAME}. */
  public static class Steps extends DefaultWorkflowObservationConvention {
    /** The shared instance. */
    public static final Steps INSTANCE = new Steps();

    /** A convention with the default names; see {@link #INSTANCE}. */
    public Steps() {
    }

    /**
     * The step observation's name.
     *
     * @return {@value #STEP_NAME}
     */
    @Override
    public String getName() {
      return STEP_NAME;
    }
  }
}
