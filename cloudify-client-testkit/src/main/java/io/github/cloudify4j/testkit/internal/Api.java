package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.sun.net.httpserver.HttpExchange;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.NodeDownMode;
import io.github.cloudify4j.testkit.RequestJournal;
import io.github.cloudify4j.testkit.RestartMode;
import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The router: takes a request off the JDK server, applies node-down, restart-window and injected faults, finds the
 * route (as werkzeug would: slashes, HEAD, 404/405 pages), gates it on maintenance mode, authenticates it, checks
 * the tenant and the edition, and hands it to the resource that owns its root. The resources hold the endpoints.
 */
final class Api {
  private static final Set<String> ROUTES = new HashSet<>(Arrays.asList("ok", "version", "status", "cluster-status",
      "managers", "maintenance", "snapshot-status", "snapshots", "executions", "execution-schedules", "events",
      "blueprints", "deployments", "tenants", "users", "user-groups", "license", "secrets", "plugins", "tokens"));
  /** Roots a community manager answers with 404 {@code missing_premium_package_error} (corpus seq 8, 213, 214). */
  private static final Set<String> PREMIUM_ONLY = new HashSet<>(Arrays.asList("users", "user-groups", "license"));

  private final Server server;
  private final State st;
  private final AuthApi auth;
  private final MaintenanceApi maintenance;
  /** Root segment (after {@code /api/v3.1}) → the resource that serves it. */
  private final Map<String, Endpoint> resources = new HashMap<>();

  Api(Server server) {
    this.server = server;
    this.st = server.state;
    this.auth = new AuthApi(server);
    this.maintenance = new MaintenanceApi(server, auth);
    ManagerApi manager = new ManagerApi(server);
    SnapshotsApi snapshots = new SnapshotsApi(server, new TransfersApi(server));
    ExecutionsApi executions = new ExecutionsApi(server);
    InventoryApi inventory = new InventoryApi(server);
    for (String root : Arrays.asList("ok", "version", "status", "cluster-status", "managers")) {
      resources.put(root, manager);
    }
    resources.put("maintenance", maintenance);
    resources.put("snapshots", snapshots);
    resources.put("snapshot-status", snapshots);
    resources.put("executions", executions);
    resources.put("tokens", auth);
    for (String root : Arrays.asList("execution-schedules", "events", "blueprints", "deployments", "secrets",
        "plugins", "tenants", "users", "user-groups", "license")) {
      resources.put(root, inventory);
    }
    if (!resources.keySet().equals(ROUTES)) {
      throw new AssertionError("routes without a resource: " + ROUTES + " vs " + resources.keySet());
    }
  }

  // ------------------------------------------------------------------ entry point

  void handle(Server.Node node, HttpExchange ex) throws IOException {
    Ctx c = new Ctx();
    c.ex = ex;
    c.node = node;
    c.method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    c.path = ex.getRequestURI().getRawPath();
    Map<String, List<String>> hdrs = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      hdrs.put(h.getKey().toLowerCase(Locale.ROOT), new ArrayList<>(h.getValue()));
    }
    Instant now;
    synchronized (st) {
      now = st.now();
    }
    c.rec = server.journal.record(node.index, c.method, c.path, ex.getRequestURI().getRawQuery(), hdrs, now);
    try {
      parseQuery(c, ex.getRequestURI().getRawQuery());
      handleInner(c);
    } catch (Abort a) {
      RequestJournal.status(c.rec, -1);
      throw a; // the JDK server closes the connection
    } catch (ApiException e) {
      sendJson(c, e.status, e.body);
    } catch (HtmlAnswer h) {
      drain(c);
      if (h.location != null) {
        c.ex.getResponseHeaders().set("Location", h.location);
      }
      sendRaw(c, h.status, "text/html; charset=utf-8", h.html.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      RequestJournal.status(c.rec, -1);
      throw e;
    } catch (RuntimeException e) {
      sendJson(c, 500, Json.error("Internal error occurred in manager REST server - "
          + e.getClass().getSimpleName() + ": " + e.getMessage(), "internal_server_error", e.toString()));
    } finally {
      ex.close();
    }
  }

  private void handleInner(Ctx c) throws IOException {
    // node down (hang) / restart window
    if (c.node.down == NodeDownMode.HANG) {
      waitWhile(() -> c.node.down == NodeDownMode.HANG);
      throw new Abort();
    }
    if (c.node.down == NodeDownMode.REFUSE_CONNECTIONS) {
      throw new Abort();
    }
    RestartMode outage;
    synchronized (st) {
      st.tick();
      outage = st.outage();
    }
    if (outage == RestartMode.CONNECTION_REFUSED) {
      throw new Abort();
    }
    if (outage == RestartMode.BAD_GATEWAY) {
      sendHtml(c, 502, "502 Bad Gateway");
      return;
    }
    if (outage == RestartMode.HANG) {
      waitWhile(() -> st.outage() == RestartMode.HANG);
      if (st.isClosed()) {
        throw new Abort();
      }
    }
    // faults
    c.fault = server.faults.take(c.method, c.path, c.node.index);
    if (c.fault != null) {
      switch (c.fault.type) {
        case STATUS_HTML:
          drain(c);
          sendHtml(c, c.fault.status, c.fault.status + " " + reason(c.fault.status));
          return;
        case STATUS_JSON:
          drain(c);
          sendJson(c, c.fault.status, Json.error("Injected failure (" + c.fault.status + ")",
              c.fault.status == 503 ? "maintenance_mode_active" : "internal_server_error", null));
          return;
        case DELAY: {
          // from the arrival time (recorded in the journal), not from now: a test that sees the request
          // in the journal and advances the clock must release it, however late this thread runs
          Instant until = c.rec.time().plus(c.fault.delay);
          waitWhile(() -> st.now().isBefore(until));
          if (st.isClosed()) {
            throw new Abort();
          }
          break;
        }
        case HANG: {
          long gen = server.faults.hangGeneration();
          while (server.faults.hangGeneration() == gen && !st.isClosed()) {
            try {
              server.faults.awaitHangRelease(gen, 100);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              break;
            }
          }
          throw new Abort();
        }
        default:
          break;
      }
    }
    route(c);
    if (c.fault != null && c.fault.type == FaultRule.Type.STORE_THEN_DROP) {
      throw new Abort();
    }
  }

  private interface Cond {
    boolean holds();
  }

  private void waitWhile(Cond cond) {
    synchronized (st) {
      while (!st.isClosed() && cond.holds()) {
        try {
          st.wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  // ------------------------------------------------------------------ routing

  private void route(Ctx c) throws IOException {
    if (c.method.equals("HEAD")) {
      c.head = true; // Flask answers HEAD wherever GET is routed (corpus seq 225)
      c.method = "GET";
    }
    if (c.path.startsWith("/api/") && c.path.contains("//")) {
      // werkzeug merges slashes with a 308 whose Location carries the Host header nginx forwarded (no port), so
      // /snapshots//archive lands on the snapshot named "archive" (corpus seq 222, 223)
      String merged = c.path.replaceAll("/{2,}", "/");
      String host = header(c, "Host");
      host = host == null ? "localhost" : host.replaceFirst(":\\d+$", "");
      String q = c.ex.getRequestURI().getRawQuery();
      String loc = "http://" + host + merged + (q == null ? "" : "?" + q);
      throw new HtmlAnswer(308, "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting..."
          + "</h1>\n<p>You should be redirected automatically to the target URL: <a href=\"" + loc + "\">" + loc
          + "</a>. If not, click the link.\n", loc);
    }
    String[] raw = c.path.split("/", -1);
    List<String> parts = new ArrayList<>();
    for (int i = 1; i < raw.length; i++) {
      parts.add(URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    if (parts.size() > 2 && parts.get(parts.size() - 1).isEmpty()) {
      throw werkzeug404(); // no route ends with a slash (corpus seq 220, 221)
    }
    if (parts.size() < 2 || !parts.get(0).equals("api")) {
      sendHtml(c, 404, "404 Not Found");
      return;
    }
    if (parts.size() == 2 && parts.get(1).equals("version")) {
      c.seg = Arrays.asList("version");
    } else if (parts.get(1).equals("v3.1") && parts.size() >= 3) {
      c.seg = parts.subList(2, parts.size());
    } else {
      sendHtml(c, 404, "404 Not Found");
      return;
    }
    String root = c.seg.get(0);
    int n = c.seg.size();
    boolean routed = ROUTES.contains(root) && (n == 1
        || (n == 2 && !Arrays.asList("ok", "version", "status", "cluster-status", "snapshot-status", "events",
        "blueprints", "deployments", "tenants", "users", "secrets", "plugins").contains(root))
        || (n == 3 && root.equals("snapshots") && (c.seg.get(2).equals("archive")
        || c.seg.get(2).equals("restore")))
        || (n == 2 && Arrays.asList("blueprints", "deployments", "secrets", "plugins").contains(root)));
    if (!routed) {
      sendHtml(c, 404, "404 Not Found");
      return;
    }
    maintenance.gate(c, root, n);
    if (!methodAllowed(c, root, n)) {
      drain(c);
      sendWerkzeug405(c);
      return;
    }
    if (!root.equals("ok") && !root.equals("snapshot-status")) {
      auth.authenticate(c);
      auth.tenantCheck(c, root);
    } else if (header(c, "Authorization") != null || header(c, "Authentication-Token") != null) {
      // no credentials needed, but credentials that are sent are checked: wrong ones get 401 (README, seq 146)
      auth.authenticate(c);
    }
    if (st.cfg().edition == Edition.COMMUNITY && (PREMIUM_ONLY.contains(root)
        || (root.equals("managers") && !c.method.equals("GET")))) {
      throw new ApiException(404, "missing_premium_package_error",
          "This feature exists only in the premium edition of Cloudify.\nPlease contact sales for additional info.");
    }
    resources.get(root).serve(c, n);
  }

  private static boolean methodAllowed(Ctx c, String root, int n) {
    String m = c.method;
    switch (root) {
      case "snapshots":
        if (n == 1) {
          return m.equals("GET");
        }
        if (n == 2) {
          return Arrays.asList("GET", "PUT", "DELETE", "PATCH").contains(m);
        }
        return c.seg.get(2).equals("archive") ? (m.equals("GET") || m.equals("PUT")) : m.equals("POST");
      case "maintenance":
        return n == 1 ? m.equals("GET") : m.equals("POST");
      case "executions":
        return n == 1 ? m.equals("GET") : (m.equals("GET") || m.equals("POST") || m.equals("PATCH"));
      case "tokens":
        return n == 1 ? (m.equals("GET") || m.equals("POST")) : (m.equals("GET") || m.equals("DELETE"));
      case "managers":
        // Managers: GET (+ POST, premium); ManagersId: PUT and DELETE (premium), no GET (manager.py)
        return n == 1 ? (m.equals("GET") || m.equals("POST")) : (m.equals("PUT") || m.equals("DELETE"));
      default:
        return m.equals("GET");
    }
  }
}
