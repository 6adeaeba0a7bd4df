package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/** The manager nodes of a client, and which one answered last (tried first next time). */
@InternalApi
public final class ManagerNodes {
  private final List<HttpUrl> bases;
  private final AtomicInteger preferred = new AtomicInteger();

  public ManagerNodes(List<URI> managers) {
    List<HttpUrl> list = new ArrayList<>();
    for (URI uri : managers) {
      list.add(base(uri));
    }
    this.bases = Collections.unmodifiableList(list);
  }

  /** {@code https://host:port/prefix/} for a manager URI. */
  static HttpUrl base(URI uri) {
    String s = uri.toString();
    if (!s.endsWith("/")) {
      s = s + "/";
    }
    return HttpUrl.get(s);
  }

  /** Base URL of the REST API on the first node: {@code <node>/api/v3.1/}. */
  public HttpUrl apiBase() {
    return bases.get(0).resolve("api/v3.1/");
  }

  public List<HttpUrl> bases() {
    return bases;
  }

  List<HttpUrl> inPreferredOrder() {
    if (bases.size() == 1) {
      return bases;
    }
    int start = preferred.get();
    List<HttpUrl> out = new ArrayList<>(bases.size());
    for (int i = 0; i < bases.size(); i++) {
      out.add(bases.get((start + i) % bases.size()));
    }
    return out;
  }

  void prefer(HttpUrl node) {
    int index = bases.indexOf(node);
    if (index >= 0) {
      preferred.set(index);
    }
  }

  /** The node last known to answer. */
  public HttpUrl current() {
    return bases.get(preferred.get());
  }

  /** Whether {@code node} is one of these nodes (a trailing slash does not matter). */
  public boolean contains(URI node) {
    HttpUrl wanted = base(node);
    return bases.contains(wanted);
  }

  HttpUrl baseOf(URI node) {
    HttpUrl wanted = base(node);
    for (HttpUrl b : bases) {
      if (b.equals(wanted)) {
        return b;
      }
    }
    throw new IllegalArgumentException("node is not one of the client's managers: " + node);
  }

  /** The same request URL on another node (the path below the node's base is kept). */
  HttpUrl rewrite(HttpUrl url, HttpUrl node) {
    if (bases.size() == 1) {
      return url; // every request is built on the one node's base
    }
    String s = url.toString();
    for (HttpUrl b : bases) {
      String prefix = b.toString();
      if (s.startsWith(prefix)) {
        return b.equals(node) ? url : HttpUrl.get(node + s.substring(prefix.length()));
      }
    }
    return url;
  }

  /** The 0-based index of a node, in the order the client was given them; -1 if it is none of them. */
  int indexOf(HttpUrl node) {
    return bases.indexOf(node);
  }

  String label(HttpUrl node) {
    String s = node.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
