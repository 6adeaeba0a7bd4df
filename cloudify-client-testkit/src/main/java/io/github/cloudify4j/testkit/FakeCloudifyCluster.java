package io.github.cloudify4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * N manager nodes sharing one state: each node has its own port and hostname ({@code cfy-manager-1..N}) and is
 * listed in {@code /managers} and {@code /cluster-status}. A node can be taken down and brought back.
 *
 * <pre>{@code
 * try (FakeCloudifyCluster c = FakeCloudifyCluster.builder().nodes(3).profile(ServerProfile.V7_0_4).build().start()) {
 *     c.takeDown(0, NodeDownMode.REFUSE_CONNECTIONS);
 *     // client fails over to c.baseUrl(1) ...
 *     c.bringUp(0);
 * }
 * }</pre>
 */
public final class FakeCloudifyCluster implements AutoCloseable {
  private final FakeCloudifyManager manager;

  private FakeCloudifyCluster(FakeCloudifyManager manager) {
    this.manager = manager;
  }

  /** A cluster builder (3 nodes by default); all {@link FakeCloudifyManager.Builder} options apply. */
  public static Builder builder() {
    return new Builder();
  }

  public FakeCloudifyCluster start() {
    manager.start();
    return this;
  }

  /** The shared manager (state, seed, faults, journal, clock). */
  public FakeCloudifyManager manager() {
    return manager;
  }

  public int size() {
    return manager.nodeCount();
  }

  public String baseUrl(int node) {
    return manager.baseUrl(node);
  }

  /** Base URLs of all nodes, in order. */
  public List<String> baseUrls() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      out.add(baseUrl(i));
    }
    return out;
  }

  public int port(int node) {
    return manager.port(node);
  }

  public String hostname(int node) {
    return manager.hostname(node);
  }

  public void takeDown(int node, NodeDownMode mode) {
    manager.faults().nodeDown(node, mode);
  }

  public void bringUp(int node) {
    manager.faults().nodeUp(node);
  }

  public void advance(Duration d) {
    manager.advance(d);
  }

  public RequestJournal journal() {
    return manager.journal();
  }

  @Override
  public void close() {
    manager.close();
  }

  /** Builder. */
  public static final class Builder {
    private final FakeCloudifyManager.Builder inner = FakeCloudifyManager.builder().nodes(3);

    public Builder nodes(int n) {
      inner.nodes(n);
      return this;
    }

    public Builder profile(ServerProfile p) {
      inner.profile(p);
      return this;
    }

    public Builder adminCredentials(String u, String p) {
      inner.adminCredentials(u, p);
      return this;
    }

    /** Full access to the single-manager builder options. */
    public FakeCloudifyManager.Builder options() {
      return inner;
    }

    public FakeCloudifyCluster build() {
      return new FakeCloudifyCluster(inner.build());
    }
  }
}
