package io.github.cloudify4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tiny test client built on java.net.http (no code shared with the SDK). */
final class Http {
  static final ObjectMapper M = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String base;
  String user = "admin";
  String password = "admin";
  String token;
  String tenant = "default_tenant";
  final Map<String, String> extra = new LinkedHashMap<>();
  Duration timeout = Duration.ofSeconds(10);

  Http(String base) {
    this.base = base;
  }

  Http as(String u, String p) {
    Http h = copy();
    h.user = u;
    h.password = p;
    return h;
  }

  Http anonymous() {
    Http h = copy();
    h.user = null;
    return h;
  }

  Http tenant(String t) {
    Http h = copy();
    h.tenant = t;
    return h;
  }

  Http header(String k, String v) {
    Http h = copy();
    h.extra.put(k, v);
    return h;
  }

  Http timeout(Duration d) {
    Http h = copy();
    h.timeout = d;
    return h;
  }

  private Http copy() {
    Http h = new Http(base);
    h.user = user;
    h.password = password;
    h.token = token;
    h.tenant = tenant;
    h.extra.putAll(extra);
    h.timeout = timeout;
    return h;
  }

  static final class Res {
    final int status;
    final byte[] body;
    final HttpResponse<byte[]> raw;

    Res(HttpResponse<byte[]> r) {
      this.status = r.statusCode();
      this.body = r.body();
      this.raw = r;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return M.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text(), e);
      }
    }

    String header(String n) {
      return raw.headers().firstValue(n).orElse(null);
    }
  }

  HttpRequest.Builder req(String path) {
    String url = path.startsWith("http") ? path : base + (path.startsWith("/api/") ? path : "/api/v3.1" + path);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (token != null) {
      b.header("Authentication-Token", token);
    }
    if (tenant != null) {
      b.header("Tenant", tenant);
    }
    extra.forEach(b::header);
    return b;
  }

  Res send(HttpRequest r) {
    try {
      return new Res(CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  Res get(String path) {
    return send(req(path).GET().build());
  }

  Res delete(String path) {
    return send(req(path).DELETE().build());
  }

  Res json(String method, String path, String body) {
    return send(req(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Res put(String path, String body) {
    return json("PUT", path, body);
  }

  Res post(String path, String body) {
    return json("POST", path, body);
  }

  Res postEmpty(String path) {
    return send(req(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  Res putBytes(String path, byte[] data) {
    return send(req(path).header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
  }
}
