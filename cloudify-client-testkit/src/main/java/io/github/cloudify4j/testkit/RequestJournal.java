package io.github.cloudify4j.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Every request the fake received, in arrival order. Thread-safe. */
public final class RequestJournal {
  private final List<RecordedRequest> entries = new ArrayList<>();

  /** Internal: records a new request. */
  public RecordedRequest record(int node, String method, String path, String query,
                  Map<String, List<String>> headers, Instant time) {
    RecordedRequest r = new RecordedRequest(node, method, path, query, RecordedRequest.unmodifiable(headers), time);
    synchronized (entries) {
      entries.add(r);
    }
    return r;
  }

  /** Internal: sets body info. */
  public static void body(RecordedRequest r, long size, byte[] body) {
    r.bodySize = size;
    r.body = body;
  }

  /** Internal: sets the answered status. */
  public static void status(RecordedRequest r, int status) {
    r.status = status;
  }

  public List<RecordedRequest> all() {
    synchronized (entries) {
      return new ArrayList<>(entries);
    }
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** The latest request, or null. */
  public RecordedRequest last() {
    synchronized (entries) {
      return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }
  }

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
   */
  public List<RecordedRequest> matching(String method, String pathPrefix) {
    String p = normalize(pathPrefix);
    return filter(r -> (method == null || method.equalsIgnoreCase(r.method())) && r.path().startsWith(p));
  }

  public int count(String method, String pathPrefix) {
    return matching(method, pathPrefix).size();
  }

  /** Requests answered by one node. */
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
