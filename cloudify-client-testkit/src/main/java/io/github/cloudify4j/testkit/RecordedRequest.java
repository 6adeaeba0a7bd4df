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

  /**
   * Index (0-based) of the node that received the request; 0 for a single manager.
   *
   * @return the node's index
   */
  public int node() {
    return node;
  }

  /** {@return the HTTP method, e.g. {@code GET}} */
  public String method() {
    return method;
  }

  /**
   * The raw path, e.g. {@code /api/v3.1/snapshots/s1/archive}.
   *
   * @return the path, without the query
   */
  public String path() {
    return path;
  }

  /**
   * The raw query string, or null.
   *
   * @return the query string (still URL-encoded), or null
   */
  public String query() {
    return query;
  }

  /**
   * Headers with lower-case names.
   *
   * @return the headers; an unmodifiable map
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * First value of a header (case-insensitive name), or null.
   *
   * @param name the header's name, any letter case
   * @return the header's first value, or null if absent
   */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * Number of request body bytes the fake read.
   *
   * @return the body size in bytes (for an upload, what arrived before the end or the drop)
   */
  public long bodySize() {
    return bodySize;
  }

  /**
   * The request body for JSON requests (null for archive uploads and empty bodies).
   *
   * @return the body bytes, or null
   */
  public byte[] body() {
    return body;
  }

  /** {@return the body as UTF-8 text, or null when {@link #body()} is null} */
  public String bodyAsString() {
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }

  /**
   * HTTP status answered, or -1 if the connection was dropped / never answered.
   *
   * @return the status, or -1
   */
  public int status() {
    return status;
  }

  /**
   * The fake's clock when the request arrived.
   *
   * @return the arrival time on the fake's clock
   */
  public Instant time() {
    return time;
  }

  /**
   * Convenience: path relative to {@code /api/v3.1} (e.g. {@code /snapshots/s1}).
   *
   * @return the path without the {@code /api/v3.1} prefix
   */
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
