package io.github.cloudify4j.snapshots.cluster;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a recovery run did, step by step (the same {@link StepResult} as a restore's or a backup's report), and what
 * it left: the node that took over and a client pointed at it, the node removed, the restore's report, the health
 * at the end.
 */
public final class RecoveryReport {
  /** How a recovery run ended. */
  public enum Outcome {
    /** Every step of the plan succeeded (operator steps were handed over), and the last check passed. */
    COMPLETE,
    /** A step failed or the run was cancelled: {@link #failedStep()} says where. */
    FAILED
  }

  private final RecoveryPlan plan;
  private final Outcome outcome;
  private final List<StepResult<RecoveryStep>> steps;
  private final CloudifyClient client;
  private final URI newActiveNode;
  private final String removedNode;
  private final RestoreReport restore;
  private final ClusterHealth finalHealth;
  private final RecoveryStep failedStep;
  private final String failure;

  RecoveryReport(RecoveryPlan plan, Outcome outcome, List<StepResult<RecoveryStep>> steps, CloudifyClient client,
      URI newActiveNode, String removedNode, RestoreReport restore, ClusterHealth finalHealth,
      RecoveryStep failedStep, String failure) {
    this.plan = plan;
    this.outcome = outcome;
    this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
    this.client = client;
    this.newActiveNode = newActiveNode;
    this.removedNode = removedNode;
    this.restore = restore;
    this.finalHealth = finalHealth;
    this.failedStep = failedStep;
    this.failure = failure;
  }

  /**
   * The plan that ran.
   *
   * @return the plan
   */
  public RecoveryPlan plan() {
    return plan;
  }

  /**
   * How the run ended.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Each step as it went, in order.
   *
   * @return the results
   */
  public List<StepResult<RecoveryStep>> steps() {
    return steps;
  }

  /**
   * After a failover ({@link RecoveryStep#POINT_CLIENT}): a view of the recovering client pinned to the node that
   * took over. It shares the client's connections; closing the original client closes it.
   *
   * @return the client, if the plan pointed one
   */
  public Optional<CloudifyClient> client() {
    return Optional.ofNullable(client);
  }

  /**
   * The node that took over after the active node went down.
   *
   * @return its URL, if the plan verified a failover
   */
  public Optional<URI> newActiveNode() {
    return Optional.ofNullable(newActiveNode);
  }

  /**
   * The host name removed with {@code DELETE /managers/{hostname}}.
   *
   * @return the host name, if a node was removed
   */
  public Optional<String> removedNode() {
    return Optional.ofNullable(removedNode);
  }

  /**
   * The report of the restore of the latest working snapshot (whole cluster down).
   *
   * @return the restore's report, if one ran
   */
  public Optional<RestoreReport> restore() {
    return Optional.ofNullable(restore);
  }

  /**
   * The cluster's health at the last check of the run ({@link RecoveryStep#WAIT_HEALTHY} or
   * {@link RecoveryStep#VERIFY}).
   *
   * @return the health, if checked
   */
  public Optional<ClusterHealth> finalHealth() {
    return Optional.ofNullable(finalHealth);
  }

  /**
   * The step that failed.
   *
   * @return the step, for a FAILED run
   */
  public Optional<RecoveryStep> failedStep() {
    return Optional.ofNullable(failedStep);
  }

  /**
   * Why it failed, in words (secret-free).
   *
   * @return the reason, for a FAILED run
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Recovery ").append(plan.procedure()).append(": ").append(outcome)
        .append('\n');
    for (StepResult<RecoveryStep> r : steps) {
      sb.append("  ").append(r).append('\n');
    }
    return sb.toString();
  }
}
