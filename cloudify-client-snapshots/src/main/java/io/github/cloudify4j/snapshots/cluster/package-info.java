/**
 * HA cluster health, the split-brain guard and the guide's failure-recovery procedures as plans.
 *
 * <p>{@link io.github.cloudify4j.snapshots.cluster.ClusterDoctor} asks every manager node of a client separately
 * (pinned, no failover) for {@code /status}, {@code /cluster-status} and {@code /managers}, compares what each node
 * says, and returns a {@link io.github.cloudify4j.snapshots.cluster.ClusterHealth} with a
 * {@link io.github.cloudify4j.snapshots.cluster.ClusterVerdict}, the split-brain risks found and a
 * {@link io.github.cloudify4j.snapshots.cluster.RecoveryPlan} for what it found, run by the same step runner as a
 * restore or a backup. What the REST API does not expose (which node is "active", the database leader, RabbitMQ
 * membership) is never guessed: see {@code docs/cluster-recovery.md}.
 */
package io.github.cloudify4j.snapshots.cluster;
