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
   *
   * @param method the HTTP method, e.g. {@code GET}, or null for any
   * @param pathPrefix the path prefix to match
   * @return the rule, to be finished with one of its fault methods
   */
  public Target on(String method, String pathPrefix) {
    return new Target(method, RequestJournal.normalize(pathPrefix));
  }

  /**
   * Takes a node (0-based) down.
   *
   * @param node index of the node, 0-based
   * @param mode how the node fails: connections refused or requests left hanging
   */
  public void nodeDown(int node, NodeDownMode mode) {
    rules.nodes().down(node, mode);
  }

  /**
   * Takes the (first) node down.
   *
   * @param mode how the node fails: connections refused or requests left hanging
   */
  public void nodeDown(NodeDownMode mode) {
    nodeDown(0, mode);
  }

  /**
   * Brings a node back (re-binds the same port).
   *
   * @param node index of the node, 0-based
   */
  public void nodeUp(int node) {
    rules.nodes().up(node);
  }

  /** Brings the (first) node back (re-binds the same port). */
  public void nodeUp() {
    nodeUp(0);
  }

  /** Removes all armed rules and releases every hanging request. */
  public void clearAll() {
    rules.clearAll();
  }

  /**
   * Number of armed rules that can still fire.
   *
   * @return how many rules are still armed
   */
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

    /**
     * Fire for the next n matching requests (default 1).
     *
     * @param n how many matching requests the fault hits, at least 1
     * @return this rule
     */
    public Target times(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("times must be >= 1");
      }
      this.times = n;
      return this;
    }

    /**
     * Fire for every matching request until {@link Faults#clearAll()}.
     *
     * @return this rule
     */
    public Target always() {
      this.times = -1;
      return this;
    }

    /**
     * Only requests that reach this node (0-based).
     *
     * @param n index of the node, 0-based
     * @return this rule
     */
    public Target onNode(int n) {
      this.node = n;
      return this;
    }

    private Faults arm(FaultRule.Type type, long bytes, int status, Duration delay) {
      rules.add(new FaultRule(method, prefix, node, type, bytes, status, delay, times));
      return Faults.this;
    }

    /**
     * Sends the headers (with the full Content-Length) and n body bytes, then closes the connection.
     *
     * @param n body bytes sent before the drop (simulates a download cut by a proxy or a network failure)
     * @return the faults, to arm another rule
     */
    public Faults dropResponseAfterBytes(long n) {
      return arm(FaultRule.Type.DROP_RESPONSE_AFTER, n, 0, null);
    }

    /**
     * Reads n request body bytes, then closes the connection without answering.
     *
     * @param n body bytes read before the drop (simulates an upload cut half-way)
     * @return the faults, to arm another rule
     */
    public Faults dropRequestAfterBytes(long n) {
      return arm(FaultRule.Type.DROP_REQUEST_AFTER, n, 0, null);
    }

    /**
     * Processes the request fully (e.g. stores the upload) and then closes the connection without answering.
     *
     * @return the faults, to arm another rule
     */
    public Faults processThenDropConnection() {
      return arm(FaultRule.Type.STORE_THEN_DROP, 0, 0, null);
    }

    /**
     * Holds the request until the fake's clock has advanced by d, then processes it normally.
     *
     * @param d the delay, on the fake's clock
     * @return the faults, to arm another rule
     */
    public Faults delay(Duration d) {
      return arm(FaultRule.Type.DELAY, 0, 0, d);
    }

    /**
     * Accepts the request and never answers (until {@link Faults#clearAll()} or close; then the connection drops).
     *
     * @return the faults, to arm another rule
     */
    public Faults hang() {
      return arm(FaultRule.Type.HANG, 0, 0, null);
    }

    /**
     * Answers with this status and nginx's HTML page (502, 503, 504, 404...).
     *
     * @param status the HTTP status, e.g. 502 from a proxy in front of a restarting manager
     * @return the faults, to arm another rule
     */
    public Faults respondWithStatus(int status) {
      return arm(FaultRule.Type.STATUS_HTML, 0, status, null);
    }

    /**
     * Answers with this status and a JSON error body (e.g. 503 {@code maintenance_mode_active}-like).
     *
     * @param status the HTTP status
     * @return the faults, to arm another rule
     */
    public Faults respondWithJsonError(int status) {
      return arm(FaultRule.Type.STATUS_JSON, 0, status, null);
    }
  }

  static IntConsumer noop() {
    return i -> { };
  }
}
