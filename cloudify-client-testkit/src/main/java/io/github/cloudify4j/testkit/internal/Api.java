package io.github.cloudify4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.NodeDownMode;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.RequestJournal;
import io.github.cloudify4j.testkit.RestartMode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Routing, gating, auth and the endpoint handlers. */
final class Api {
  static final int BUF = 256 * 1024;
  private static final Set<String> ALLOWED_ACTIVATED = new HashSet<>(Arrays.asList("brokers", "managers",
      "db-nodes", "cluster", "config", "status", "version", "license", "maintenance", "cluster-status",
      "file-server-auth", "ok", "snapshots", "snapshot-status"));
  private static final Set<String> ALLOWED_ACTIVATED_5 = new HashSet<>(Arrays.asList("status", "version",
      "license", "maintenance", "cluster-status", "file-server-auth", "snapshots", "snapshot-status"));
  private static final Set<String> ROUTES = new HashSet<>(Arrays.asList("ok", "version", "status", "cluster-status",
      "managers", "maintenance", "snapshot-status", "snapshots", "executions", "execution-schedules", "events",
      "blueprints", "deployments", "tenants", "users", "user-groups", "license", "secrets", "plugins", "tokens"));
  /** Roots a community manager answers with 404 {@code missing_premium_package_error} (corpus seq 8, 213, 214). */
  private static final Set<String> PREMIUM_ONLY = new HashSet<>(Arrays.asList("users", "user-groups", "license"));
  private static final Set<String> TENANT_SCOPED = new HashSet<>(Arrays.asList("snapshots", "executions",
      "execution-schedules", "events", "blueprints", "deployments", "secrets", "plugins"));
  private static final Set<String> MODIFYING = new HashSet<>(Arrays.asList("PUT", "POST", "PATCH"));
  private static final Pattern SORT = Pattern.compile("[+-]?@?\\w+");

  private final Server server;
  private final State st;

  Api(Server server) {
    this.server = server;
    this.st = server.state;
  }

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
      outage = st.outage;
    }
    if (outage == RestartMode.CONNECTION_REFUSED) {
      throw new Abort();
    }
    if (outage == RestartMode.BAD_GATEWAY) {
      sendHtml(c, 502, "502 Bad Gateway");
      return;
    }
    if (outage == RestartMode.HANG) {
      waitWhile(() -> st.outage == RestartMode.HANG);
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
    gate(c, root, n);
    if (!methodAllowed(c, root, n)) {
      drain(c);
      sendWerkzeug405(c);
      return;
    }
    if (!root.equals("ok") && !root.equals("snapshot-status")) {
      authenticate(c);
      tenantCheck(c, root);
    } else if (header(c, "Authorization") != null || header(c, "Authentication-Token") != null) {
      // no credentials needed, but credentials that are sent are checked: wrong ones get 401 (README, seq 146)
      authenticate(c);
    }
    if (st.cfg.edition == Edition.COMMUNITY && (PREMIUM_ONLY.contains(root)
        || (root.equals("managers") && !c.method.equals("GET")))) {
      throw new ApiException(404, "missing_premium_package_error",
          "This feature exists only in the premium edition of Cloudify.\nPlease contact sales for additional info.");
    }
    dispatch(c, root, n);
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
      default:
        return m.equals("GET");
    }
  }

  // ------------------------------------------------------------------ maintenance gating (§3.4)

  private void gate(Ctx c, String root, int n) {
    synchronized (st) {
      if (st.mmStatus == null) {
        return;
      }
      String bypass = header(c, "X-BYPASS-MAINTENANCE");
      if (bypass != null && !bypass.isEmpty()) {
        String u = tryAuth(c);
        if (u != null && "sys_admin".equals(st.role(u))) {
          return;
        }
      }
      st.maintenanceLazyFlip();
      if ("activating".equals(st.mmStatus)) {
        boolean blocked = (root.equals("snapshots") && n == 2 && MODIFYING.contains(c.method))
            || (root.equals("snapshots") && n == 3 && c.seg.get(2).equals("restore"))
            || (root.equals("executions") && n == 1 && MODIFYING.contains(c.method))
            || (root.equals("deployments") && n == 2 && MODIFYING.contains(c.method))
            || (root.equals("deployment-modifications") && MODIFYING.contains(c.method));
        if (blocked) {
          throw maintenanceError("entering_maintenance_mode");
        }
        return;
      }
      Set<String> allowed = st.profile == ServerProfile.V5_0_5 ? ALLOWED_ACTIVATED_5 : ALLOWED_ACTIVATED;
      if (!allowed.contains(root)) {
        throw maintenanceError("maintenance_mode_active");
      }
    }
  }

  private static ApiException maintenanceError(String code) {
    return new ApiException(503, Json.error(
        "Your request was rejected since Cloudify manager is currently in maintenance mode", code,
        "NoneType: None\n"));
  }

  // ------------------------------------------------------------------ auth (§6.1)

  /** Returns the username, or null when the credentials are missing or wrong. */
  private String tryAuth(Ctx c) {
    try {
      authenticate(c);
      return c.user;
    } catch (ApiException e) {
      return null;
    }
  }

  private void authenticate(Ctx c) {
    synchronized (st) {
      String auth = header(c, "Authorization");
      if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          decoded = "";
        }
        int i = decoded.indexOf(':');
        String u = i < 0 ? decoded : decoded.substring(0, i);
        String p = i < 0 ? "" : decoded.substring(i + 1);
        if (!u.isEmpty() && Character.isLetter(u.charAt(0)) && u.charAt(0) < 128) {
          if (p.equals(st.passwords.get(u))) {
            c.user = u;
            c.role = st.role(u);
            return;
          }
          throw new ApiException(401, "unauthorized_error", "User unauthorized: Authentication failed for "
              + "<User username=`" + u + "`>. Wrong credentials or locked account");
        }
      }
      String token = header(c, "Authentication-Token");
      if (token != null) {
        String u = st.tokens.get(token);
        if (u != null && st.passwords.containsKey(u)) {
          c.user = u;
          c.role = st.role(u);
          return;
        }
        if (token.startsWith("ctok-") && token.split("-").length != 3) {
          throw new ApiException(401, "unauthorized_error", "User unauthorized: Invalid token structure");
        }
        throw new ApiException(401, "unauthorized_error", "User unauthorized: Unauthorized");
      }
      throw new ApiException(401, "unauthorized_error", "User unauthorized: No authentication info provided");
    }
  }

  private void tenantCheck(Ctx c, String root) {
    synchronized (st) {
      String t = joinedHeader(c, "Tenant"); // two Tenant headers: "a,b", an unknown tenant (seq 14)
      if (t != null) {
        if (!st.kind("tenants").containsKey(t)) {
          throw new ApiException(403, "forbidden_error",
              "Authorization failed: Tried to authenticate with invalid tenant name: " + t);
        }
        c.tenant = t;
      } else if (TENANT_SCOPED.contains(root) && st.cfg.requireTenantHeader) {
        throw new ApiException(403, "forbidden_error", "Authorization failed: tenant not provided");
      } else {
        c.tenant = st.cfg.defaultTenant;
      }
    }
  }

  private static void requireAdmin(Ctx c, String action) {
    if (!"sys_admin".equals(c.role)) {
      throw new ApiException(403, "forbidden_error", "User `" + c.user + "` is not permitted to perform the action "
          + action + " in the tenant `" + c.tenant + "`");
    }
  }

  // ------------------------------------------------------------------ dispatch

  private void dispatch(Ctx c, String root, int n) throws IOException {
    switch (root) {
      case "ok":
        synchronized (st) {
          if (st.statusFail) {
            sendRaw(c, 500, "application/json", "\"FAIL\"".getBytes(StandardCharsets.UTF_8));
          } else {
            sendRaw(c, 200, "application/json", "\"OK\"".getBytes(StandardCharsets.UTF_8));
          }
        }
        return;
      case "version":
        sendJson(c, 200, version());
        return;
      case "status":
        status(c);
        return;
      case "cluster-status":
        clusterStatus(c);
        return;
      case "managers":
        managers(c);
        return;
      case "maintenance":
        maintenance(c, n);
        return;
      case "snapshot-status":
        synchronized (st) {
          ObjectNode o = Json.obj();
          o.put("status", st.restoring() ? st.profile.snapshotStatusRunning()
              : st.profile.snapshotStatusNotRunning());
          sendJson(c, 200, o);
        }
        return;
      case "snapshots":
        snapshots(c, n);
        return;
      case "executions":
        executions(c, n);
        return;
      case "execution-schedules":
        simpleList(c, "execution_schedules", true, true);
        return;
      case "events":
        events(c);
        return;
      case "blueprints":
      case "deployments":
      case "secrets":
      case "plugins":
        if (n == 2) {
          getOne(c, root, c.seg.get(1));
        } else {
          simpleList(c, root, true, false);
        }
        return;
      case "tenants":
        if (st.cfg.edition == Edition.COMMUNITY) {
          // community /tenants ignores paging, filters and sort: every tenant, size 1000 (corpus seq 212)
          c.query.keySet().removeIf(k -> !k.equals("_include"));
        }
        simpleList(c, root, false, false);
        return;
      case "users":
      case "user-groups":
        simpleList(c, root, false, false);
        return;
      case "license":
        simpleList(c, "license", false, false);
        return;
      case "tokens":
        tokens(c, n);
        return;
      default:
        sendHtml(c, 404, "404 Not Found");
    }
  }

  private ObjectNode version() {
    ObjectNode v = Json.obj();
    v.put("edition", st.cfg.edition.wireName());
    v.put("version", st.profile.version());
    v.putNull("build");
    v.putNull("date");
    v.putNull("commit");
    synchronized (st) {
      v.put("distribution", st.kubernetes ? "kubernetes" : st.profile.distribution());
    }
    v.put("distro_release", st.profile.distroRelease());
    return v;
  }

  /** The services a 7.x all-in-one manager reports (corpus seq 5), healthy unless {@code statusFail}. */
  private static final String[] SERVICES = {"Webserver", "Management Worker", "Manager Rest-Service",
    "Cloudify API", "Cloudify Execution Scheduler", "RabbitMQ", "PostgreSQL"};

  private void status(Ctx c) {
    boolean fail;
    synchronized (st) {
      fail = st.statusFail;
    }
    ObjectNode o = Json.obj();
    o.put("status", fail ? "Fail" : "OK");
    ObjectNode s = o.putObject("services");
    if (!c.qTrue("summary")) {
      for (int i = 0; i < SERVICES.length; i++) {
        ObjectNode x = s.putObject(SERVICES[i]);
        boolean remote = SERVICES[i].equals("RabbitMQ") || SERVICES[i].equals("PostgreSQL");
        x.put("status", fail && SERVICES[i].equals("Manager Rest-Service") ? "Inactive" : "Active");
        x.put("is_remote", remote);
        if (!SERVICES[i].equals("PostgreSQL")) {
          x.putObject("extra_info");
        }
      }
    }
    sendJson(c, 200, o);
  }

  private void clusterStatus(Ctx c) {
    boolean fail;
    synchronized (st) {
      if (st.restoring() && st.profile == ServerProfile.V6_4) {
        throw new ApiException(503, "in_snapshot_restore_error",
            "Cannot perform this action while a snapshot restore is in progress");
      }
      fail = st.statusFail;
    }
    String overall = fail ? "Fail" : "OK";
    boolean summary = c.qTrue("summary");
    ObjectNode o = Json.obj();
    o.put("status", overall);
    ObjectNode services = o.putObject("services");
    if (!summary) {
      ObjectNode manager = services.putObject("manager");
      manager.put("is_external", false);
      manager.put("status", overall);
      ObjectNode mnodes = manager.putObject("nodes");
      ObjectNode broker = services.putObject("broker");
      broker.put("is_external", false);
      broker.put("status", "OK");
      ObjectNode bnodes = broker.putObject("nodes");
      for (Server.Node n : server.nodes) {
        boolean up = n.down == null;
        ObjectNode x = mnodes.putObject(n.hostname);
        nodeInfo(x, n, up && !fail ? "OK" : "Fail");
        ObjectNode svc = x.putObject("services");
        ObjectNode rs = svc.putObject("Manager Rest-Service");
        rs.put("status", up && !fail ? "Active" : "Inactive");
        rs.put("is_remote", false);
        ObjectNode sd = rs.putObject("extra_info").putObject("systemd");
        sd.put("unit_id", "cloudify-restservice.service");
        sd.put("display_name", "Manager Rest-Service");
        ObjectNode inst = sd.putArray("instances").addObject();
        inst.put("Description", "Cloudify REST service");
        inst.put("state", up && !fail ? "running" : "dead");
        inst.put("Id", "cloudify-restservice.service");
        x.putArray("metrics");
        ObjectNode b = bnodes.putObject(n.hostname);
        nodeInfo(b, n, "OK");
        b.putObject("services");
        b.putArray("metrics");
      }
      // an all-in-one manager runs its own database: not external, one node (corpus seq 6 shows the shape)
      ObjectNode db = services.putObject("db");
      db.put("is_external", false);
      db.put("status", "OK");
      ObjectNode dnodes = db.putObject("nodes");
      for (Server.Node n : server.nodes) {
        ObjectNode d = dnodes.putObject(n.hostname);
        nodeInfo(d, n, "OK");
        d.putObject("services");
        d.putArray("metrics");
      }
    }
    sendJson(c, summary && fail ? 500 : 200, o);
  }

  private void nodeInfo(ObjectNode x, Server.Node n, String status) {
    x.put("private_ip", n.privateIp);
    x.put("public_ip", "203.0.113." + (11 + n.index));
    x.put("version", st.profile.version());
    x.put("status", status);
    x.putArray("failures");
  }

  private void managers(Ctx c) {
    List<ObjectNode> rows = new ArrayList<>();
    Instant now;
    synchronized (st) {
      now = st.now();
    }
    for (Server.Node n : server.nodes) {
      ObjectNode m = Json.obj();
      m.put("id", n.index + 1);
      m.put("hostname", n.hostname);
      m.put("private_ip", n.privateIp);
      m.put("public_ip", "203.0.113." + (11 + n.index));
      m.put("version", st.profile.version());
      m.put("edition", st.cfg.edition.wireName());
      m.put("distribution", st.kubernetes ? "kubernetes" : st.profile.distribution());
      m.put("distro_release", st.profile.distroRelease());
      m.put("fs_sync_node_id", "FAKE" + (n.index + 1) + "-MZJNU2Y-IQGDREY-DM2MGTI-MGL3BXN-PQ6W5BM-TBBZ4TJ");
      m.putObject("networks").put("default", n.privateIp);
      m.put("last_seen", Json.ts(now));
      m.putNull("status_report_frequency");
      m.put("ca_cert_content", "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n");
      m.put("__port", n.port);
      rows.add(m);
    }
    sendJson(c, 200, listEnvelope(c, rows, fieldsOf(rows, null), false));
  }

  // ------------------------------------------------------------------ maintenance endpoints (§3)

  private void maintenance(Ctx c, int n) {
    if (n == 1) {
      synchronized (st) {
        sendJson(c, 200, mmBody(false));
      }
      return;
    }
    requireAdmin(c, "maintenance_mode_set");
    String action = c.seg.get(1);
    drain(c);
    synchronized (st) {
      if (action.equals("activate")) {
        if (st.mmStatus != null) {
          send304(c);
          return;
        }
        List<ObjectNode> remaining = st.remainingExecutions();
        st.mmRequestedAt = st.now();
        st.mmRequestedBy = c.user;
        if (remaining.isEmpty()) {
          st.mmStatus = "activated";
          st.mmActivatedAt = st.mmRequestedAt;
        } else {
          st.mmStatus = "activating";
          st.mmActivatedAt = null;
        }
        ObjectNode body = mmBody(true);
        ArrayNode list = st.remainingExecutionsJson();
        if (st.profile.nestedActivateRemainingExecutions()) {
          ArrayNode outer = Json.arr();
          outer.add(list);
          body.set("remaining_executions", outer);
        } else {
          body.set("remaining_executions", list);
        }
        sendJson(c, 200, body);
      } else if (action.equals("deactivate")) {
        if (st.mmStatus == null) {
          send304(c);
          return;
        }
        ObjectNode body = Json.obj();
        body.put("status", "deactivated");
        if (st.profile == ServerProfile.V5_0_5) {
          body.put("activated_at", "");
          body.put("activation_requested_at", "");
          body.putNull("remaining_executions");
          body.put("requested_by", "");
        } else {
          body.put("activated_at", Json.ts(st.mmActivatedAt));
          body.put("activation_requested_at", Json.ts(st.mmRequestedAt));
          body.putNull("remaining_executions");
          body.put("requested_by", st.mmRequestedBy);
        }
        st.mmStatus = null;
        st.mmActivatedAt = null;
        st.mmRequestedAt = null;
        st.mmRequestedBy = null;
        st.tick(); // dequeues queued executions
        sendJson(c, 200, body);
      } else {
        throw ApiException.badParams("Invalid action: " + action
            + ", Valid action values are: ['activate', 'deactivate']");
      }
    }
  }

  private ObjectNode mmBody(boolean activateResponse) {
    ObjectNode o = Json.obj();
    if (st.mmStatus == null) {
      o.put("status", "deactivated");
      o.put("activated_at", "");
      o.put("activation_requested_at", "");
      o.putNull("remaining_executions");
      o.put("requested_by", "");
      return o;
    }
    o.put("status", st.mmStatus);
    if (st.mmActivatedAt == null) {
      o.putNull("activated_at");
    } else {
      o.put("activated_at", Json.ts(st.mmActivatedAt));
    }
    o.put("activation_requested_at", Json.ts(st.mmRequestedAt));
    if ("activating".equals(st.mmStatus) && !activateResponse) {
      o.set("remaining_executions", st.remainingExecutionsJson());
    } else {
      o.putNull("remaining_executions");
    }
    o.put("requested_by", st.mmRequestedBy);
    return o;
  }

  // ------------------------------------------------------------------ snapshots (§2)

  private void snapshots(Ctx c, int n) throws IOException {
    if (n == 1) {
      requireAdmin(c, "snapshot_list");
      synchronized (st) {
        List<ObjectNode> rows = st.entities("snapshots", c.qTrue("_all_tenants") ? null : c.tenant);
        sendJson(c, 200, listEnvelope(c, rows, SNAPSHOT_FIELDS, true));
      }
      return;
    }
    String id = c.seg.get(1);
    if (n == 2) {
      switch (c.method) {
        case "GET":
          requireAdmin(c, "snapshot_get");
          synchronized (st) {
            sendJson(c, 200, include(c, snapshot(id), SNAPSHOT_FIELDS));
          }
          return;
        case "PUT":
          requireAdmin(c, "snapshot_create");
          createSnapshot(c, id);
          return;
        case "DELETE":
          requireAdmin(c, "snapshot_delete");
          deleteSnapshot(c, id);
          return;
        case "PATCH":
          requireAdmin(c, "snapshot_status_update");
          ObjectNode b = object(jsonBody(c, "status"));
          synchronized (st) {
            ObjectNode s = snapshot(id);
            String status = b.path("status").asText();
            if (!SNAPSHOT_STATES.contains(status)) {
              throw new ApiException(409, "storage_error", "SQL Storage error: (psycopg2.errors."
                  + "InvalidTextRepresentation) invalid input value for enum snapshot_status: \"" + status + "\"");
            }
            s.put("status", status);
            s.put("error", b.path("error").asText(""));
          }
          sendRaw(c, 200, "application/json", "null".getBytes(StandardCharsets.UTF_8));
          return;
        default:
          throw new IllegalStateException();
      }
    }
    if (c.seg.get(2).equals("archive")) {
      if (c.method.equals("GET")) {
        requireAdmin(c, "snapshot_download");
        download(c, id);
      } else {
        requireAdmin(c, "snapshot_upload");
        upload(c, id);
      }
      return;
    }
    requireAdmin(c, "snapshot_restore");
    restore(c, id);
  }

  private static final Set<String> SNAPSHOT_STATES = new HashSet<>(Arrays.asList("created", "failed", "creating",
      "uploaded"));
  private static final List<String> SNAPSHOT_FIELDS = Arrays.asList("id", "created_at", "status", "error",
      "visibility", "tenant_name", "created_by", "resource_availability", "private_resource");

  private ObjectNode snapshot(String id) {
    ObjectNode s = st.kind("snapshots").get(id);
    if (s == null) {
      throw ApiException.notFound("Snapshot", id);
    }
    return s;
  }

  /**
   * The service's {@code validate_inputs}, on create only (an upload stores any id, corpus seq 92): not empty, at
   * most 256 characters (seq 45), a letter first (seq 42, 47), then only ASCII letters, digits, {@code -._}
   * (seq 43).
   */
  private static void validateId(String id) {
    if (id.isEmpty()) {
      throw ApiException.badParams("The `snapshot_id` argument is empty");
    }
    if (id.length() > 256) {
      throw ApiException.badParams("The `snapshot_id` argument is too long. Maximum allowed length is 256 "
          + "characters");
    }
    if (!Character.isLetter(id.codePointAt(0))) {
      throw ApiException.badParams("The `snapshot_id` argument must begin with a letter");
    }
    for (char ch : id.toCharArray()) {
      boolean ok = (ch < 128 && Character.isLetterOrDigit(ch)) || ch == '-' || ch == '.' || ch == '_';
      if (!ok) {
        throw ApiException.badParams("The `snapshot_id` argument contains illegal characters. Only letters, "
            + "digits and the characters \"-\", \".\" and \"_\" are allowed");
      }
    }
  }

  /**
   * The service's {@code verify_and_convert_bool}: a JSON boolean, or the strings {@code true}/{@code false} in
   * any letter case (corpus seq 35); anything else → 400 (seq 36).
   */
  private static Boolean bool(JsonNode b, String key, Boolean dflt) {
    JsonNode v = b.get(key);
    if (v == null) {
      return dflt;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Boolean.valueOf(v.asText().toLowerCase(Locale.ROOT));
    }
    throw ApiException.badParams(key + " must be <true/false>, got " + (v.isNull() ? "None" : v.asText()));
  }

  private void createSnapshot(Ctx c, String id) {
    validateId(id);
    ObjectNode b = object(jsonBody(c));
    boolean includeCredentials = bool(b, "include_credentials", true);
    boolean includeLogs = bool(b, "include_logs", true);
    boolean includeEvents = bool(b, "include_events", true);
    boolean queue = bool(b, "queue", false);
    Boolean legacyReq = bool(b, "legacy", null);
    JsonNode tempdir = b.get("tempdir_path");
    if (tempdir != null && !tempdir.isNull() && !(tempdir.isTextual() && tempdir.asText().isEmpty())) {
      if (!tempdir.isTextual()) {
        // os.access(5, ...) (corpus seq 38)
        throw ApiException.internal("TypeError", "access: path should be string, bytes or os.PathLike, not "
            + pyType(tempdir));
      }
      Path dir = java.nio.file.Paths.get(tempdir.asText());
      if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
        // the REST service checks the directory on its own host (seq 40); the fake checks it on its host
        throw new ApiException(403, "forbidden_error", "Temp dir cannot be created inside unwriteable location "
            + tempdir.asText());
      }
    }
    JsonNode lt = b.get("listener_timeout");
    if (lt != null && !lt.isNull()) {
      try {
        lt = com.fasterxml.jackson.databind.node.DoubleNode.valueOf(lt.isNumber() ? lt.asDouble()
            : Double.parseDouble(lt.asText().trim()));
      } catch (NumberFormatException e) {
        throw ApiException.badParams("listener_timeout must a valid floating point number");
      }
    }
    synchronized (st) {
      ObjectNode existing = st.kind("snapshots").get(id);
      if (existing != null) {
        throw conflict(id, existing.path("tenant_name").asText());
      }
      boolean legacy = !st.profile.supportsNewArchiveFormat() || Boolean.TRUE.equals(legacyReq);
      if (st.kubernetes) {
        legacy = false;
      }
      boolean blocking = !(st.profile.nonBlockingCreate() && !legacy);
      List<ObjectNode> active = st.activeExecutions();
      String status = "pending";
      if (!active.isEmpty()) {
        if (queue) {
          status = "queued";
        } else if (blocking) {
          throw new ApiException(400, "existing_running_execution_error",
              "Cannot start execution because there are other executions running e.g.: "
                  + active.get(0).path("id").asText());
        }
      }
      ObjectNode params = Json.obj();
      params.put("snapshot_id", id);
      params.put("include_credentials", includeCredentials);
      params.put("include_logs", includeLogs);
      params.put("include_events", includeEvents);
      if (st.profile != ServerProfile.V5_0_5) {
        params.set("tempdir_path", b.hasNonNull("tempdir_path") ? b.get("tempdir_path") : null);
        if (params.get("tempdir_path") == null) {
          params.putNull("tempdir_path");
        }
      }
      if (st.profile == ServerProfile.V7_0_4) {
        params.put("legacy", legacy);
        if (lt == null || lt.isNull()) {
          params.putNull("listener_timeout");
        } else {
          params.set("listener_timeout", lt);
        }
      }
      params.set("config", st.configParams());
      st.newSnapshot(id, "creating", c.tenant, c.user, "");
      ObjectNode e = st.newExecution("create_snapshot", c.tenant, c.user, params, true, null, null);
      if (status.equals("queued")) {
        st.setExecStatus(e, "queued");
      } else {
        st.startExecution(e);
      }
      sendJson(c, 201, e);
    }
  }

  private static ApiException conflict(String id, String tenant) {
    return new ApiException(409, "conflict_error", "<Snapshot id=`" + id + "` tenant=`" + tenant
        + "`> already exists on <Tenant name=`" + tenant + "`> or with global visibility");
  }

  private void deleteSnapshot(Ctx c, String id) throws IOException {
    ObjectNode s;
    synchronized (st) {
      s = snapshot(id);
      if (st.profile != ServerProfile.V5_0_5) {
        for (ObjectNode e : st.activeExecutions()) {
          String wf = e.path("workflow_id").asText();
          if ((wf.equals("create_snapshot") || wf.equals("restore_snapshot"))
              && id.equals(e.path("parameters").path("snapshot_id").asText())) {
            throw new ApiException(400, "snapshot_action_error", "Cannot delete snapshot `" + id
                + "` which has an active `" + wf + "` execution");
          }
        }
      }
      st.kind("snapshots").remove(id);
      try {
        FileUtil.deleteTree(st.archivePath(id).getParent());
      } catch (IOException ignored) {
        // like the server
      }
    }
    sendJson(c, 200, s);
  }

  private void restore(Ctx c, String id) {
    JsonNode raw = st.profile.requiresRecreateDeploymentsEnvs() ? jsonBody(c, "recreate_deployments_envs")
        : jsonBody(c);
    if (!raw.isObject()) {
      // request_dict['force'] on a list (corpus seq 126)
      throw ApiException.internal("TypeError", raw.isArray() ? "list indices must be integers or slices, not str"
          : "'" + pyType(raw) + "' object is not subscriptable");
    }
    ObjectNode b = (ObjectNode) raw;
    synchronized (st) {
      if (!b.has("force")) {
        throw ApiException.internal("KeyError", "'force'"); // {} (seq 127)
      }
      boolean force = bool(b, "force", false);
      boolean restoreCerts = bool(b, "restore_certificates", false);
      boolean noReboot = bool(b, "no_reboot", false);
      if (noReboot && !restoreCerts) {
        throw ApiException.badParams("`no_reboot` is only relevant when `restore_certificates` is activated");
      }
      int timeout = 300;
      JsonNode t = b.get("timeout");
      if (t != null && !t.isNull()) {
        try {
          // Python's int(): numbers are truncated, booleans count, strings must be integers (corpus seq 204)
          timeout = t.isNumber() ? (int) t.asDouble() : t.isBoolean() ? (t.asBoolean() ? 1 : 0)
              : Integer.parseInt(t.asText().trim());
        } catch (NumberFormatException e) {
          throw ApiException.badParams("invalid parameter, should be int, got: " + t.asText());
        }
      }
      ObjectNode s = snapshot(id);
      if ("failed".equals(s.path("status").asText())) {
        throw new ApiException(400, "snapshot_action_error", "Failed snapshot cannot be restored");
      }
      List<ObjectNode> active = st.activeExecutions();
      ObjectNode params = Json.obj();
      params.put("snapshot_id", id);
      params.put("force", force);
      params.put("timeout", timeout);
      params.put("restore_certificates", restoreCerts);
      params.put("no_reboot", noReboot);
      if (st.profile.requiresRecreateDeploymentsEnvs()) {
        params.put("recreate_deployments_envs", bool(b, "recreate_deployments_envs", true));
      }
      params.put("premium_enabled", st.cfg.edition == Edition.PREMIUM);
      params.put("user_is_bootstrap_admin", c.user.equals(st.adminUser));
      params.set("config", st.configParams());
      ObjectNode e = st.newExecution("restore_snapshot", c.tenant, c.user, params, true, null, null);
      if (!active.isEmpty()) {
        // the execution row is stored before the running-executions check, and stays pending for ever: it
        // blocks later restores and keeps maintenance mode activating until someone kills it (seq 134-136)
        StringBuilder ids = new StringBuilder();
        for (ObjectNode a : active) {
          ids.append(ids.length() == 0 ? "" : ", ").append(a.path("id").asText());
        }
        throw new ApiException(400, "existing_running_execution_error",
            "Cannot start execution because there are other executions running e.g.: " + ids);
      }
      st.startExecution(e);
      ObjectNode out = Json.obj();
      for (String f : SNAPSHOT_FIELDS) {
        out.set(f, e.get(f));
      }
      sendJson(c, 200, out);
    }
  }

  private void download(Ctx c, String id) throws IOException {
    Path file;
    synchronized (st) {
      ObjectNode s = snapshot(id);
      if ("failed".equals(s.path("status").asText())) {
        throw new ApiException(400, "snapshot_action_error", "Failed snapshot cannot be downloaded");
      }
      file = st.archivePath(id);
    }
    drain(c);
    String fname = FileUtil.safeName(id) + ".zip";
    String disposition = st.profile == ServerProfile.V7_0_4
        ? "attachment; filename=\"" + fname + "\"" : "attachment; filename=" + fname;
    if (!Files.isRegularFile(file)) {
      // the service has already answered with X-Accel-Redirect and its headers; nginx finds no file and answers
      // its own HTML 404, keeping Content-Disposition (corpus seq 100): check the status, never the headers
      c.ex.getResponseHeaders().set("Content-Disposition", disposition);
      c.ex.getResponseHeaders().set("Cache-Control", "no-cache");
      sendHtml(c, 404, "404 Not Found");
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long start = 0;
      long end = size - 1;
      int status = 200;
      Headers h = c.ex.getResponseHeaders();
      String range = header(c, "Range");
      if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
        String[] p = range.substring(6).split("-", -1);
        try {
          if (p[0].isEmpty()) {
            start = Math.max(0, size - Long.parseLong(p[1]));
          } else {
            start = Long.parseLong(p[0]);
            if (!p[1].isEmpty()) {
              end = Math.min(end, Long.parseLong(p[1]));
            }
          }
          if (start >= size || start > end) {
            h.set("Content-Range", "bytes */" + size);
            sendHtml(c, 416, "416 Requested Range Not Satisfiable");
            return;
          }
          status = 206;
          h.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        } catch (NumberFormatException ignored) {
          start = 0;
          end = size - 1;
        }
      }
      long length = end - start + 1;
      h.set("Server", "nginx");
      h.set("Content-Type", "application/octet-stream");
      h.set("Content-Disposition", disposition);
      h.set("Cache-Control", "no-cache");
      h.set("Content-Description", "File Transfer");
      h.set("Accept-Ranges", "bytes");
      RequestJournal.status(c.rec, status);
      if (c.head) {
        c.ex.sendResponseHeaders(status, -1); // headers only (corpus seq 225)
        return;
      }
      c.ex.sendResponseHeaders(status, length == 0 ? -1 : length);
      long limit = c.fault != null && c.fault.type == FaultRule.Type.DROP_RESPONSE_AFTER
          ? Math.min(c.fault.bytes, length) : length;
      OutputStream out = c.ex.getResponseBody();
      ByteBuffer buf = ByteBuffer.allocate(BUF);
      long pos = start;
      long sent = 0;
      while (sent < limit) {
        buf.clear();
        buf.limit((int) Math.min(BUF, limit - sent));
        int r = ch.read(buf, pos);
        if (r <= 0) {
          break;
        }
        out.write(buf.array(), 0, r);
        pos += r;
        sent += r;
      }
      out.flush();
      if (limit < length) {
        RequestJournal.status(c.rec, -1);
        throw new Abort();
      }
    }
  }

  private void upload(Ctx c, String id) throws IOException {
    String url = c.q("snapshot_archive_url");
    Path tmp = Files.createTempFile(st.storageDir.resolve("tmp"), "upload-", ".zip");
    try {
      if (url != null) {
        String cl = header(c, "Content-Length");
        if ((cl != null && !cl.equals("0")) || header(c, "Transfer-Encoding") != null) {
          drain(c);
          throw ApiException.badParams("Can pass snapshot as only one of: URL via query parameters, "
              + "request body, multi-form or chunked.");
        }
        if (!url.matches("^(https?|ftp)://.+")) {
          throw ApiException.badParams("Invalid URL " + url); // file:// (corpus seq 88)
        }
        fetch(url, tmp);
      } else {
        String ct = lastHeader(c, "Content-Type");
        if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
          // werkzeug parses the bytes as a form, the service finds no stream and no file (corpus seq 91)
          drain(c);
          throw ApiException.internal("FileNotFoundError", "[Errno 2] No such file or directory: "
              + "'/opt/manager/resources/snapshots/.uploading/" + id + "'");
        }
        long limit = c.fault != null && c.fault.type == FaultRule.Type.DROP_REQUEST_AFTER
            ? c.fault.bytes : Long.MAX_VALUE;
        long total = 0;
        InputStream in = c.ex.getRequestBody();
        c.body = new byte[0];
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          byte[] buf = new byte[BUF];
          ByteBuffer bb = ByteBuffer.wrap(buf);
          while (true) {
            int want = (int) Math.min(BUF, limit - total);
            if (want <= 0) {
              break;
            }
            int r = in.read(buf, 0, want);
            if (r < 0) {
              break;
            }
            bb.clear();
            bb.limit(r);
            while (bb.hasRemaining()) {
              out.write(bb);
            }
            total += r;
          }
        }
        RequestJournal.body(c.rec, total, null);
        if (total >= limit) {
          throw new Abort();
        }
        if (total == 0) {
          // no body and no URL: nothing was written, and the service fails on the missing file (seq 90)
          throw ApiException.internal("FileNotFoundError", "[Errno 2] No such file or directory: "
              + "'/opt/manager/resources/snapshots/.uploading/" + id + "'");
        }
      }
      synchronized (st) {
        ObjectNode existing = st.kind("snapshots").get(id);
        Path dest = st.archivePath(id);
        if (existing != null) {
          if (st.profile.uploadOverwritesExisting()) {
            Files.createDirectories(dest.getParent());
            Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            ObjectNode empty = Json.obj();
            for (String f : SNAPSHOT_FIELDS) {
              empty.putNull(f);
            }
            sendJson(c, 201, empty);
            return;
          }
          throw conflict(id, existing.path("tenant_name").asText());
        }
        Files.createDirectories(dest.getParent());
        Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
        ObjectNode s = st.newSnapshot(id, "uploaded", c.tenant, c.user, "");
        sendJson(c, 201, s);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Any failure to fetch is the caller's: 400 "Cannot fetch URL: why" (corpus seq 86, 87). */
  private static void fetch(String url, Path dest) {
    try {
      HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection();
      conn.setConnectTimeout(5000);
      conn.setReadTimeout(30000);
      int code = conn.getResponseCode();
      if (code >= 400) {
        throw ApiException.badParams("Cannot fetch " + url + ": " + code + " Client Error: for url: " + url);
      }
      try (InputStream in = conn.getInputStream()) {
        Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException) {
        throw (ApiException) e;
      }
      throw ApiException.badParams("Cannot fetch " + url + ": " + (e instanceof IllegalArgumentException
          || e instanceof java.net.MalformedURLException ? "Failed to parse: " + url : e.toString()));
    }
  }

  // ------------------------------------------------------------------ executions (§4)

  private static final List<String> EXECUTION_FIELDS = Arrays.asList("id", "workflow_id", "status",
      "status_display", "error", "created_at", "started_at", "ended_at", "scheduled_for", "is_system_workflow",
      "is_dry_run", "resume", "allow_custom_parameters", "total_operations", "finished_operations",
      "deployment_id", "deployment_display_name", "blueprint_id", "parameters", "visibility", "tenant_name",
      "created_by", "resource_availability", "private_resource", "execution_group_id");

  private void executions(Ctx c, int n) {
    if (n == 1) {
      synchronized (st) {
        List<ObjectNode> rows = st.entities("executions", c.qTrue("_all_tenants") ? null : c.tenant);
        boolean sys = c.qTrue("_include_system_workflows") || c.query.containsKey("is_system_workflow");
        if (!sys) {
          rows.removeIf(e -> e.path("is_system_workflow").asBoolean());
        }
        c.query.remove("_include_system_workflows");
        if (c.qTrue("_get_all_results")) {
          c.query.remove("_size");
          c.query.remove("_offset");
        }
        c.query.remove("_get_all_results");
        List<String> fields = new ArrayList<>(EXECUTION_FIELDS);
        if (st.profile == ServerProfile.V7_0_4) {
          fields.add("parameters_p");
        }
        sendJson(c, 200, listEnvelope(c, rows, fields, false));
      }
      return;
    }
    String id = c.seg.get(1);
    if (c.method.equals("GET")) {
      synchronized (st) {
        sendJson(c, 200, include(c, execution(c, id), null));
      }
      return;
    }
    if (c.method.equals("PATCH")) {
      patchExecution(c, id);
      return;
    }
    JsonNode b = jsonBody(c, "action"); // a list body has no "action": 400 (corpus seq 68)
    String action = object(b).path("action").asText();
    if (!VALID_ACTIONS.contains(action)) {
      throw ApiException.badParams("Invalid action: " + action + ", Valid action values are: ['cancel', "
          + "'force-cancel', 'kill', 'resume', 'force-resume', 'requeue']");
    }
    synchronized (st) {
      ObjectNode e = execution(c, id);
      switch (action) {
        case "cancel":
        case "force-cancel":
        case "kill":
        case "requeue":
          sendJson(c, 200, st.cancel(e, action.equals("requeue") ? "cancel" : action));
          return;
        case "resume":
        case "force-resume": {
          String s = e.path("status").asText();
          boolean ok = action.equals("resume") ? Arrays.asList("started", "failed", "cancelled").contains(s)
              : Arrays.asList("failed", "cancelled").contains(s);
          if (!ok) {
            throw new ApiException(409, "conflict_error", "Cannot resume execution: `" + id + "` in state: `"
                + s + "`");
          }
          e.put("resume", true);
          st.setExecStatus(e, "pending");
          e.putNull("ended_at");
          st.startExecution(e);
          sendJson(c, 200, e);
          return;
        }
        default:
          throw ApiException.badParams("Unknown action: " + action + ". Valid actions are: [cancel, "
              + "force-cancel, kill, resume, force-resume, requeue]");
      }
    }
  }

  private static final Set<String> VALID_ACTIONS = new HashSet<>(Arrays.asList("cancel", "force-cancel", "kill",
      "resume", "force-resume", "requeue"));

  /**
   * {@code PATCH /executions/{id}} {@code {"status", "error"}}: how the manager's worker reports progress. Works in
   * both workflow modes (in the automatic one it competes with the fake's own worker, as a second worker would).
   */
  private void patchExecution(Ctx c, String id) {
    requireAdmin(c, "execution_status_update");
    ObjectNode b = object(jsonBody(c, "status"));
    JsonNode status = b.get("status");
    JsonNode error = b.get("error");
    if (!status.isTextual() || (error != null && !error.isNull() && !error.isTextual())) {
      throw ApiException.badParams("status and error must be strings");
    }
    synchronized (st) {
      ObjectNode e = execution(c, id);
      st.patchExecution(e, status.asText(), error == null || error.isNull() ? "" : error.asText());
      st.tick(); // a queued execution may start now
      sendJson(c, 200, e);
    }
  }

  private ObjectNode execution(Ctx c, String id) {
    ObjectNode e = st.kind("executions").get(id);
    if (e == null || !(c.tenant.equals(e.path("tenant_name").asText()) || "global".equals(e.path("visibility").asText()))) {
      throw ApiException.notFound("Execution", id);
    }
    return e;
  }

  private void events(Ctx c) {
    synchronized (st) {
      List<ObjectNode> rows = new ArrayList<>();
      boolean all = c.qTrue("_all_tenants");
      for (ObjectNode e : st.events) {
        if (all || c.tenant.equals(e.path("__tenant").asText())) {
          rows.add(e);
        }
      }
      c.query.remove("_include_logs");
      if (c.q("_size") == null) {
        c.query.put("_size", new ArrayList<>(Arrays.asList("10000")));
      }
      ObjectNode env = listEnvelope(c, rows, fieldsOf(rows, Arrays.asList("timestamp", "reported_timestamp",
          "blueprint_id", "deployment_id", "deployment_display_name", "workflow_id", "message",
          "error_causes", "event_type", "operation", "node_id", "source_id", "target_id",
          "node_instance_id", "type", "logger", "level", "manager_name", "agent_name", "execution_id",
          "execution_group_id")), false, "timestamp");
      // /events has its own envelope: default size 10000 and no metadata.filtered (corpus seq 215)
      ((ObjectNode) env.get("metadata")).remove("filtered");
      sendJson(c, 200, env);
    }
  }

  private void simpleList(Ctx c, String kind, boolean tenantScoped, boolean search) {
    synchronized (st) {
      List<ObjectNode> rows = st.entities(kind, !tenantScoped || c.qTrue("_all_tenants") ? null : c.tenant);
      sendJson(c, 200, listEnvelope(c, rows, fieldsOf(rows, null), search));
    }
  }

  private void getOne(Ctx c, String kind, String id) {
    synchronized (st) {
      ObjectNode e = st.kind(kind).get(id);
      if (e == null) {
        String name = kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1, kind.length() - 1);
        throw ApiException.notFound(name, id);
      }
      sendJson(c, 200, include(c, e, null));
    }
  }

  private void tokens(Ctx c, int n) {
    // POST /tokens is a JSON-body endpoint like the others: exact Content-Type even without a body (seq 20, 21)
    JsonNode body = n == 1 && c.method.equals("POST") ? object(jsonBody(c)) : Json.obj();
    synchronized (st) {
      if (n == 1 && (c.method.equals("POST") || st.profile == ServerProfile.V5_0_5)) {
        String secret = UUID.randomUUID().toString().replace("-", "");
        String tid = secret.substring(0, 10);
        ObjectNode o = Json.obj();
        String value;
        if (st.profile == ServerProfile.V5_0_5) {
          value = "WyIwIiwiZmFrZSJd." + secret;
          o.put("username", c.user);
          o.put("value", value);
          o.put("role", c.role);
        } else {
          value = "ctok-" + tid + "-" + secret;
          o.put("id", tid);
          o.put("username", c.user);
          o.put("value", value);
          o.put("role", c.role);
          o.putNull("expiration_date");
          o.putNull("last_used");
          JsonNode b = body;
          o.set("description", b.hasNonNull("description") ? b.get("description") : null);
          if (o.get("description") == null) {
            o.putNull("description");
          }
        }
        st.tokens.put(value, c.user);
        sendJson(c, 200, o);
        return;
      }
      List<ObjectNode> rows = new ArrayList<>();
      for (Map.Entry<String, String> t : st.tokens.entrySet()) {
        String[] p = t.getKey().split("-");
        ObjectNode o = Json.obj();
        o.put("id", p.length == 3 ? p[1] : t.getKey());
        o.put("username", t.getValue());
        o.put("value", p.length == 3 ? "ctok-" + p[1] + "-********" : "********");
        o.put("role", st.role(t.getValue()));
        o.putNull("expiration_date");
        o.putNull("last_used");
        o.putNull("description");
        rows.add(o);
      }
      sendJson(c, 200, listEnvelope(c, rows, fieldsOf(rows, null), false));
    }
  }

  // ------------------------------------------------------------------ list machinery (§1.2, §1.3)

  private static List<String> fieldsOf(List<ObjectNode> rows, List<String> dflt) {
    Set<String> f = new LinkedHashSet<>();
    if (dflt != null) {
      f.addAll(dflt);
    }
    for (ObjectNode r : rows) {
      r.fieldNames().forEachRemaining(n -> {
        if (!n.startsWith("__")) {
          f.add(n);
        }
      });
    }
    if (f.isEmpty()) {
      f.add("id");
    }
    return new ArrayList<>(f);
  }

  private ObjectNode listEnvelope(Ctx c, List<ObjectNode> rows, List<String> fields, boolean search) {
    return listEnvelope(c, rows, fields, search, "created_at");
  }

  private ObjectNode listEnvelope(Ctx c, List<ObjectNode> rows, List<String> fields, boolean search,
                  String defaultSort) {
    int size = pagination(c, "_size", 1000);
    int offset = pagination(c, "_offset", 0);
    List<String> sorts = c.query.getOrDefault("_sort", new ArrayList<>());
    List<String> includes = includeFields(c, fields);
    // filter keys and values are checked before any row is looked at (an empty list refuses them too), when the
    // fields are known: a declared field list, or rows to learn them from
    boolean fieldsKnown = !rows.isEmpty() || fields.size() > 1;
    for (Map.Entry<String, List<String>> q : c.query.entrySet()) {
      String k = q.getKey();
      if (k.startsWith("_")) {
        continue;
      }
      if (fieldsKnown && !fields.contains(k)) {
        throw ApiException.badParams("Unknown field to filter by: " + k); // corpus seq 118
      }
      Set<String> domain = enumDomain(k, fields);
      if (domain != null) {
        for (String want : q.getValue()) {
          if (!domain.contains(want)) {
            // PostgreSQL refuses a value outside the column's enum: 500 (corpus seq 117)
            throw ApiException.internal("DataError", "(psycopg2.errors.InvalidTextRepresentation) invalid input "
                + "value for enum: \"" + want + "\"");
          }
        }
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    String searchText = search ? c.q("_search") : null;
    for (ObjectNode r : rows) {
      if (searchText != null && !r.path("id").asText().contains(searchText)) {
        continue;
      }
      boolean ok = true;
      for (Map.Entry<String, List<String>> q : c.query.entrySet()) {
        String k = q.getKey();
        if (k.startsWith("_")) {
          continue;
        }
        JsonNode v = r.get(k);
        String s = v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
        boolean any = false;
        for (String want : q.getValue()) {
          if (want.equals(s)) {
            any = true;
            break;
          }
        }
        if (!any) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(r);
      }
    }
    Comparator<ObjectNode> cmp = null;
    for (String s : sorts) {
      if (!SORT.matcher(s).matches()) {
        throw ApiException.pydantic("1 validation error for ListQuery\n_sort\n  string does not match regex "
            + "\"[+-]?@?\\w+\" (type=value_error.str.regex; pattern=[+-]?@?\\w+)");
      }
      boolean desc = s.startsWith("-");
      String f = s.replaceFirst("^[+-]", "").replaceFirst("^@", "");
      if (!fields.contains(f)) {
        StringBuilder allowed = new StringBuilder();
        for (String x : fields) {
          allowed.append(allowed.length() == 0 ? "'" : ", '").append(x).append("'");
        }
        throw ApiException.badParams("Sort keys '['" + f + "']' do not exist. Allowed keys are: [" + allowed + "]");
      }
      Comparator<ObjectNode> one = Comparator.comparing((ObjectNode r) -> sortKey(r, f),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      if (desc) {
        one = one.reversed();
      }
      cmp = cmp == null ? one : cmp.thenComparing(one);
    }
    if (fields.contains(defaultSort)) {
      Comparator<ObjectNode> d = Comparator.comparing((ObjectNode r) -> sortKey(r, defaultSort),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      cmp = cmp == null ? d : cmp.thenComparing(d);
    }
    if (cmp != null) {
      out.sort(cmp);
    }
    ObjectNode env = Json.obj();
    ArrayNode items = env.putArray("items");
    for (int i = offset; i < out.size() && i < (long) offset + size; i++) {
      items.add(project(out.get(i), includes));
    }
    ObjectNode meta = env.putObject("metadata");
    ObjectNode p = meta.putObject("pagination");
    p.put("total", out.size());
    p.put("size", size);
    p.put("offset", offset);
    if (st.profile.hasFilteredMetadata()) {
      meta.putNull("filtered");
    }
    return env;
  }

  /** The values of an enum column (a filter outside them is a database error), or null. */
  private static Set<String> enumDomain(String key, List<String> fields) {
    if (key.equals("visibility")) {
      return new HashSet<>(Arrays.asList("private", "tenant", "global"));
    }
    if (key.equals("status")) {
      if (fields == SNAPSHOT_FIELDS) {
        return SNAPSHOT_STATES;
      }
      if (fields.contains("workflow_id") && fields.contains("status_display")) {
        return State.ALL_STATES;
      }
    }
    return null;
  }

  private static String sortKey(ObjectNode r, String f) {
    JsonNode v = r.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return String.format(Locale.ROOT, "%020.6f", v.asDouble());
    }
    return v.asText();
  }

  private static int pagination(Ctx c, String key, int dflt) {
    String v = c.q(key);
    if (v == null) {
      return dflt;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.pydantic("1 validation error for Pagination\n" + key
          + "\n  value is not a valid integer (type=type_error.integer)");
    }
    if (n < 0) {
      throw ApiException.pydantic("1 validation error for Pagination\n" + key
          + "\n  ensure this value is greater than or equal to 0 (type=value_error.number.not_ge; "
          + "limit_value=0)");
    }
    return n;
  }

  private static List<String> includeFields(Ctx c, List<String> fields) {
    String inc = c.q("_include");
    if (inc == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (List<String> vs : java.util.Collections.singletonList(c.query.get("_include"))) {
      for (String v : vs) {
        for (String f : v.split(",")) {
          if (f.isEmpty()) {
            continue;
          }
          if (fields != null && !fields.contains(f)) {
            throw new ApiException(400, "no_such_include_field_error", "Field " + f + " does not exist");
          }
          out.add(f);
        }
      }
    }
    return out;
  }

  private ObjectNode include(Ctx c, ObjectNode n, List<String> fields) {
    List<String> f = fields != null ? fields : fieldsOf(java.util.Collections.singletonList(n), null);
    return project(n, includeFields(c, f));
  }

  private static ObjectNode project(ObjectNode n, List<String> includes) {
    ObjectNode o = Json.obj();
    if (includes == null) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().startsWith("__")) {
          o.set(e.getKey(), e.getValue().deepCopy());
        }
      }
      return o;
    }
    for (String f : includes) {
      JsonNode v = n.get(f);
      o.set(f, v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v.deepCopy());
    }
    return o;
  }

  // ------------------------------------------------------------------ I/O helpers

  private static String header(Ctx c, String name) {
    return c.ex.getRequestHeaders().getFirst(name);
  }

  /** The last of a repeated header: what werkzeug reads for {@code Content-Type} (corpus seq 28, 128, 129). */
  private static String lastHeader(Ctx c, String name) {
    List<String> v = c.ex.getRequestHeaders().get(name);
    return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
  }

  /** A repeated header as the WSGI server joins it: the values separated by a comma (corpus seq 14). */
  private static String joinedHeader(Ctx c, String name) {
    List<String> v = c.ex.getRequestHeaders().get(name);
    return v == null || v.isEmpty() ? null : String.join(",", v);
  }

  private static void parseQuery(Ctx c, String raw) {
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

  private static byte[] readAll(Ctx c) {
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

  private static void drain(Ctx c) {
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
  private static JsonNode jsonBody(Ctx c, String... required) {
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
  private static ObjectNode object(JsonNode n) {
    if (!n.isObject()) {
      throw ApiException.internal("AttributeError", "'" + pyType(n) + "' object has no attribute 'get'");
    }
    return (ObjectNode) n;
  }

  private static String pyType(JsonNode n) {
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

  private void sendJson(Ctx c, int status, JsonNode body) {
    readAll(c);
    JsonNode clean = body.isObject() ? stripInternal((ObjectNode) body) : body;
    sendRaw(c, status, "application/json", Json.bytes(clean));
  }

  private static JsonNode stripInternal(ObjectNode n) {
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

  private static void sendRaw(Ctx c, int status, String contentType, byte[] body) {
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

  private static void send304(Ctx c) {
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

  private static void sendHtml(Ctx c, int status, String title) {
    String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    sendRaw(c, status, "text/html", html.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendWerkzeug405(Ctx c) {
    String html = "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed"
        + "</h1>\n<p>The method is not allowed for the requested URL.</p>\n";
    sendRaw(c, 405, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }
}
