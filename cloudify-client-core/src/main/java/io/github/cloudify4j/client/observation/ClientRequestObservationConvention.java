package io.github.cloudify4j.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a client's request. Implement it (or extend {@link
 * DefaultClientRequestObservationConvention}) to change the name or the keys, and pass it to {@code
 * CloudifyClient.Builder.requestObservationConvention}; a convention registered globally on the {@code
 * ObservationRegistry} takes precedence over both, as everywhere in Micrometer.
 */
public interface ClientRequestObservationConvention
    extends ObservationConvention<ClientRequestObservationContext> {

  /**
   * Whether this convention applies to the context.
   *
   * @param context any observation context
   * @return true for a {@link ClientRequestObservationContext}
   */
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof ClientRequestObservationContext;
  }
}
