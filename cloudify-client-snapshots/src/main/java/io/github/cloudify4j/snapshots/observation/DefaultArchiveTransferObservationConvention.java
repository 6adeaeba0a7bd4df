package io.github.cloudify4j.snapshots.observation;

import io.github.cloudify4j.snapshots.observation.SnapshotsObservationDocumentation.TransferKeys;
import io.micrometer.common.KeyValues;

/**
 * The default names and keys of archive transfers: {@value #NAME} (span {@code "download"} or {@code "upload"}),
 * tagged with direction, outcome and exception; the snapshot id, bytes and attempts on the span.
 */
public class DefaultArchiveTransferObservationConvention implements ArchiveTransferObservationConvention {
  /** The observation's name: {@value}. */
  public static final String NAME = "cloudify.archive.transfers";

  /** The shared instance. */
  public static final DefaultArchiveTransferObservationConvention INSTANCE =
      new DefaultArchiveTransferObservationConvention();

  /** A convention with the default names; see {@link #INSTANCE}. */
  public DefaultArchiveTransferObservationConvention() {
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
   * @param context the transfer's context
   * @return {@code "archive download"} or {@code "archive upload"}
   */
  @Override
  public String getContextualName(ArchiveTransferObservationContext context) {
    return "archive " + context.direction();
  }

  /**
   * The tags: direction, outcome, exception.
   *
   * @param context the transfer's context
   * @return the low-cardinality keys
   */
  @Override
  public KeyValues getLowCardinalityKeyValues(ArchiveTransferObservationContext context) {
    return KeyValues.of(
        TransferKeys.DIRECTION.withValue(context.direction()),
        TransferKeys.OUTCOME.withValue(context.outcome()),
        TransferKeys.EXCEPTION.withValue(context.getError() == null ? "none"
            : context.getError().getClass().getSimpleName()));
  }

  /**
   * The span attributes: snapshot id, bytes, attempts.
   *
   * @param context the transfer's context
   * @return the high-cardinality keys
   */
  @Override
  public KeyValues getHighCardinalityKeyValues(ArchiveTransferObservationContext context) {
    return KeyValues.of(
        TransferKeys.SNAPSHOT_ID.withValue(context.snapshotId()),
        TransferKeys.BYTES.withValue(Long.toString(context.bytes())),
        TransferKeys.ATTEMPTS.withValue(Integer.toString(context.attempts())));
  }
}
