package io.github.cloudify4j.snapshots.cluster;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.errors.CloudifyException;

/**
 * The split-brain guard refused work that would change data on an unsafe cluster (a backup taken from one side of a
 * split, from a minority side, or while the database has no quorum). Decide on {@link #risk()}'s
 * {@link ClusterRisk#code() code}; the workflows that check it have an explicit override
 * ({@code allowUnsafeCluster(true)}), recorded in their reports.
 */
public final class UnsafeClusterException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final transient ClusterRisk risk;

  /**
   * An exception for a risk that blocks the work.
   *
   * @param risk what the guard found
   */
  public UnsafeClusterException(ClusterRisk risk) {
    super("Refused by the split-brain guard: " + requireNonNull(risk, "risk == null").message()
        + " Nodes: " + risk.says() + ". Override with allowUnsafeCluster(true) only knowingly.");
    this.risk = risk;
  }

  /**
   * The risk that blocked the work.
   *
   * @return the risk
   */
  public ClusterRisk risk() {
    return risk;
  }
}
