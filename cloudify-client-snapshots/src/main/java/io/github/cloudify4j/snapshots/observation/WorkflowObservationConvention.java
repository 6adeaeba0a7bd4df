package io.github.cloudify4j.snapshots.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the observations of workflow runs and their steps. */
public interface WorkflowObservationConvention extends ObservationConvention<WorkflowObservationContext> {

  /**
   * Whether this convention applies to the context.
   *
   * @param context any observation context
   * @return true for a {@link WorkflowObservationContext}
   */
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof WorkflowObservationContext;
  }
}
