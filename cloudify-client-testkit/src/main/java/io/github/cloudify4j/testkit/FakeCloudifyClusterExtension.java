package io.github.cloudify4j.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test method its own started {@link FakeCloudifyCluster}, as a parameter, and
 * closes it when the test ends. A fresh cluster per test (not a reset one) because a split, a removed node or a
 * failed-over active node is topology that a test should never inherit.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeCloudifyClusterExtension clusters = FakeCloudifyClusterExtension.builder()
 *         .profile(ServerProfile.V6_4).build();
 *
 * @Test void failsOver(FakeCloudifyCluster c) { int now = c.activeDown(); ... }
 * }</pre>
 *
 * <p>Within one test, every parameter of type {@link FakeCloudifyCluster} is the same cluster. Uses only extension
 * APIs of JUnit 5.0; needs junit-jupiter-api on the test class path.
 */
public final class FakeCloudifyClusterExtension implements ParameterResolver {
  private static final String KEY = "cluster";
  private final Consumer<FakeCloudifyCluster.Builder> configuration;
  private final ExtensionContext.Namespace namespace;

  private FakeCloudifyClusterExtension(Consumer<FakeCloudifyCluster.Builder> configuration) {
    this.configuration = configuration;
    this.namespace = ExtensionContext.Namespace.create(FakeCloudifyClusterExtension.class, this);
  }

  /**
   * A builder (defaults: 3 nodes, premium, profile 7.0.4).
   *
   * @return a new extension builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Resolves parameters of type {@link FakeCloudifyCluster} of test methods. */
  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == FakeCloudifyCluster.class && e.getTestMethod().isPresent();
  }

  /** The test's cluster, built and started on first use and closed with the test. */
  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    ExtensionContext.Store store = e.getStore(namespace);
    Owned owned = store.get(KEY, Owned.class);
    if (owned == null) {
      FakeCloudifyCluster.Builder b = FakeCloudifyCluster.builder();
      configuration.accept(b);
      owned = new Owned(b.build().start());
      store.put(KEY, owned);
    }
    return owned.cluster;
  }

  /** Closes the cluster when JUnit closes the test's store. */
  private static final class Owned implements ExtensionContext.Store.CloseableResource {
    final FakeCloudifyCluster cluster;

    Owned(FakeCloudifyCluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public void close() {
      cluster.close();
    }
  }

  /** Builder of a {@link FakeCloudifyClusterExtension}. */
  public static final class Builder {
    private Consumer<FakeCloudifyCluster.Builder> configuration = b -> { };

    Builder() {
    }

    /**
     * The profile of every node (default {@link ServerProfile#V7_0_4}).
     *
     * @param p the profile
     * @return this builder
     */
    public Builder profile(ServerProfile p) {
      Objects.requireNonNull(p, "p == null");
      return configure(b -> b.profile(p));
    }

    /**
     * The number of nodes (default 3).
     *
     * @param n the number of nodes, at least 1
     * @return this builder
     */
    public Builder nodes(int n) {
      return configure(b -> b.nodes(n));
    }

    /**
     * The edition (default premium; community is a single manager).
     *
     * @param e premium or community
     * @return this builder
     */
    public Builder edition(Edition e) {
      Objects.requireNonNull(e, "e == null");
      return configure(b -> b.edition(e));
    }

    /**
     * Any other option of {@link FakeCloudifyCluster.Builder} (and, through it, of the manager builder).
     *
     * @param c called with each test's cluster builder before that cluster is built (after earlier {@code configure}s)
     * @return this builder
     */
    public Builder configure(Consumer<FakeCloudifyCluster.Builder> c) {
      Objects.requireNonNull(c, "c == null");
      Consumer<FakeCloudifyCluster.Builder> before = configuration;
      configuration = b -> {
        before.accept(b);
        c.accept(b);
      };
      return this;
    }

    /**
     * The extension.
     *
     * @return the extension; register it with {@code @RegisterExtension}
     */
    public FakeCloudifyClusterExtension build() {
      return new FakeCloudifyClusterExtension(configuration);
    }
  }
}
