package io.github.cloudify4j.testkit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension owning one {@link FakeCloudifyManager}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeCloudifyManagerExtension manager = FakeCloudifyManagerExtension.builder()
 *         .profile(ServerProfile.V7_0_4).build();
 *
 * @Test void lists(FakeCloudifyManager m) { ... m.baseUrl() ... }
 * }</pre>
 *
 * <p>As a static field the manager starts once per class and is {@link FakeCloudifyManager#reset() reset} before
 * each test; as an instance field it starts and stops around each test. Test methods and constructors may declare a
 * {@link FakeCloudifyManager} parameter. {@code @Nested} classes share their enclosing class's manager.
 *
 * <p>The extension keeps no manager in its fields: each manager lives in JUnit's {@link ExtensionContext.Store} of
 * the class (static field) or of the test (instance field) it belongs to, and JUnit closes it when that class or
 * test is done. So one extension instance can serve test classes that JUnit runs in parallel
 * ({@code junit.jupiter.execution.parallel.enabled}), e.g. a static field of a shared base class or holder: each
 * class gets its own manager, and none closes another's. Uses only extension APIs of JUnit 5.0.
 */
public final class FakeCloudifyManagerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** Store key of a manager that belongs to a test class (a static field): reset before each test. */
  private static final String CLASS_MANAGER = "classManager";
  /** Store key of a manager that belongs to one test (an instance field). */
  private static final String TEST_MANAGER = "testManager";
  /** Store key of what {@link #manager()} returned on this thread before the current class or test began. */
  private static final String PREVIOUS_CURRENT = "previousCurrent";

  private final FakeCloudifyManager.Builder builder;
  private final ExtensionContext.Namespace namespace;
  /**
   * Only for {@link #manager()}: the manager of the class or test running on each thread. JUnit runs a test's
   * callbacks and its method on one thread; the managers themselves are in the store.
   */
  private final ThreadLocal<FakeCloudifyManager> current = new ThreadLocal<>();

  private FakeCloudifyManagerExtension(FakeCloudifyManager.Builder builder) {
    this.builder = builder;
    this.namespace = ExtensionContext.Namespace.create(FakeCloudifyManagerExtension.class, this);
  }

  /**
   * Builder; every {@link FakeCloudifyManager.Builder} option is available through {@link Builder#configure}.
   *
   * @return a new extension builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The manager of the test (or test class) running on the calling thread; null outside tests. A test parameter
   * of type {@link FakeCloudifyManager} is the surer way to get it.
   *
   * @return the calling thread's manager, or null
   */
  public FakeCloudifyManager manager() {
    return current.get();
  }

  /**
   * The {@link FakeCloudifyManager#baseUrl() base URL} of {@link #manager()}.
   *
   * @return the current manager's base URL
   */
  public String baseUrl() {
    FakeCloudifyManager m = manager();
    if (m == null) {
      throw new IllegalStateException("no fake manager on this thread: baseUrl() works inside a test");
    }
    return m.baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    FakeCloudifyManager m = classManager(context);   // an enclosing class's, or one made for a constructor
    if (m == null) {
      m = start(context, CLASS_MANAGER);
    }
    enter(context, m);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    leave(context);   // JUnit closes the class's manager with the class's store
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    FakeCloudifyManager m = classManager(context);
    if (m != null) {
      m.reset();
    } else {
      m = testManager(context);
      if (m == null) {
        m = start(context, TEST_MANAGER);
      }
    }
    enter(context, m);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    leave(context);   // JUnit closes a test's own manager with the test's store
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> t = p.getParameter().getType();
    return t == FakeCloudifyManager.class || t == FakeCloudifyManagerExtension.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    if (p.getParameter().getType() == FakeCloudifyManagerExtension.class) {
      return this;
    }
    FakeCloudifyManager m = classManager(e);
    if (m == null) {
      m = testManager(e);
    }
    if (m == null) {
      // A constructor parameter resolved before beforeAll (PER_CLASS lifecycle) or before beforeEach.
      m = start(e, e.getTestMethod().isPresent() ? TEST_MANAGER : CLASS_MANAGER);
    }
    return m;
  }

  private FakeCloudifyManager classManager(ExtensionContext context) {
    Resource r = context.getStore(namespace).get(CLASS_MANAGER, Resource.class);   // this context or a parent's
    return r == null ? null : r.manager;
  }

  private FakeCloudifyManager testManager(ExtensionContext context) {
    Resource r = context.getStore(namespace).get(TEST_MANAGER, Resource.class);
    return r == null ? null : r.manager;
  }

  private FakeCloudifyManager start(ExtensionContext context, String key) {
    FakeCloudifyManager m = builder.build().start();
    context.getStore(namespace).put(key, new Resource(m));
    return m;
  }

  private void enter(ExtensionContext context, FakeCloudifyManager m) {
    context.getStore(namespace).put(PREVIOUS_CURRENT, new Previous(current.get()));
    current.set(m);
  }

  private void leave(ExtensionContext context) {
    Previous previous = context.getStore(namespace).remove(PREVIOUS_CURRENT, Previous.class);
    if (previous == null || previous.manager == null) {
      current.remove();
    } else {
      current.set(previous.manager);
    }
  }

  /** What {@link #manager()} said before a class or test began (a holder: the store takes no nulls). */
  private static final class Previous {
    final FakeCloudifyManager manager;

    Previous(FakeCloudifyManager manager) {
      this.manager = manager;
    }
  }

  /**
   * A manager in the store, closed by JUnit with the store's context. {@code CloseableResource} is what JUnit 5.0
   * to 5.12 close; 5.13+ close {@code AutoCloseable} values instead (and deprecate the former). Closing twice is
   * harmless.
   */
  @SuppressWarnings("deprecation")
  private static final class Resource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final FakeCloudifyManager manager;
    private final AtomicBoolean closed = new AtomicBoolean();

    Resource(FakeCloudifyManager manager) {
      this.manager = manager;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        manager.close();
      }
    }
  }

  /** Builder. */
  public static final class Builder {
    private final FakeCloudifyManager.Builder inner = FakeCloudifyManager.builder();

    /** A builder with the fake manager's defaults; the same as {@code FakeCloudifyManagerExtension.builder()}. */
    public Builder() {
    }

    /**
     * The version and API shape to imitate (default 7.0.4); see {@link
     * FakeCloudifyManager.Builder#profile(ServerProfile)}.
     *
     * @param p the profile
     * @return this builder
     */
    public Builder profile(ServerProfile p) {
      inner.profile(p);
      return this;
    }

    /**
     * The admin's credentials (default {@code admin}/{@code admin}).
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
     * The default tenant (default {@code default_tenant}), used when no {@code Tenant} header is sent.
     *
     * @param t the tenant's name
     * @return this builder
     */
    public Builder tenant(String t) {
      inner.tenant(t);
      return this;
    }

    /**
     * Number of manager nodes sharing one state (default 1).
     *
     * @param n the number of nodes, at least 1
     * @return this builder
     */
    public Builder nodes(int n) {
      inner.nodes(n);
      return this;
    }

    /**
     * Real-time clock with a background ticker instead of the manual virtual clock (the default).
     *
     * @return this builder
     */
    public Builder realTime() {
      inner.realTime();
      return this;
    }

    /**
     * The edition (default premium); see {@link FakeCloudifyManager.Builder#edition(Edition)}.
     *
     * @param edition premium or community
     * @return this builder
     */
    public Builder edition(Edition edition) {
      inner.edition(edition);
      return this;
    }

    /**
     * Who moves workflows forward (default automatic); see {@link FakeCloudifyManager.Builder#workflows}.
     *
     * @param mode who runs snapshot workflows
     * @return this builder
     */
    public Builder workflows(WorkflowMode mode) {
      inner.workflows(mode);
      return this;
    }

    /**
     * Any other option of {@link FakeCloudifyManager.Builder}.
     *
     * @param c called once, now, with the builder every manager of this extension is built from
     * @return this builder
     */
    public Builder configure(Consumer<FakeCloudifyManager.Builder> c) {
      c.accept(inner);
      return this;
    }

    /** {@return the extension; register it with {@code @RegisterExtension} on a static or instance field} */
    public FakeCloudifyManagerExtension build() {
      return new FakeCloudifyManagerExtension(inner);
    }
  }
}
