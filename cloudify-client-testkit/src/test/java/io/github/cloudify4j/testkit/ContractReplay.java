package io.github.cloudify4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the recorded real-manager exchanges ({@code contract/real-manager-7.1.jsonl} on the test class path) against
 * a live server over plain HTTP and compares every answer with the recorded one, exactly as the corpus's own
 * {@code replay_contract.py} does: status, the {@code error_code} of JSON bodies, the body kind
 * (empty/json/text/binary), the JSON shape (keys and value types recursively, {@code null} only matches {@code null},
 * list lengths), the Content-Type family (json/html/octet-stream/none/other) and the length of binary bodies. Ids,
 * tokens and the API token are bound from the live answers as the replay goes ({@code <uuid:N>}, {@code
 * <token-id:N>}, {@code <token-secret>}). Requests go out as recorded: the path byte for byte, only the recorded
 * headers (repeated ones repeated) plus {@code Host}, {@code Content-Length} or chunked framing, one connection per
 * exchange. {@code "kind": "fs"} lines create or remove the restore flag file.
 */
final class ContractReplay {
  static final String CORPUS = "contract/real-manager-7.1.jsonl";
  static final int RECORDED_PORT = 53229;
  private static final ObjectMapper M = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern BIND_PH = Pattern.compile("<(uuid:\\d+|token-id:\\d+|token-secret)>");
  private static final Pattern ANY_PH = Pattern.compile("<(?:uuid:\\d+|token-id:\\d+|token-secret|ts:[^<>]*|"
      + "http-date|etag|addr|masked|CFY_ROOT|RM_SRC|dist-packages|local-python3|python3\\.11-stdlib|"
      + "contract-dir|realmanager-dir)>");
  private static final String API_TOKEN = "<api-token from auth.tokens.create>";
  private static final Pattern BASIC = Pattern.compile("^Basic <([^:<>]*):([^<>]*)>$");

  /** One replayed line: what was compared and what differed. */
  static final class Outcome {
    final int seq;
    final String caseName;
    final String actor;
    final String skipped;
    final int liveStatus;
    final List<String> diffs;
    final Set<String> unbound;

    Outcome(int seq, String caseName, String actor, String skipped, int liveStatus, List<String> diffs,
            Set<String> unbound) {
      this.seq = seq;
      this.caseName = caseName;
      this.actor = actor;
      this.skipped = skipped;
      this.liveStatus = liveStatus;
      this.diffs = diffs;
      this.unbound = unbound;
    }

    boolean ok() {
      return skipped == null && diffs.isEmpty() && unbound.isEmpty();
    }

    @Override
    public String toString() {
      String head = String.format(Locale.ROOT, "%4d %-6s %-50s", seq, actor, caseName);
      if (skipped != null) {
        return head + " skipped: " + skipped;
      }
      return head + " -> " + liveStatus + (ok() ? "  ok" : "  DIFF: " + String.join("; ", diffs)
          + (unbound.isEmpty() ? "" : "  [unbound: " + unbound + "]"));
    }
  }

  private final String host;
  private final int port;
  private final Path flagFile;
  private final String user;
  private final String password;
  private final Map<String, String> values = new LinkedHashMap<>();

  ContractReplay(String host, int port, Path flagFile, String user, String password) {
    this.host = host;
    this.port = port;
    this.flagFile = flagFile;
    this.user = user;
    this.password = password;
  }

  /** The corpus lines, in order, from the test class path. */
  static List<JsonNode> corpus() {
    InputStream in = ContractReplay.class.getClassLoader().getResourceAsStream(CORPUS);
    if (in == null) {
      throw new IllegalStateException(CORPUS + " is not on the test class path");
    }
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String ln;
      while ((ln = r.readLine()) != null) {
        if (!ln.isBlank()) {
          out.add(M.readTree(ln));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Replays every line in order; lines via the backend (no nginx in front) are skipped. */
  List<Outcome> replay(List<JsonNode> lines) {
    List<Outcome> out = new ArrayList<>();
    for (JsonNode line : lines) {
      out.add(one(line));
    }
    return out;
  }

  private Outcome one(JsonNode line) {
    int seq = line.path("seq").asInt();
    String caseName = line.path("case").asText();
    String actor = line.path("actor").asText();
    JsonNode q = line.path("request");
    if ("backend".equals(q.path("via").asText())) {
      return new Outcome(seq, caseName, actor, "via backend (the REST service without nginx)", 0, List.of(),
          Set.of());
    }
    List<String> diffs = new ArrayList<>();
    Set<String> unbound = new LinkedHashSet<>();
    if ("fs".equals(line.path("kind").asText())) {
      try {
        String op = q.path("method").asText();
        if (op.equals("FS-CREATE")) {
          Files.createDirectories(flagFile.toAbsolutePath().getParent());
          if (!Files.exists(flagFile)) {
            Files.createFile(flagFile);
          }
        } else if (op.equals("FS-REMOVE")) {
          Files.deleteIfExists(flagFile);
        } else {
          diffs.add("unknown fs method " + op);
        }
      } catch (IOException e) {
        diffs.add("fs: " + e);
      }
      return new Outcome(seq, caseName, actor, null, 0, diffs, unbound);
    }
    Live live;
    try {
      live = send(q, unbound);
    } catch (IOException e) {
      diffs.add("no answer: " + e);
      return new Outcome(seq, caseName, actor, null, -1, diffs, unbound);
    }
    JsonNode rec = line.path("response");
    JsonNode ljson = compare(rec, live, diffs);
    if ("json".equals(rec.path("body_kind").asText()) && ljson != null) {
      learn(rec.get("json"), ljson);
    }
    return new Outcome(seq, caseName, actor, null, live.status, diffs, unbound);
  }

  // ------------------------------------------------------------------ binding

  private String sub(String s, Set<String> unbound) {
    if (s.contains(API_TOKEN)) {
      String v = values.get(API_TOKEN);
      if (v == null) {
        unbound.add(API_TOKEN);
        v = "unbound-api-token";
      }
      s = s.replace(API_TOKEN, v);
    }
    Matcher m = BIND_PH.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String ph = m.group(0);
      String v = values.get(ph);
      if (v == null) {
        unbound.add(ph);
        v = "unbound-" + m.group(1).replace(':', '-');
      }
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  private void learnString(String rec, String live) {
    if (!BIND_PH.matcher(rec).find()) {
      return;
    }
    StringBuilder rx = new StringBuilder();
    Map<String, String> groups = new LinkedHashMap<>();
    Map<String, String> seen = new LinkedHashMap<>();
    Matcher m = ANY_PH.matcher(rec);
    int pos = 0;
    while (m.find()) {
      rx.append(Pattern.quote(rec.substring(pos, m.start())));
      String ph = m.group(0);
      if (BIND_PH.matcher(ph).matches()) {
        if (values.containsKey(ph)) {
          rx.append(Pattern.quote(values.get(ph)));
        } else if (seen.containsKey(ph)) {
          rx.append("\\k<").append(seen.get(ph)).append(">");
        } else {
          String g = "g" + groups.size();
          groups.put(g, ph);
          seen.put(ph, g);
          rx.append("(?<").append(g).append(">.+?)");
        }
      } else {
        rx.append(".*?");
      }
      pos = m.end();
    }
    rx.append(Pattern.quote(rec.substring(pos)));
    Matcher lm = Pattern.compile(rx.toString(), Pattern.DOTALL).matcher(live);
    if (!lm.matches()) {
      return;
    }
    for (Map.Entry<String, String> g : groups.entrySet()) {
      values.put(g.getValue(), lm.group(g.getKey()));
    }
    if (rec.matches("ctok-<token-id:\\d+>-<token-secret>") && !values.containsKey(API_TOKEN)) {
      values.put(API_TOKEN, live);
    }
  }

  private void learn(JsonNode rec, JsonNode live) {
    if (rec == null || live == null) {
      return;
    }
    if (rec.isTextual()) {
      if (live.isTextual()) {
        learnString(rec.asText(), live.asText());
      }
    } else if (rec.isObject() && live.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = rec.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        String lk = BIND_PH.matcher(k).find() ? sub(k, new LinkedHashSet<>()) : k;
        if (live.has(lk)) {
          learn(e.getValue(), live.get(lk));
        }
      }
    } else if (rec.isArray() && live.isArray()) {
      for (int i = 0; i < Math.min(rec.size(), live.size()); i++) {
        learn(rec.get(i), live.get(i));
      }
    }
  }

  private JsonNode subJson(JsonNode v, Set<String> unbound) {
    if (v.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      v.fields().forEachRemaining(e -> o.set(sub(e.getKey(), unbound), subJson(e.getValue(), unbound)));
      return o;
    }
    if (v.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      v.forEach(x -> a.add(subJson(x, unbound)));
      return a;
    }
    if (v.isTextual()) {
      return JsonNodeFactory.instance.textNode(sub(v.asText(), unbound));
    }
    return v;
  }

  // ------------------------------------------------------------------ compare

  static String jtype(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isIntegralNumber()) {
      return "int";
    }
    if (v.isNumber()) {
      return "float";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isArray()) {
      return "list";
    }
    return "object";
  }

  private static String shortJson(JsonNode v) {
    String s = v == null ? "null" : v.toString();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  static void shapeDiffs(JsonNode rec, JsonNode live, String path, List<String> out) {
    String tr = jtype(rec);
    String tl = jtype(live);
    if (!tr.equals(tl)) {
      if (tr.equals("null") || tl.equals("null")) {
        out.add(path + ": value differs: " + shortJson(rec) + " vs " + shortJson(live));
      } else {
        out.add(path + ": type " + tr + " vs " + tl);
      }
      return;
    }
    if (tr.equals("object")) {
      rec.fieldNames().forEachRemaining(k -> {
        if (!live.has(k)) {
          out.add(path + "." + k + ": missing");
        }
      });
      live.fieldNames().forEachRemaining(k -> {
        if (!rec.has(k)) {
          out.add(path + "." + k + ": extra");
        }
      });
      rec.fieldNames().forEachRemaining(k -> {
        if (live.has(k)) {
          shapeDiffs(rec.get(k), live.get(k), path + "." + k, out);
        }
      });
    } else if (tr.equals("list")) {
      if (rec.size() != live.size()) {
        out.add(path + ": length " + rec.size() + " vs " + live.size());
      }
      for (int i = 0; i < Math.min(rec.size(), live.size()); i++) {
        shapeDiffs(rec.get(i), live.get(i), path + "[" + i + "]", out);
      }
    }
  }

  static String ctFamily(String v) {
    if (v == null) {
      return "none";
    }
    v = v.toLowerCase(Locale.ROOT);
    if (v.contains("json")) {
      return "json";
    }
    if (v.startsWith("text/html")) {
      return "html";
    }
    if (v.contains("octet-stream") || v.contains("zip")) {
      return "octet-stream";
    }
    String f = v.split(";")[0].trim();
    return f.isEmpty() ? "none" : f;
  }

  private static JsonNode compare(JsonNode rec, Live live, List<String> diffs) {
    int rs = rec.path("status").asInt();
    if (rs != live.status) {
      diffs.add("status " + rs + " vs " + live.status);
    }
    JsonNode rctNode = rec.path("headers").get("content-type");
    String rct = ctFamily(rctNode == null ? null : rctNode.isArray() ? rctNode.get(0).asText() : rctNode.asText());
    String lct = ctFamily(live.contentType);
    if (!rct.equals(lct)) {
      diffs.add("content-type " + rct + " vs " + lct);
    }
    String lkind;
    JsonNode ljson = null;
    String ct = live.contentType == null ? "" : live.contentType.toLowerCase(Locale.ROOT);
    if (live.body.length == 0) {
      lkind = "empty";
    } else if (ct.startsWith("application/octet-stream") || ct.startsWith("application/zip")) {
      lkind = "binary";
    } else {
      String txt = decodeUtf8(live.body);
      if (txt == null) {
        lkind = "binary";
      } else {
        try {
          ljson = M.readTree(txt);
          lkind = ljson == null || ljson.isMissingNode() ? "text" : "json";
        } catch (IOException e) {
          lkind = "text";
        }
        if (!lkind.equals("json")) {
          ljson = null;
        }
      }
    }
    String rkind = rec.path("body_kind").asText();
    if (!rkind.equals(lkind)) {
      diffs.add("body " + rkind + " vs " + lkind);
    }
    JsonNode rj = rec.get("json");
    String rerr = rkind.equals("json") && rj != null && rj.isObject() && rj.has("error_code")
        ? rj.get("error_code").asText(null) : null;
    String lerr = lkind.equals("json") && ljson.isObject() && ljson.has("error_code")
        ? ljson.get("error_code").asText(null) : null;
    if (!java.util.Objects.equals(rerr, lerr)) {
      diffs.add("error_code " + rerr + " vs " + lerr);
    }
    if (rkind.equals("json") && lkind.equals("json")) {
      shapeDiffs(rj, ljson, "$", diffs);
    }
    if (rkind.equals("binary") && lkind.equals("binary") && rec.path("length").asInt() != live.body.length) {
      diffs.add("binary length " + rec.path("length").asInt() + " vs " + live.body.length);
    }
    return ljson;
  }

  private static String decodeUtf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ HTTP

  /** A live answer. */
  static final class Live {
    int status;
    String contentType;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    byte[] body = new byte[0];
  }

  private Live send(JsonNode q, Set<String> unbound) throws IOException {
    String method = q.path("method").asText();
    String path = sub(q.path("path").asText(), unbound);
    String query = q.path("query").isNull() ? "" : sub(q.path("query").asText(""), unbound);
    if (!query.isEmpty() && port != RECORDED_PORT) {
      // the recorded server's own front, used as a snapshot_archive_url that answers 404
      query = query.replace("127.0.0.1%3A" + RECORDED_PORT, "127.0.0.1%3A" + port);
    }
    String kind = q.path("body_kind").asText();
    byte[] body = null;
    JsonNode b = q.get("body");
    if (kind.equals("json")) {
      body = M.writeValueAsBytes(subJson(b, unbound));
    } else if (kind.equals("text")) {
      body = sub(b.asText(), unbound).getBytes(StandardCharsets.UTF_8);
    } else if (kind.equals("binary")) {
      body = Base64.getDecoder().decode(b.path("base64").asText());
    }
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    boolean chunked = false;
    Iterator<Map.Entry<String, JsonNode>> it = q.path("headers").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> h = it.next();
      List<String> vals = new ArrayList<>();
      if (h.getValue().isArray()) {
        h.getValue().forEach(x -> vals.add(x.asText()));
      } else {
        vals.add(h.getValue().asText());
      }
      for (String v : vals) {
        String k = h.getKey();
        if (k.equalsIgnoreCase("authorization")) {
          Matcher m = BASIC.matcher(v);
          if (m.matches()) {
            String u = m.group(1);
            String p = m.group(2);
            if (u.equals("admin") && p.equals("admin")) {
              u = user;
              p = password;
            } else if (u.equals("admin")) {
              u = user;
            }
            v = "Basic " + Base64.getEncoder().encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8));
          }
        } else {
          v = sub(v, unbound);
        }
        if (k.equalsIgnoreCase("transfer-encoding") && v.equalsIgnoreCase("chunked")) {
          chunked = true;
        }
        if (k.equalsIgnoreCase("content-length") && body != null && Integer.parseInt(v) != body.length) {
          v = String.valueOf(body.length);
        }
        head.append(k).append(": ").append(v).append("\r\n");
      }
    }
    head.append("\r\n");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 5000);
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        if (chunked) {
          for (int i = 0; i < body.length; i += 8192) {
            int n = Math.min(8192, body.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, i, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
          out.write(body);
        }
      }
      out.flush();
      return read(s.getInputStream(), method.equals("HEAD"));
    }
  }

  private static Live read(InputStream in, boolean head) throws IOException {
    Live l = new Live();
    String status = line(in);
    String[] p = status.split(" ", 3);
    l.status = Integer.parseInt(p[1]);
    String h;
    while (!(h = line(in)).isEmpty()) {
      int i = h.indexOf(':');
      String k = h.substring(0, i).trim().toLowerCase(Locale.ROOT);
      String v = h.substring(i + 1).trim();
      l.headers.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      if (k.equals("content-type") && l.contentType == null) {
        l.contentType = v;
      }
    }
    if (head || l.status == 304 || l.status == 204 || l.status < 200) {
      return l;
    }
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    List<String> te = l.headers.get("transfer-encoding");
    List<String> cl = l.headers.get("content-length");
    if (te != null && te.get(0).equalsIgnoreCase("chunked")) {
      while (true) {
        String size = line(in).split(";")[0].trim();
        int n = Integer.parseInt(size, 16);
        if (n == 0) {
          while (!line(in).isEmpty()) {
            // trailers
          }
          break;
        }
        bo.write(in.readNBytes(n));
        line(in);
      }
    } else if (cl != null) {
      bo.write(in.readNBytes(Integer.parseInt(cl.get(0))));
    } else {
      bo.write(in.readAllBytes());
    }
    l.body = bo.toByteArray();
    return l;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c == -1 && b.size() == 0) {
      throw new IOException("connection closed");
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }
}
