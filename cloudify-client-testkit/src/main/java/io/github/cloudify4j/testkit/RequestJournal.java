package io.github.cloudify4j.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Every request the fake received, in arrival order. Thread-safe. */
public final class RequestJournal {
  private final List<RecordedRequest> entries = new ArrayList<>();

  /** An empty journal; each fake manager keeps its own ({@code FakeCloudifyManager.journal()}). */
  public RequestJournal() {
  }

  /**
   * Internal: records a new request.
   *
   * @param node index of the node that received it
   * @param method the HTTP method
   * @param path the request path
   * @param query the raw query string, or null
   * @param headers the request headers
   * @param time the fake's time of arrival
   * @return the new entry
   */
  public RecordedRequest record(int node, String method, String path, String query,
                  Map<String, List<String>> headers, Instant time) {
    RecordedRequest r = new RecordedRequest(node, method, path, query, RecordedRequest.unmodifiable(headers), time);
    synchronized (entries) {
      entries.add(r);
    }
    return r;
  }

  /**
   * Internal: sets body info.
   *
   * @param r the entry
   * @param size the body size in bytes
   * @param body the whole body, or null (empty body, archive upload, or a request dropped half-way)
   */
  public static void body(RecordedRequest r, long size, byte[] body) {
    r.bodySize = size;
    r.body = body;
  }

  /**
   * Internal: sets the answered status.
   *
   * @param r the entry
   * @param status the HTTP status answered
   */
  public static void status(RecordedRequest r, int status) {
    r.status = status;
  }

  /** {@return a snapshot copy of every request, in arrival order} */
  public List<RecordedRequest> all() {
    synchronized (entries) {
      return new ArrayList<>(entries);
    }
  }

  /** {@return how many requests were received} */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** {@return whether no request was received} */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** Forgets every request received so far (e.g. after seeding, to assert only what the test sends). */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /**
   * The latest request, or null.
   *
   * @return the most recent request, or null if there is none
   */
  public RecordedRequest last() {
    synchronized (entries) {
      return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }
  }

  /**
   * Requests that satisfy a predicate.
   *
   * @param p the predicate
   * @return the matching requests, in arrival order
   */
  public List<RecordedRequest> filter(Predicate<RecordedRequest> p) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : all()) {
      if (p.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Requests with this method (null = any) whose path starts with the prefix; a prefix not starting with
   * {@code /api/} is taken relative to {@code /api/v3.1} (e.g. {@code "/snapshots/"}).
   *
   * @param method the HTTP method, or null for any
   * @param pathPrefix the path prefix
   * @return the matching requests, in arrival order
   */
  public List<RecordedRequest> matching(String method, String pathPrefix) {
    String p = normalize(pathPrefix);
    return filter(r -> (method == null || method.equalsIgnoreCase(r.method())) && r.path().startsWith(p));
  }

  /**
   * The number of requests {@link #matching(String, String)} returns.
   *
   * @param method the HTTP method, or null for any
   * @param pathPrefix the path prefix
   * @return how many requests match
   */
  public int count(String method, String pathPrefix) {
    return matching(method, pathPrefix).size();
  }

  /**
   * Requests answered by one node.
   *
   * @param node index of the node, 0-based
   * @return that node's requests, in arrival order
   */
  public List<RecordedRequest> onNode(int node) {
    return filter(r -> r.node() == node);
  }

  static String normalize(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "/";
    }
    return prefix.startsWith("/api/") || prefix.equals("/api") ? prefix : "/api/v3.1" + (prefix.startsWith("/") ? "" : "/") + prefix;
  }
}
