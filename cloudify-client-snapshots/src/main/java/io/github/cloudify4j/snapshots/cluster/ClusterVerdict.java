package io.github.cloudify4j.snapshots.cluster;

/**
 * What {@link ClusterDoctor} concluded from every node's answers, in the words of the Backup and Restore Guide's
 * "Failure Recovery" section. Each verdict has its {@link RecoveryPlan}.
 */
public enum ClusterVerdict {
  /** Every registered node answers, is healthy, and every node sees the same cluster. */
  HEALTHY,
  /** A community manager, or a cluster of one registered manager: there is no cluster to recover. */
  SINGLE_MANAGER,
  /** A node answered 503 {@code in_snapshot_restore_error} (6.x during a restore): wait for the restore to end. */
  RESTORE_IN_PROGRESS,
  /** One or more nodes are down, the others agree about it and the database and broker keep their quorum. */
  NODE_DOWN,
  /**
   * Like {@link #NODE_DOWN}, but the node down is the one the client used first (its active manager): another
   * healthy node has taken over.
   */
  ACTIVE_NODE_DOWN,
  /** No node answers at all. */
  WHOLE_CLUSTER_DOWN,
  /** The nodes answer but fewer than a majority of the database nodes are healthy. */
  DB_WITHOUT_QUORUM,
  /** The nodes answer but fewer than a majority of the broker nodes are healthy. */
  BROKER_WITHOUT_QUORUM,
  /**
   * The nodes that answer disagree about who is reachable: each side may act as the master, and what is written on
   * the side that loses is lost when they reconnect.
   */
  SPLIT_BRAIN,
  /** Something is unhealthy that none of the other verdicts describes: see the findings. */
  DEGRADED
}
