package io.github.cloudify4j.client.observation;

import io.github.cloudify4j.client.observation.ClientObservationDocumentation.HighCardinalityKeys;
import io.github.cloudify4j.client.observation.ClientObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and keys of a client's requests: the observation {@value #NAME}, contextual name
 * {@code "<method> <endpoint>"} (a span's name, e.g. {@code GET /snapshots/{id}}), the keys of {@link
 * ClientObservationDocumentation#CLIENT_REQUEST}. Extend it to add or change a key; the instance is stateless.
 */
public class DefaultClientRequestObservationConvention implements ClientRequestObservationConvention {
  /** The observation's name, hence the timer's: {@value}. */
  public static final String NAME = "cloudify.client.requests";

  /** The shared instance. */
  public static final DefaultClientRequestObservationConvention INSTANCE =
      new DefaultClientRequestObservationConvention();

  /** A convention with the default names; see {@link #INSTANCE}. */
  public DefaultClientRequestObservationConvention() {
  }

  /**
   * The observation's name.
   *
   * @return {@value #NAME}
   */
  @Override
  public String getName() {
    return NAME;
  }

  /**
   * The span's name.
   *
   * @param context the request's context
   * @return {@code "<method> <endpoint>"}, e.g. {@code GET /snapshots/{id}}
   */
  @Override
  public String getContextualName(ClientRequestObservationContext context) {
    return context.method() + " " + context.endpoint();
  }

  /**
   * The tags of the request's metrics: method, endpoint template, status, outcome, node index and exception.
   *
   * @param context the request's context
   * @return the low-cardinality keys
   */
  @Override
  public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
    return KeyValues.of(
        LowCardinalityKeys.METHOD.withValue(context.method()),
        LowCardinalityKeys.ENDPOINT.withValue(context.endpoint()),
        LowCardinalityKeys.STATUS.withValue(context.status() < 0 ? KeyValue.NONE_VALUE
            : Integer.toString(context.status())),
        LowCardinalityKeys.OUTCOME.withValue(context.outcome().name()),
        LowCardinalityKeys.NODE_INDEX.withValue(context.nodeIndex() < 0 ? KeyValue.NONE_VALUE
            : Integer.toString(context.nodeIndex())),
        LowCardinalityKeys.EXCEPTION.withValue(context.getError() == null ? "none"
            : context.getError().getClass().getSimpleName()));
  }

  /**
   * The span's extra attributes: the masked URL, the node that answered, and the retry and failover counts.
   *
   * @param context the request's context
   * @return the high-cardinality keys
   */
  @Override
  public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
    return KeyValues.of(
        HighCardinalityKeys.URL.withValue(context.url()),
        HighCardinalityKeys.NODE.withValue(context.node() == null ? KeyValue.NONE_VALUE : context.node()),
        HighCardinalityKeys.RETRIES.withValue(Integer.toString(context.retries())),
        HighCardinalityKeys.FAILOVERS.withValue(Integer.toString(context.failovers())));
  }
}
