package io.github.cloudify4j.testkit;

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
 * {@link FakeCloudifyManager} parameter.
 */
public final class FakeCloudifyManagerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final FakeCloudifyManager.Builder builder;
  private FakeCloudifyManager manager;
  private boolean classScoped;

  private FakeCloudifyManagerExtension(FakeCloudifyManager.Builder builder) {
    this.builder = builder;
  }

  /** Builder; every {@link FakeCloudifyManager.Builder} option is available through {@link Builder#configure}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The running manager (null outside tests). */
  public FakeCloudifyManager manager() {
    return manager;
  }

  public String baseUrl() {
    return manager.baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    classScoped = true;
    manager = builder.build().start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (manager != null) {
      manager.close();
      manager = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (classScoped && manager != null) {
      manager.reset();
    } else {
      manager = builder.build().start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!classScoped && manager != null) {
      manager.close();
      manager = null;
    }
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
    if (manager == null) {
      manager = builder.build().start();
    }
    return manager;
  }

  /** Builder. */
  public static final class Builder {
    private final FakeCloudifyManager.Builder inner = FakeCloudifyManager.builder();

    public Builder profile(ServerProfile p) {
      inner.profile(p);
      return this;
    }

    public Builder adminCredentials(String u, String p) {
      inner.adminCredentials(u, p);
      return this;
    }

    public Builder tenant(String t) {
      inner.tenant(t);
      return this;
    }

    public Builder nodes(int n) {
      inner.nodes(n);
      return this;
    }

    public Builder realTime() {
      inner.realTime();
      return this;
    }

    /** The edition (default premium); see {@link FakeCloudifyManager.Builder#edition(Edition)}. */
    public Builder edition(Edition edition) {
      inner.edition(edition);
      return this;
    }

    /** Who moves workflows forward (default automatic); see {@link FakeCloudifyManager.Builder#workflows}. */
    public Builder workflows(WorkflowMode mode) {
      inner.workflows(mode);
      return this;
    }

    /** Any other option of {@link FakeCloudifyManager.Builder}. */
    public Builder configure(Consumer<FakeCloudifyManager.Builder> c) {
      c.accept(inner);
      return this;
    }

    public FakeCloudifyManagerExtension build() {
      return new FakeCloudifyManagerExtension(inner);
    }
  }
}
