package io.github.cloudify4j.testkit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link FakeCloudifyManagerExtension} under JUnit's parallel mode: test classes (and tests) that share one
 * extension instance run at the same time through the JUnit launcher with
 * {@code junit.jupiter.execution.parallel.enabled=true}, and each sees its own manager, alive, for as long as it
 * runs; every manager is closed afterwards. The classes below meet at a barrier, so their tests really overlap.
 *
 * <p>The nested classes only run when launched from here (surefire skips nested classes; the assumption covers IDEs).
 */
class ParallelExtensionTest {
  private static volatile boolean launched;
  private static volatile CyclicBarrier barrier;
  private static final Map<String, FakeCloudifyManager> SEEN = new ConcurrentHashMap<>();

  /** One extension, as a static field of a base class two test classes extend. */
  static final FakeCloudifyManagerExtension SHARED_BY_CLASSES = FakeCloudifyManagerExtension.builder().build();
  /** One extension, as an instance field every test of a class gets. */
  static final FakeCloudifyManagerExtension SHARED_BY_TESTS = FakeCloudifyManagerExtension.builder().build();

  @Test
  void twoTestClassesSharingAStaticExtensionEachGetTheirOwnManager() {
    TestExecutionSummary summary = runInParallel(2, FirstClass.class, SecondClass.class);

    assertPassed(summary, 2);
    assertThat(SEEN).containsOnlyKeys("FirstClass", "SecondClass");
    assertThat(SEEN.get("FirstClass")).isNotSameAs(SEEN.get("SecondClass"));
    assertClosed(SEEN.values());
    assertThat(SHARED_BY_CLASSES.manager()).as("nothing left on the launching thread").isNull();
  }

  @Test
  void concurrentTestsSharingAnInstanceFieldExtensionEachGetTheirOwnManager() {
    TestExecutionSummary summary = runInParallel(2, PerTest.class);

    assertPassed(summary, 2);
    assertThat(SEEN).containsOnlyKeys("one", "two");
    assertThat(SEEN.get("one")).isNotSameAs(SEEN.get("two"));
    assertClosed(SEEN.values());
  }

  private static TestExecutionSummary runInParallel(int parties, Class<?>... classes) {
    SEEN.clear();
    barrier = new CyclicBarrier(parties);
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    for (Class<?> c : classes) {
      request.selectors(selectClass(c));
    }
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launched = true;
    try {
      LauncherFactory.create().execute(request.build(), listener);
    } finally {
      launched = false;
    }
    return listener.getSummary();
  }

  private static void assertPassed(TestExecutionSummary summary, int tests) {
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 30);
    assertThat(summary.getTotalFailureCount()).as("failures:%n%s", failures).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
  }

  private static void assertClosed(Iterable<FakeCloudifyManager> managers) {
    for (FakeCloudifyManager m : managers) {
      assertThatThrownBy(() -> new Http(m.baseUrl()).get("/api/version"))
          .as("%s is closed", m.baseUrl())
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  /**
   * Seeds {@code blueprints} into the manager it was given, waits until every party is inside its test, then checks
   * over HTTP that the manager still holds exactly its own blueprints and is the one {@code manager()} names.
   */
  private static void seedMeetAndCheck(String name, FakeCloudifyManagerExtension ext, FakeCloudifyManager m,
      int blueprints) throws Exception {
    assumeTrue(launched, "runs only when launched by ParallelExtensionTest");
    assertThat(ext.manager()).isSameAs(m);
    m.seed().blueprints(blueprints);
    barrier.await(30, SECONDS);   // every party has its manager and has seeded it
    Http http = new Http(m.baseUrl());
    assertThat(http.get("/blueprints?_size=0").json().path("metadata").path("pagination").path("total").asInt())
        .as("%s's blueprints", name)
        .isEqualTo(blueprints);
    assertThat(ext.manager()).isSameAs(m);
    SEEN.put(name, m);
    barrier.await(30, SECONDS);   // nobody's manager is closed before every party has checked its own
  }

  abstract static class SharedBase {
    @RegisterExtension
    static FakeCloudifyManagerExtension manager = SHARED_BY_CLASSES;
  }

  static final class FirstClass extends SharedBase {
    @Test
    void seesOnlyItsOwnManager(FakeCloudifyManager m) throws Exception {
      seedMeetAndCheck("FirstClass", manager, m, 1);
    }
  }

  static final class SecondClass extends SharedBase {
    @Test
    void seesOnlyItsOwnManager(FakeCloudifyManager m) throws Exception {
      seedMeetAndCheck("SecondClass", manager, m, 2);
    }
  }

  static final class PerTest {
    @RegisterExtension
    FakeCloudifyManagerExtension manager = SHARED_BY_TESTS;

    @Test
    void one(FakeCloudifyManager m) throws Exception {
      seedMeetAndCheck("one", manager, m, 3);
    }

    @Test
    void two(FakeCloudifyManager m) throws Exception {
      seedMeetAndCheck("two", manager, m, 4);
    }
  }

  @Test
  void aNestedClassSharesItsEnclosingClassesManager() {
    TestExecutionSummary summary = runInParallel(1, Outer.class);

    assertPassed(summary, 2);
    assertThat(SEEN).containsOnlyKeys("outer", "nested");
    assertThat(SEEN.get("nested")).isSameAs(SEEN.get("outer"));
    assertClosed(SEEN.values());
  }

  static final FakeCloudifyManagerExtension SHARED_BY_NESTING = FakeCloudifyManagerExtension.builder().build();

  static final class Outer {
    @RegisterExtension
    static FakeCloudifyManagerExtension manager = SHARED_BY_NESTING;

    @Test
    void outer(FakeCloudifyManager m) {
      assumeTrue(launched, "runs only when launched by ParallelExtensionTest");
      SEEN.put("outer", m);
    }

    @org.junit.jupiter.api.Nested
    final class Inner {
      @Test
      void nested(FakeCloudifyManager m) {
        assumeTrue(launched, "runs only when launched by ParallelExtensionTest");
        assertThat(manager.manager()).isSameAs(m);
        SEEN.put("nested", m);
      }
    }
  }

  @Test
  void managerIsNullOutsideTests() {
    assertThat(FakeCloudifyManagerExtension.builder().build().manager()).isNull();
    assertThat(List.of(SHARED_BY_CLASSES, SHARED_BY_TESTS)).allSatisfy(e -> assertThat(e.manager()).isNull());
  }
}
