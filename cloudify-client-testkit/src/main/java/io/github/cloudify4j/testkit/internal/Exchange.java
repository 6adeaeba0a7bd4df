package io.github.cloudify4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.RequestJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request's context ({@link Ctx}) and the wire helpers every endpoint shares: reading the query, headers and
 * body the way the real service (werkzeug behind nginx) reads them, and writing JSON, nginx HTML and werkzeug HTML
 * answers, with the armed fault applied. Endpoint classes import these statically.
 */
final class Exchange {
  static final int BUF = 256 * 1024;

  private Exchange() {}

  /** Thrown to close the connection without a (complete) answer. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super("connection dropped by fault injection", null, false, false);
    }
  }

  /** An answer that is not the service's JSON error body (werkzeug's HTML pages, redirects). */
  static final class HtmlAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String html;
    final String location;

    HtmlAnswer(int status, String html, String location) {
      super("html " + status, null, false, false);
      this.status = status;
      this.html = html;
      this.location = location;
    }
  }

  /** werkzeug's 400 page: what a malformed or empty JSON body gets (corpus seq 30, 31); no {@code error_code}. */
  static HtmlAnswer werkzeug400() {
    return new HtmlAnswer(400, "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request"
        + "</h1>\n<p>The browser (or proxy) sent a request that this server could not understand.</p>\n", null);
  }

  static HtmlAnswer werkzeug404() {
    return new HtmlAnswer(404, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>"
        + "\n<p>The requested URL was not found on the server. If you entered the URL manually please check your "
        + "spelling and try again.</p>\n", null);
  }

  /** Per-request context. */
  static final class Ctx {
    HttpExchange ex;
    Server.Node node;
    RecordedRequest rec;
    FaultRule fault;
    String method;
    /** A HEAD request, served as its GET without the body ({@link #method} is then {@code GET}). */
    boolean head;
    String path;
    List<String> seg; // after /api/v3.1
    Map<String, List<String>> query = new LinkedHashMap<>();
    byte[] body;
    String user;
    String role;
    String tenant;

    String q(String k) {
      List<String> v = query.get(k);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    boolean qTrue(String k) {
      String v = q(k);
      return v != null && v.equalsIgnoreCase("true");
    }
  }

  static String header(Ctx c, String name) {
    return c.ex.getRequestHeaders().getFirst(name);
  }

  /** The last of a repeated header: what werkzeug reads for {@code Content-Type} (corpus seq 28, 128, 129). */
  static String lastHeader(Ctx c, String name) {
    List<String> v = c.ex.getRequestHeaders().get(name);
    return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
  }

  /** A repeated header as the WSGI server joins it: the values separated by a comma (corpus seq 14). */
  static String joinedHeader(Ctx c, String name) {
    List<String> v = c.ex.getRequestHeaders().get(name);
    return v == null || v.isEmpty() ? null : String.join(",", v);
  }

  static void parseQuery(Ctx c, String raw) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String kv : raw.split("&")) {
      if (kv.isEmpty()) {
        continue;
      }
      int i = kv.indexOf('=');
      String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
      String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
      c.query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
  }

  static byte[] readAll(Ctx c) {
    if (c.body != null) {
      return c.body;
    }
    try (InputStream in = c.ex.getRequestBody()) {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int r;
      long limit = c.fault != null && c.fault.type == FaultRule.Type.DROP_REQUEST_AFTER ? c.fault.bytes
          : Long.MAX_VALUE;
      while ((r = in.read(buf)) > 0) {
        bo.write(buf, 0, r);
        if (bo.size() >= limit) {
          RequestJournal.body(c.rec, bo.size(), null);
          throw new Abort();
        }
      }
      c.body = bo.toByteArray();
      RequestJournal.body(c.rec, c.body.length, c.body.length == 0 ? null : c.body);
      return c.body;
    } catch (IOException e) {
      throw new Abort();
    }
  }

  static void drain(Ctx c) {
    readAll(c);
  }

  /**
   * The service's {@code get_json_and_verify_params}, for every JSON-body endpoint: the {@code Content-Type}
   * header (the last one, when repeated) must be exactly {@code application/json} — no parameter, no other letter
   * case, not missing — else 415 {@code unsupported_content_type_error} (corpus seq 20, 21, 24, 27, 29, 66, 124);
   * a body that does not parse (or is empty) gets werkzeug's HTML 400 (seq 30, 31); each required key is looked
   * up with Python's {@code in}, which also "works" on a list or a string: missing → 400 "Missing X in json
   * request body" (seq 64, 68). The value may be any JSON value: what a handler does with a non-object is the
   * handler's business (a 500 mostly, {@link #object}).
   */
  static JsonNode jsonBody(Ctx c, String... required) {
    String ct = lastHeader(c, "Content-Type");
    byte[] b = readAll(c);
    if (!"application/json".equals(ct)) {
      throw new ApiException(415, "unsupported_content_type_error", "Content type must be application/json");
    }
    JsonNode n;
    try {
      n = b.length == 0 ? null : Json.parse(b);
    } catch (IOException e) {
      n = null;
    }
    if (n == null || n.isMissingNode()) {
      throw werkzeug400();
    }
    for (String k : required) {
      boolean in;
      if (n.isObject()) {
        in = n.has(k);
      } else if (n.isArray()) {
        in = false;
        for (JsonNode x : n) {
          in |= x.isTextual() && x.asText().equals(k);
        }
      } else if (n.isTextual()) {
        in = n.asText().contains(k);
      } else {
        throw ApiException.internal("TypeError", "argument of type '" + pyType(n) + "' is not iterable");
      }
      if (!in) {
        throw ApiException.badParams("Missing " + k + " in json request body");
      }
    }
    return n;
  }

  /** The body as a dict, or the 500 Python's {@code request_dict.get(...)} gives on anything else (seq 32). */
  static ObjectNode object(JsonNode n) {
    if (!n.isObject()) {
      throw ApiException.internal("AttributeError", "'" + pyType(n) + "' object has no attribute 'get'");
    }
    return (ObjectNode) n;
  }

  static String pyType(JsonNode n) {
    if (n.isArray()) {
      return "list";
    }
    if (n.isTextual()) {
      return "str";
    }
    if (n.isBoolean()) {
      return "bool";
    }
    if (n.isIntegralNumber()) {
      return "int";
    }
    if (n.isNumber()) {
      return "float";
    }
    return n.isNull() ? "NoneType" : "dict";
  }

  static void sendJson(Ctx c, int status, JsonNode body) {
    readAll(c);
    JsonNode clean = body.isObject() ? stripInternal((ObjectNode) body) : body;
    sendRaw(c, status, "application/json", Json.bytes(clean));
  }

  static JsonNode stripInternal(ObjectNode n) {
    boolean has = false;
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      if (it.next().startsWith("__")) {
        has = true;
        break;
      }
    }
    ObjectNode out = n;
    if (has) {
      out = n.deepCopy();
      List<String> drop = new ArrayList<>();
      out.fieldNames().forEachRemaining(f -> {
        if (f.startsWith("__")) {
          drop.add(f);
        }
      });
      out.remove(drop);
    }
    JsonNode items = out.get("items");
    if (items != null && items.isArray()) {
      for (JsonNode i : items) {
        if (i.isObject()) {
          List<String> drop = new ArrayList<>();
          i.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("__")) {
              drop.add(f);
            }
          });
          ((ObjectNode) i).remove(drop);
        }
      }
    }
    return out;
  }

  static void sendRaw(Ctx c, int status, String contentType, byte[] body) {
    readAll(c);
    if (c.head) {
      body = new byte[0];
    }
    if (c.fault != null && c.fault.type == FaultRule.Type.STORE_THEN_DROP) {
      RequestJournal.status(c.rec, -1);
      throw new Abort(); // processed, never answered
    }
    try {
      Headers h = c.ex.getResponseHeaders();
      h.set("Server", "nginx");
      h.set("Content-Type", contentType);
      RequestJournal.status(c.rec, status);
      boolean dropAfter = c.fault != null && c.fault.type == FaultRule.Type.DROP_RESPONSE_AFTER;
      c.ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        OutputStream out = c.ex.getResponseBody();
        if (dropAfter && c.fault.bytes < body.length) {
          out.write(body, 0, (int) c.fault.bytes);
          out.flush();
          RequestJournal.status(c.rec, -1);
          throw new Abort();
        }
        out.write(body);
        out.flush();
      }
    } catch (IOException e) {
      throw new Abort();
    }
  }

  static void send304(Ctx c) {
    try {
      c.ex.getResponseHeaders().set("Server", "nginx");
      RequestJournal.status(c.rec, 304);
      c.ex.sendResponseHeaders(304, -1);
    } catch (IOException e) {
      throw new Abort();
    }
  }

  static String reason(int status) {
    switch (status) {
      case 404: return "Not Found";
      case 405: return "Not Allowed";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Temporarily Unavailable";
      case 504: return "Gateway Time-out";
      case 416: return "Requested Range Not Satisfiable";
      default: return "Error";
    }
  }

  static void sendHtml(Ctx c, int status, String title) {
    String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    sendRaw(c, status, "text/html", html.getBytes(StandardCharsets.UTF_8));
  }

  static void sendWerkzeug405(Ctx c) {
    String html = "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed"
        + "</h1>\n<p>The method is not allowed for the requested URL.</p>\n";
    sendRaw(c, 405, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }
}
