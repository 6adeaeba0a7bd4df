package io.github.cloudify4j.snapshots.cluster;

import static java.util.Objects.requireNonNull;

/**
 * What {@link ClusterDoctor#examine()} returns: the cluster's health and the recovery plan for its verdict, with one
 * text rendering for a {@code doctor} command.
 */
public final class ClusterReport {
  private final ClusterHealth health;
  private final RecoveryPlan plan;

  ClusterReport(ClusterHealth health, RecoveryPlan plan) {
    this.health = requireNonNull(health, "health == null");
    this.plan = requireNonNull(plan, "plan == null");
  }

  /**
   * Every node's answers, the verdict and the risks.
   *
   * @return the health
   */
  public ClusterHealth health() {
    return health;
  }

  /**
   * The verdict: {@code health().verdict()}.
   *
   * @return the verdict
   */
  public ClusterVerdict verdict() {
    return health.verdict();
  }

  /**
   * The guide's procedure for the verdict; run it with {@link ClusterDoctor#recover(RecoveryPlan)}.
   *
   * @return the plan
   */
  public RecoveryPlan plan() {
    return plan;
  }

  /**
   * The health table, verdict, risks and plan, as text.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String render() {
    return health.render() + "\n" + plan.render();
  }

  @Override
  public String toString() {
    return render();
  }
}
