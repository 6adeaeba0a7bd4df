package io.github.cloudify4j.snapshots.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the observations of archive transfers. */
public interface ArchiveTransferObservationConvention
    extends ObservationConvention<ArchiveTransferObservationContext> {

  /**
   * Whether this convention applies to the context.
   *
   * @param context any observation context
   * @return true for an {@link ArchiveTransferObservationContext}
   */
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof ArchiveTransferObservationContext;
  }
}
