package io.github.cloudify4j.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What the robustness suite ran, counted honestly: every robustness class registers this extension, every scenario
 * bumps the counters it exercised, and after each class the totals so far are rewritten to
 * {@code target/robustness-figures.properties} (surefire runs all classes in one JVM, so the file written after
 * the last class holds the totals of the run).
 */
public final class Figures implements BeforeAllCallback, AfterAllCallback, TestWatcher {
  /** The counters the README quotes. */
  public enum Counter {
    /** Test methods (a parameterized invocation counts once) that passed. */
    TESTS_PASSED,
    /** Test methods that failed (a green build has 0). */
    TESTS_FAILED,
    /** Test methods disabled (e.g. a known bug awaiting its fix). */
    TESTS_DISABLED,
    /** Individual scenarios checked (one cut point, one bad input, one malformed answer...). */
    CASES,
    /** Faults injected into the fake manager or MockWebServer (cuts, drops, refusals, hangs, 5xx, restarts). */
    FAULTS_INJECTED,
    /** Transfer cut points (download and upload). */
    TRANSFER_CUTS,
    /** Restart windows ridden out (or refused) by the restore orchestrator. */
    RESTART_WINDOWS,
    /** HA failover scenarios. */
    FAILOVER_SCENARIOS,
    /** Bad arguments given to the public API. */
    BAD_INPUTS,
    /** Malformed or unexpected server answers fed to read endpoints. */
    MALFORMED_RESPONSES,
    /** Secret-leak checks (one log level x auth mode x path). */
    SECRET_CHECKS,
    /** Log lines scanned for secrets. */
    LOG_LINES_SCANNED,
    /** Calls made by the concurrency test. */
    CONCURRENT_CALLS
  }

  private static final Map<Counter, AtomicLong> COUNTS = new ConcurrentHashMap<>();
  private static final long JVM_START = System.nanoTime();
  private static final Path FILE = Paths.get("target", "robustness-figures.properties");
  private static final Map<String, Long> CLASS_MILLIS = new ConcurrentHashMap<>();

  static {
    for (Counter c : Counter.values()) {
      COUNTS.put(c, new AtomicLong());
    }
  }

  public static void add(Counter counter, long n) {
    COUNTS.get(counter).addAndGet(n);
  }

  public static void inc(Counter counter) {
    add(counter, 1);
  }

  /** One scenario checked. */
  public static void cases(long n) {
    add(Counter.CASES, n);
  }

  public static long get(Counter counter) {
    return COUNTS.get(counter).get();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(ExtensionContext.Namespace.create(Figures.class))
        .put("start", System.nanoTime());
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    inc(Counter.TESTS_PASSED);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    inc(Counter.TESTS_FAILED);
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    inc(Counter.TESTS_FAILED);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    inc(Counter.TESTS_DISABLED);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Long start = context.getStore(ExtensionContext.Namespace.create(Figures.class)).get("start", Long.class);
    if (start != null) {
      CLASS_MILLIS.put(context.getRequiredTestClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
    }
    write();
  }

  static synchronized void write() {
    Map<String, String> out = new TreeMap<>();
    for (Counter c : Counter.values()) {
      out.put(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.'), String.valueOf(get(c)));
    }
    long total = 0;
    for (Map.Entry<String, Long> e : CLASS_MILLIS.entrySet()) {
      out.put("millis." + e.getKey(), String.valueOf(e.getValue()));
      total += e.getValue();
    }
    out.put("classes", String.valueOf(CLASS_MILLIS.size()));
    out.put("millis.total", String.valueOf(total));
    StringBuilder sb = new StringBuilder("# cloudify4j robustness suite figures (rewritten after each class)\n");
    out.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    try {
      Files.createDirectories(FILE.getParent());
      Files.write(FILE, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("[robustness] classes=" + CLASS_MILLIS.size() + " tests=" + get(Counter.TESTS_PASSED)
        + " passed/" + get(Counter.TESTS_FAILED) + " failed/" + get(Counter.TESTS_DISABLED) + " disabled, cases="
        + get(Counter.CASES) + ", faults=" + get(Counter.FAULTS_INJECTED) + ", badInputs="
        + get(Counter.BAD_INPUTS) + ", malformed=" + get(Counter.MALFORMED_RESPONSES) + ", secretChecks="
        + get(Counter.SECRET_CHECKS) + ", " + total + " ms -> " + FILE.toAbsolutePath());
  }
}
