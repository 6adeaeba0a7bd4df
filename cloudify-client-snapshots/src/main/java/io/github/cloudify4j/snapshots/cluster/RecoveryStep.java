package io.github.cloudify4j.snapshots.cluster;

/**
 * The steps of the guide's failure-recovery procedures. A {@link RecoveryPlan} lists those of one procedure; each is
 * done by the SDK or, where no REST call can do it (installing or destroying a manager), by an operator on a host,
 * with the exact commands printed.
 */
public enum RecoveryStep {
  /** SDK: names the node(s) down from every live node's view. */
  IDENTIFY_FAILED_NODE,
  /** SDK: asks the other nodes again; they must answer, be healthy and agree. */
  CONFIRM_OTHERS_HEALTHY,
  /** SDK: {@code DELETE /managers/{hostname}} (premium; what {@code cfy cluster remove} does). */
  REMOVE_NODE,
  /** Operator: tears the dead manager down on its host. */
  DESTROY_NODE,
  /** Operator: installs a fresh manager. */
  BOOTSTRAP_NODE,
  /** Operator: joins the fresh manager to the existing cluster. */
  JOIN_CLUSTER,
  /** SDK: verifies that another node took over (healthy, sees a majority, quorum held). */
  VERIFY_FAILOVER,
  /** SDK: points a client at the node that took over ({@link RecoveryReport#client()}). */
  POINT_CLIENT,
  /** Operator: investigates the failed node (fix it, or replace it). */
  INVESTIGATE,
  /** Operator: saves the certificates, {@code /etc/cloudify/ssl/*}. */
  SAVE_CERTIFICATES,
  /** Operator: tears every manager down. */
  TEARDOWN,
  /** Operator: installs fresh managers with the saved certificates in {@code /etc/cloudify/config.yaml}. */
  INSTALL_WITH_CERTIFICATES,
  /** Operator: creates the cluster and joins every manager to it. */
  CREATE_AND_JOIN,
  /** Operator: stops every manager but the one to restore on ({@code cfy_manager stop}), as a cluster restore needs. */
  STOP_OTHER_MANAGERS,
  /** SDK: restores the latest working snapshot on the active manager with the {@code RestoreOrchestrator}. */
  RESTORE_SNAPSHOT,
  /** Operator: starts the other managers again ({@code cfy_manager start}). */
  START_OTHER_MANAGERS,
  /** Operator: restores the network between the sides of a split; the side with the newest database wins. */
  RECONNECT_SIDES,
  /** SDK: waits, with a bound, until the cluster is healthy (every node answers, agrees and is healthy). */
  WAIT_HEALTHY,
  /** SDK: asks every node once more and requires the verdict {@link ClusterVerdict#HEALTHY}. */
  VERIFY
}
