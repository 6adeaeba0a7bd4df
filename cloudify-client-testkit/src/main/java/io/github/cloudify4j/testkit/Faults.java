package io.github.cloudify4j.testkit;

import io.github.cloudify4j.testkit.internal.FaultRule;
import io.github.cloudify4j.testkit.internal.FaultRules;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Fault injection. Faults target requests by method and path prefix and fire once by default
 * ({@link Target#times(int)}, {@link Target#always()}). Rules are checked in the order they were armed;
 * a request triggers at most one rule. Thread-safe and deterministic.
 *
 * <pre>{@code
 * manager.faults().on("GET", "/snapshots/s1/archive").dropResponseAfterBytes(1024);
 * manager.faults().on(null, "/").times(3).respondWithStatus(502);     // nginx HTML 502 x3
 * manager.faults().on("GET", "/status").hang();                        // until clearAll()/close
 * manager.faults().nodeDown(0, NodeDownMode.REFUSE_CONNECTIONS);
 * }</pre>
 */
public final class Faults {
  private final FaultRules rules;

  /** Made by the manager ({@code manager.faults()}). */
  Faults(FaultRules rules) {
    this.rules = rules;
  }

  /**
   * Starts a rule for requests with this method (null = any) and path prefix. A prefix that does not start with
   * {@code /api/} is relative to {@code /api/v3.1}: {@code "/snapshots/"} matches {@code /api/v3.1/snapshots/...}.
   */
  public Target on(String method, String pathPrefix) {
    return new Target(method, RequestJournal.normalize(pathPrefix));
  }

  /** Takes a node (0-based) down. */
  public void nodeDown(int node, NodeDownMode mode) {
    rules.nodes().down(node, mode);
  }

  /** Takes the (first) node down. */
  public void nodeDown(NodeDownMode mode) {
    nodeDown(0, mode);
  }

  /** Brings a node back (re-binds the same port). */
  public void nodeUp(int node) {
    rules.nodes().up(node);
  }

  public void nodeUp() {
    nodeUp(0);
  }

  /** Removes all armed rules and releases every hanging request. */
  public void clearAll() {
    rules.clearAll();
  }

  /** Number of armed rules that can still fire. */
  public int armed() {
    return rules.armed();
  }

  /** A rule being built. */
  public final class Target {
    private final String method;
    private final String prefix;
    private int times = 1;
    private int node = -1;

    Target(String method, String prefix) {
      this.method = method;
      this.prefix = prefix;
    }

    /** Fire for the next n matching requests (default 1). */
    public Target times(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("times must be >= 1");
      }
      this.times = n;
      return this;
    }

    /** Fire for every matching request until {@link Faults#clearAll()}. */
    public Target always() {
      this.times = -1;
      return this;
    }

    /** Only requests that reach this node (0-based). */
    public Target onNode(int n) {
      this.node = n;
      return this;
    }

    private Faults arm(FaultRule.Type type, long bytes, int status, Duration delay) {
      rules.add(new FaultRule(method, prefix, node, type, bytes, status, delay, times));
      return Faults.this;
    }

    /** Sends the headers (with the full Content-Length) and n body bytes, then closes the connection. */
    public Faults dropResponseAfterBytes(long n) {
      return arm(FaultRule.Type.DROP_RESPONSE_AFTER, n, 0, null);
    }

    /** Reads n request body bytes, then closes the connection without answering. */
    public Faults dropRequestAfterBytes(long n) {
      return arm(FaultRule.Type.DROP_REQUEST_AFTER, n, 0, null);
    }

    /** Processes the request fully (e.g. stores the upload) and then closes the connection without answering. */
    public Faults processThenDropConnection() {
      return arm(FaultRule.Type.STORE_THEN_DROP, 0, 0, null);
    }

    /** Holds the request until the fake's clock has advanced by d, then processes it normally. */
    public Faults delay(Duration d) {
      return arm(FaultRule.Type.DELAY, 0, 0, d);
    }

    /** Accepts the request and never answers (until {@link Faults#clearAll()} or close; then the connection drops). */
    public Faults hang() {
      return arm(FaultRule.Type.HANG, 0, 0, null);
    }

    /** Answers with this status and nginx's HTML page (502, 503, 504, 404...). */
    public Faults respondWithStatus(int status) {
      return arm(FaultRule.Type.STATUS_HTML, 0, status, null);
    }

    /** Answers with this status and a JSON error body (e.g. 503 {@code maintenance_mode_active}-like). */
    public Faults respondWithJsonError(int status) {
      return arm(FaultRule.Type.STATUS_JSON, 0, status, null);
    }
  }

  static IntConsumer noop() {
    return i -> { };
  }
}
