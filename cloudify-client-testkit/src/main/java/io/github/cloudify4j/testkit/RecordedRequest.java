package io.github.cloudify4j.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One request as the fake received it. Immutable except for the response status, set when answered. */
public final class RecordedRequest {
  private final int node;
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final Instant time;
  volatile long bodySize;
  volatile byte[] body;
  volatile int status = -1;

  RecordedRequest(int node, String method, String path, String query, Map<String, List<String>> headers,
          Instant time) {
    this.node = node;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.time = time;
  }

  /** Index (0-based) of the node that received the request; 0 for a single manager. */
  public int node() {
    return node;
  }

  public String method() {
    return method;
  }

  /** The raw path, e.g. {@code /api/v3.1/snapshots/s1/archive}. */
  public String path() {
    return path;
  }

  /** The raw query string, or null. */
  public String query() {
    return query;
  }

  /** Headers with lower-case names. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** First value of a header (case-insensitive name), or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Number of request body bytes the fake read. */
  public long bodySize() {
    return bodySize;
  }

  /** The request body for JSON requests (null for archive uploads and empty bodies). */
  public byte[] body() {
    return body;
  }

  public String bodyAsString() {
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }

  /** HTTP status answered, or -1 if the connection was dropped / never answered. */
  public int status() {
    return status;
  }

  /** The fake's clock when the request arrived. */
  public Instant time() {
    return time;
  }

  /** Convenience: path relative to {@code /api/v3.1} (e.g. {@code /snapshots/s1}). */
  public String apiPath() {
    return path.startsWith("/api/v3.1") ? path.substring("/api/v3.1".length()) : path;
  }

  @Override
  public String toString() {
    return "node" + node + " " + method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
  }

  static Map<String, List<String>> unmodifiable(Map<String, List<String>> m) {
    return Collections.unmodifiableMap(m);
  }
}
