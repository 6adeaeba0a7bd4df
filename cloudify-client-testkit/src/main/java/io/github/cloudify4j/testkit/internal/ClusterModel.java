package io.github.cloudify4j.testkit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The topology of a fake cluster, shared by the one or two fakes ("sides") that serve its nodes: which node is up,
 * which node's database is down, which side of a split each node is on and which nodes were removed. Every node computes its own answers from this model and its own point of view
 * ({@link ClusterAnswers}). Thread-safe: every method is synchronized on this object, which is never held while a
 * State lock is taken.
 *
 * <p>Node {@code i} is the all-in-one manager {@code cfy-manager-(i+1)} with private IP {@code 10.0.0.(11+i)}: it runs
 * a manager, a database and a broker, so it has a row in {@code managers}, {@code db_nodes} and
 * {@code rabbitmq_brokers} (the three lists {@code cluster_status_manager._get_cluster_details} reads).
 */
public final class ClusterModel {
  private final int size;
  private final boolean[] down;
  private final boolean[] dbDown;
  private final boolean[] removed;
  private final int[] side;

  /** A healthy cluster of n nodes, all on side 0. */
  public ClusterModel(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node: " + n);
    }
    this.size = n;
    this.down = new boolean[n];
    this.dbDown = new boolean[n];
    this.removed = new boolean[n];
    this.side = new int[n];
  }

  /** Number of nodes, removed ones included. */
  public int size() {
    return size;
  }

  /** The hostname of node i: {@code cfy-manager-(i+1)}. */
  public static String hostname(int i) {
    return "cfy-manager-" + (i + 1);
  }

  /** The private IP of node i: {@code 10.0.0.(11+i)}. */
  public static String privateIp(int i) {
    return "10.0.0." + (11 + i);
  }

  /** The public IP of node i: {@code 203.0.113.(11+i)}. */
  public static String publicIp(int i) {
    return "203.0.113." + (11 + i);
  }

  /** Whether node i is down (refuses or hangs). */
  public synchronized boolean isDown(int i) {
    return down[i];
  }

  /** Marks node i down or up (the listener is the side's business). */
  public synchronized void down(int i, boolean isDown) {
    down[i] = isDown;
  }

  /** Whether node i's database services (etcd, patroni) are down. */
  public synchronized boolean isDbDown(int i) {
    return dbDown[i];
  }

  /** Marks node i's database services down or up. */
  public synchronized void dbDown(int i, boolean isDown) {
    dbDown[i] = isDown;
  }

  /** Whether node i was removed from the cluster tables. */
  public synchronized boolean isRemoved(int i) {
    return removed[i];
  }

  /** The side (0 or 1) node i is on. */
  public synchronized int sideOf(int i) {
    return side[i];
  }

  /** Puts node i on side s. */
  public synchronized void side(int i, int s) {
    side[i] = s;
  }

  /** Whether the nodes are on more than one side. */
  public synchronized boolean isSplit() {
    for (int s : side) {
      if (s != side[0]) {
        return true;
      }
    }
    return false;
  }

  /** The lowest-numbered node on this side that is up and not removed, or -1. */
  public synchronized int firstLiveOnSide(int s) {
    for (int i = 0; i < size; i++) {
      if (side[i] == s && !down[i] && !removed[i]) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code viewer} can reach node {@code j}: j is up, registered, and on the viewer's side of a split. A node
   * that cannot be reached is what the viewer's monitoring cannot scrape: no services, no metrics.
   */
  public synchronized boolean reaches(int viewer, int j) {
    return !down[j] && !removed[j] && side[j] == side[viewer];
  }

  /** The nodes that still have rows in the cluster tables (not removed), in order. */
  public synchronized List<Integer> registered() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (!removed[i]) {
        out.add(i);
      }
    }
    return out;
  }

  /** Removes the node with this hostname from the cluster tables; returns its index, or -1 if there is none. */
  public synchronized int remove(String hostname) {
    for (int i = 0; i < size; i++) {
      if (!removed[i] && hostname(i).equals(hostname)) {
        removed[i] = true;
        return i;
      }
    }
    return -1;
  }

  /** Back to a healthy, unsplit cluster with every node registered. */
  public synchronized void reset() {
    Arrays.fill(down, false);
    Arrays.fill(dbDown, false);
    Arrays.fill(removed, false);
    Arrays.fill(side, 0);
  }
}
