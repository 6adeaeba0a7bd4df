package io.github.cloudify4j.testkit;

import io.github.cloudify4j.testkit.internal.ClusterModel;
import io.github.cloudify4j.testkit.internal.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A fake Cloudify HA cluster: N all-in-one manager nodes ({@code cfy-manager-1..N}, 3 by default), each on its own
 * port, each answering {@code /cluster-status} (full and {@code ?summary=true}), {@code /status} and
 * {@code /managers} from <em>its own</em> point of view, with knobs for the failure cases of the Backup and Restore
 * Guide's "Failure Recovery": a node down, the active node down (with failover), a database without quorum, a split
 * brain (two sides, each with its own data), and {@link #heal()}. Every other endpoint is the
 * {@link FakeCloudifyManager}'s, with its strictness (tenant header, content types) on every node.
 *
 * <pre>{@code
 * try (FakeCloudifyCluster c = FakeCloudifyCluster.builder().profile(ServerProfile.V6_4).build().start()) {
 *     c.splitBrain(2);                   // cfy-manager-3 alone on one side, with a copy of the data
 *     // GET c.baseUrl(0) + "/api/v3.1/cluster-status" -> "Degraded"; the same on node 2 -> "Fail"
 *     c.heal();                          // the majority side's data wins; what node 2 wrote is lost
 * }
 * }</pre>
 *
 * <p>What the fake can and cannot show follows what the real REST API exposes ({@code docs/cluster-facts.md}): a
 * node's view is the cluster rows of the database plus what its monitoring can reach, so a node that is down or on
 * the other side of a split is listed with {@code "No services."}/{@code "No metrics"} and status {@code Fail}. The
 * REST API names no "active" manager, no database leader or replica and no broker quorum members: the fake keeps the
 * active node (the guide's word) only as test-side knowledge, {@link #activeNode()}.
 *
 * <p>A community cluster ({@link Builder#edition(Edition)}) is a single manager: {@code DELETE /managers/{hostname}}
 * answers 404 {@code missing_premium_package_error} there, as on a real community manager.
 *
 * <p>While split, the nodes of side 1 are served by a second fake with its own state, clock and journal
 * ({@link #side(int)}); {@link #journal()} and {@link #manager()} are side 0's.
 */
public final class FakeCloudifyCluster implements AutoCloseable {
  private final FakeCloudifyManager manager;
  private final ClusterModel model;
  private final NodeDownMode[] downModes;
  /** The active node of each side (index 1 only while split); -1 when no node of that side is left. */
  private final int[] active = {0, -1};
  private FakeCloudifyManager other;

  private FakeCloudifyCluster(FakeCloudifyManager manager, ClusterModel model) {
    this.manager = manager;
    this.model = model;
    this.downModes = new NodeDownMode[model.size()];
  }

  /**
   * A cluster builder (3 nodes, premium, profile 7.0.4 by default); all {@link FakeCloudifyManager.Builder} options
   * apply.
   *
   * @return a new cluster builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds a listener per node and returns this.
   *
   * @return this cluster, every node listening
   */
  public FakeCloudifyCluster start() {
    manager.start();
    return this;
  }

  /**
   * The fake serving side 0 (every node unless split): state, seed, faults, journal, clock.
   *
   * @return side 0's fake manager
   */
  public FakeCloudifyManager manager() {
    return manager;
  }

  /**
   * The fake that serves this node now: {@link #manager()}, or while split and the node is on side 1, the second
   * side's fake (seed it, inspect its snapshots, read its journal there).
   *
   * @param node index of the node, 0-based
   * @return the fake manager that answers this node's requests
   */
  public synchronized FakeCloudifyManager side(int node) {
    checkNode(node);
    return other != null && model.sideOf(node) == 1 ? other : manager;
  }

  /**
   * Number of nodes, removed ones included.
   *
   * @return how many nodes the cluster was built with
   */
  public int size() {
    return model.size();
  }

  /**
   * The profile every node imitates.
   *
   * @return the server profile of every node
   */
  public ServerProfile profile() {
    return manager.profile();
  }

  /**
   * The base URL of a node ({@code http://127.0.0.1:<port>}); it stays the same through down, split and heal.
   *
   * @param node index of the node, 0-based
   * @return that node's base URL, without {@code /api}
   */
  public String baseUrl(int node) {
    checkNode(node);
    return manager.baseUrl(node);
  }

  /**
   * Base URLs of all nodes, in order.
   *
   * @return every node's base URL, node 0 first
   */
  public List<String> baseUrls() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      out.add(baseUrl(i));
    }
    return out;
  }

  /**
   * The port of a node.
   *
   * @param node index of the node, 0-based
   * @return the port that node listens on
   */
  public int port(int node) {
    checkNode(node);
    return manager.port(node);
  }

  /**
   * The hostname of a node as {@code /managers} and {@code /cluster-status} list it ({@code cfy-manager-<node+1>}).
   *
   * @param node index of the node, 0-based
   * @return that node's hostname
   */
  public String hostname(int node) {
    checkNode(node);
    return manager.hostname(node);
  }

  /**
   * The private IP of a node ({@code 10.0.0.<11+node>}).
   *
   * @param node index of the node, 0-based
   * @return that node's private IP address
   */
  public String privateIp(int node) {
    checkNode(node);
    return ClusterModel.privateIp(node);
  }

  // ------------------------------------------------------------------ knobs

  /**
   * Same as {@link #nodeDown(int, NodeDownMode)}; kept for existing callers.
   *
   * @param node index of the node, 0-based
   * @param mode how the node fails: connections refused or requests left hanging
   */
  public void takeDown(int node, NodeDownMode mode) {
    nodeDown(node, mode);
  }

  /**
   * Same as {@link #nodeUp(int)}; kept for existing callers.
   *
   * @param node index of the node, 0-based
   */
  public void bringUp(int node) {
    nodeUp(node);
  }

  /**
   * Takes a node down with connections refused: {@link #nodeDown(int, NodeDownMode)}.
   *
   * @param node index of the node, 0-based
   */
  public void nodeDown(int node) {
    nodeDown(node, NodeDownMode.REFUSE_CONNECTIONS);
  }

  /**
   * Takes a node down: it refuses connections or accepts and never answers ({@code mode}), and the nodes that can
   * still answer list it with status {@code Fail}. If it was its side's active node, another live node of that side
   * becomes active (the guide's automatic failover).
   *
   * @param node index of the node, 0-based
   * @param mode how the node fails: connections refused or requests left hanging
   */
  public synchronized void nodeDown(int node, NodeDownMode mode) {
    checkNode(node);
    Objects.requireNonNull(mode, "mode == null");
    model.down(node, true);
    downModes[node] = mode;
    side(node).faults().nodeDown(node, mode);
    int s = model.sideOf(node);
    if (active[s] == node) {
      active[s] = model.firstLiveOnSide(s);
    }
  }

  /**
   * Brings a node back on its port; it becomes its side's active node if that side had none left.
   *
   * @param node index of the node, 0-based
   */
  public synchronized void nodeUp(int node) {
    checkNode(node);
    model.down(node, false);
    downModes[node] = null;
    side(node).faults().nodeUp(node);
    int s = model.sideOf(node);
    if (active[s] < 0) {
      active[s] = model.firstLiveOnSide(s);
    }
  }

  /**
   * The node the guide calls the active manager (of side 0; see {@link #activeNode(int)} while split), or -1 when
   * every node is down. The REST API does not expose it: this is what a test knows, not what a client can read.
   *
   * @return the active node's index, or -1
   */
  public synchronized int activeNode() {
    return active[0];
  }

  /**
   * The node that the given node's side believes is active (while split, each side has its own), or -1.
   *
   * @param node any node of the side in question, 0-based
   * @return the index of that side's active node, or -1
   */
  public synchronized int activeNode(int node) {
    checkNode(node);
    return active[model.sideOf(node)];
  }

  /**
   * Takes the active node down (connections refused) and returns the node that took over: the lowest-numbered
   * live node of the same side.
   *
   * @throws IllegalStateException if no node is active or no other live node is left
   * @return the index of the node that became active
   */
  public synchronized int activeDown() {
    int a = active[0];
    if (a < 0) {
      throw new IllegalStateException("no active node: every node of side 0 is down");
    }
    nodeDown(a);
    if (active[0] < 0) {
      throw new IllegalStateException("the active node " + hostname(a) + " went down and no live node is left");
    }
    return active[0];
  }

  /**
   * Takes the database down on a majority of the registered nodes (the last ones), so that fewer than
   * {@code n/2 + 1} database nodes are healthy: every node's {@code /cluster-status} reports {@code db} as
   * {@code Fail} (and the summary answers 500). The manager services stay up; other endpoints keep answering
   * (what a real manager answers while its database has no leader is not modelled; see docs/cluster-facts.md).
   */
  public synchronized void dbWithoutQuorum() {
    List<Integer> nodes = model.registered();
    int n = nodes.size();
    int toFail = n - n / 2;
    for (int k = 0; k < toFail; k++) {
      model.dbDown(nodes.get(n - 1 - k), true);
    }
  }

  /** Splits off the last node: {@link #splitBrain(int...)} with {@code size() - 1}. */
  public void splitBrain() {
    splitBrain(size() - 1);
  }

  /**
   * A split brain: the given nodes become side 1, the others stay side 0. Each side reaches only its own nodes, so
   * each lists the other side's nodes as failed, and each side has its own active node and its own data: side 1
   * starts from a copy of side 0's data (entities, events, archives) and from then on the two diverge (a snapshot
   * created on one side is not on the other). Requests to side 1's nodes are served, and journaled, by
   * {@link #side(int)}.
   *
   * @throws IllegalStateException if already split
   * @throws IllegalArgumentException if the nodes are empty, all nodes, or out of range
   * @param sideOneNodes the nodes cut off from the others, 0-based, neither empty nor all of them
   */
  public synchronized void splitBrain(int... sideOneNodes) {
    if (other != null) {
      throw new IllegalStateException("already split: heal() first");
    }
    if (sideOneNodes.length == 0 || sideOneNodes.length >= size()) {
      throw new IllegalArgumentException("a split needs nodes on both sides: " + Arrays.toString(sideOneNodes));
    }
    for (int n : sideOneNodes) {
      checkNode(n);
    }
    Config cfg = manager.config().copy();
    cfg.clusterSide = 1;
    cfg.storageDir = null;
    cfg.restoreFlagFile = null;
    cfg.startTime = manager.now();
    cfg.nodePorts = new int[size()];
    for (int i = 0; i < size(); i++) {
      cfg.nodePorts[i] = manager.port(i);
    }
    FakeCloudifyManager b = new FakeCloudifyManager(cfg);
    b.copyDataFrom(manager);
    for (int n : sideOneNodes) {
      model.side(n, 1);
    }
    manager.sync(); // side 0 lets go of side 1's ports
    for (int n : sideOneNodes) {
      if (downModes[n] != null) {
        manager.faults().nodeUp(n);
        b.faults().nodeDown(n, downModes[n]);
      }
    }
    other = b;
    b.start();
    if (active[0] >= 0 && model.sideOf(active[0]) != 0) {
      active[0] = model.firstLiveOnSide(0);
    }
    active[1] = model.firstLiveOnSide(1);
  }

  /**
   * True while split.
   *
   * @return whether the cluster is currently split in two sides
   */
  public synchronized boolean isSplit() {
    return other != null;
  }

  /**
   * Heals everything, keeping side 0's data: see {@link #heal(int)} with side 0's first node. Data written on
   * side 1 during the split is lost, as the guide warns.
   */
  public synchronized void heal() {
    int keep = 0;
    for (int i = 0; i < size(); i++) {
      if (model.sideOf(i) == 0) {
        keep = i;
        break;
      }
    }
    heal(keep);
  }

  /**
   * Heals everything: ends a split keeping the data of the side {@code keepDataOf} is on (the guide: the newest
   * PostgreSQL data is chosen, everything written on the other side is lost), brings every node up and every
   * database back. Nodes removed with {@code DELETE /managers/{hostname}} stay removed. The active node stays
   * where failover put it (the kept side's), or becomes the first node if none is.
   *
   * @param keepDataOf a node of the side whose data survives, 0-based
   */
  public synchronized void heal(int keepDataOf) {
    checkNode(keepDataOf);
    if (other != null) {
      if (model.sideOf(keepDataOf) == 1) {
        manager.copyDataFrom(other);
        active[0] = active[1];
      }
      other.close();
      other = null;
      for (int i = 0; i < size(); i++) {
        model.side(i, 0);
      }
      active[1] = -1;
    }
    for (int i = 0; i < size(); i++) {
      model.down(i, false);
      model.dbDown(i, false);
      downModes[i] = null;
      manager.faults().nodeUp(i);
    }
    manager.sync();
    if (active[0] < 0) {
      active[0] = model.firstLiveOnSide(0);
    }
  }

  /**
   * False once the node was removed with {@code DELETE /managers/{hostname}}: it left every node's lists.
   *
   * @param node index of the node, 0-based
   * @return whether the node is still a member of the cluster
   */
  public boolean isRegistered(int node) {
    checkNode(node);
    return !model.isRemoved(node);
  }

  /**
   * Advances the clock of every side (see {@link FakeCloudifyManager#advance(Duration)}).
   *
   * @param d how far to move every side's clock; not negative
   */
  public void advance(Duration d) {
    FakeCloudifyManager b;
    synchronized (this) {
      b = other;
    }
    manager.advance(d);
    if (b != null) {
      b.advance(d);
    }
  }

  /**
   * Side 0's request journal (while split, side 1's nodes journal in {@code side(node).journal()}).
   *
   * @return side 0's journal
   */
  public RequestJournal journal() {
    return manager.journal();
  }

  /** Stops every node and deletes the temporary storage. */
  @Override
  public synchronized void close() {
    if (other != null) {
      other.close();
      other = null;
    }
    manager.close();
  }

  private void checkNode(int node) {
    if (node < 0 || node >= model.size()) {
      throw new IllegalArgumentException("no node " + node + " in a cluster of " + model.size());
    }
  }

  /** Builder of a {@link FakeCloudifyCluster}. */
  public static final class Builder {
    private final FakeCloudifyManager.Builder inner = FakeCloudifyManager.builder().nodes(3);
    private boolean nodesSet;

    /** Use {@link FakeCloudifyCluster#builder()}. */
    public Builder() {
    }

    /**
     * Number of nodes (default 3; a community cluster has exactly 1).
     *
     * @param n the number of nodes, at least 1
     * @return this builder
     * @throws IllegalArgumentException if n is below 1
     */
    public Builder nodes(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("nodes must be >= 1: " + n);
      }
      inner.nodes(n);
      nodesSet = true;
      return this;
    }

    /**
     * The profile every node imitates (default {@link ServerProfile#V7_0_4}).
     *
     * @param p the profile
     * @return this builder
     */
    public Builder profile(ServerProfile p) {
      inner.profile(Objects.requireNonNull(p, "p == null"));
      return this;
    }

    /**
     * The admin's credentials on every node (default admin/admin).
     *
     * @param u the admin's username
     * @param p the admin's password
     * @return this builder
     */
    public Builder adminCredentials(String u, String p) {
      inner.adminCredentials(u, p);
      return this;
    }

    /**
     * The edition (default premium). {@link Edition#COMMUNITY} cannot cluster: the cluster is a single manager
     * (unless {@link #nodes(int)} asked for more, which {@link #build()} refuses).
     *
     * @param e premium or community
     * @return this builder
     */
    public Builder edition(Edition e) {
      inner.edition(Objects.requireNonNull(e, "e == null"));
      return this;
    }

    /**
     * Full access to the single-manager builder options.
     *
     * @return the underlying {@link FakeCloudifyManager.Builder}, for clock, durations, storage and the other options
     */
    public FakeCloudifyManager.Builder options() {
      return inner;
    }

    /**
     * Builds the cluster (not started).
     *
     * @throws IllegalArgumentException for a community cluster of more than one node
     * @return a new cluster, not yet started (call {@link FakeCloudifyCluster#start()})
     */
    public FakeCloudifyCluster build() {
      Config cfg = inner.cfg.copy(); // each cluster gets its own settings and model: build() may be called again
      if (cfg.edition == Edition.COMMUNITY) {
        if (nodesSet && cfg.nodes > 1) {
          throw new IllegalArgumentException("a community manager cannot form a cluster: use 1 node or premium");
        }
        cfg.nodes = 1;
      }
      cfg.nodes = Math.max(1, cfg.nodes);
      cfg.cluster = new ClusterModel(cfg.nodes);
      cfg.clusterSide = 0;
      return new FakeCloudifyCluster(new FakeCloudifyManager(cfg), cfg.cluster);
    }
  }
}
