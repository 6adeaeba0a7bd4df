package io.github.cloudify4j.snapshots.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.observation.Observation;

/**
 * One archive transfer ({@code Snapshots.download} with its resumptions, or {@code Snapshots.upload}): what an
 * {@link ArchiveTransferObservationConvention} reads. Its duration is the observation's; its bytes are here.
 */
public final class ArchiveTransferObservationContext extends Observation.Context {
  private final String direction;
  private final String snapshotId;
  private long bytes = -1;
  private int attempts;
  private String outcome = "UNKNOWN";

  /**
   * A context.
   *
   * @param direction {@code download} or {@code upload}
   * @param snapshotId the snapshot whose archive moves
   */
  public ArchiveTransferObservationContext(String direction, String snapshotId) {
    this.direction = requireNonNull(direction, "direction == null");
    this.snapshotId = requireNonNull(snapshotId, "snapshotId == null");
  }

  /**
   * The direction.
   *
   * @return {@code download} or {@code upload}
   */
  public String direction() {
    return direction;
  }

  /**
   * The snapshot.
   *
   * @return its id
   */
  public String snapshotId() {
    return snapshotId;
  }

  /**
   * The archive's bytes moved, once the transfer succeeded.
   *
   * @return the byte count, or -1 while it runs or when it failed
   */
  public long bytes() {
    return bytes;
  }

  /**
   * Records the bytes moved.
   *
   * @param bytes the byte count
   */
  public void setBytes(long bytes) {
    this.bytes = bytes;
  }

  /**
   * The requests a download took (1, plus one per resumption); 1 for an upload.
   *
   * @return the attempts, 0 while unknown
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Records the attempts.
   *
   * @param attempts the number of requests
   */
  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  /**
   * How it ended.
   *
   * @return {@code SUCCESS}, {@code FAILURE}, or {@code UNKNOWN} while it runs
   */
  public String outcome() {
    return outcome;
  }

  /**
   * Records how it ended.
   *
   * @param outcome {@code SUCCESS} or {@code FAILURE}
   */
  public void setOutcome(String outcome) {
    this.outcome = requireNonNull(outcome, "outcome == null");
  }
}
