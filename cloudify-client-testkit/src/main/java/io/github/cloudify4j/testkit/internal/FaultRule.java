package io.github.cloudify4j.testkit.internal;

import java.time.Duration;

/** One armed fault. Guarded by the owning Faults instance. */
public final class FaultRule {
  public enum Type { STATUS_HTML, STATUS_JSON, DELAY, HANG, DROP_RESPONSE_AFTER, DROP_REQUEST_AFTER, STORE_THEN_DROP }

  public final String method;
  public final String pathPrefix;
  public final int node;
  public final Type type;
  public final long bytes;
  public final int status;
  public final Duration delay;
  public int remaining;

  public FaultRule(String method, String pathPrefix, int node, Type type, long bytes, int status, Duration delay,
           int times) {
    this.method = method;
    this.pathPrefix = pathPrefix;
    this.node = node;
    this.type = type;
    this.bytes = bytes;
    this.status = status;
    this.delay = delay;
    this.remaining = times;
  }

  public boolean matches(String m, String path, int n) {
    return (method == null || method.equalsIgnoreCase(m)) && path.startsWith(pathPrefix)
        && (node < 0 || node == n);
  }
}
