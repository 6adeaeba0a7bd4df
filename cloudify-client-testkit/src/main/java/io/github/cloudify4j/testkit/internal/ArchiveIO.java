package io.github.cloudify4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes and reads snapshot archives.
 *
 * <p>New (7.x) format: {@code metadata.json} = {@code {"snapshot_version": "7.0.4", "execution_id": ...}},
 * management entities in {@code mgmt/<kind>/0.json}, per-tenant entities in
 * {@code tenants/<tenant>/<kind>/<n>.json} (at most 500 per file), each file
 * {@code {"type": kind, "items": [...], "latest_timestamp": ...}}, events in
 * {@code tenants/<tenant>/executions_events/<execution id>.json}, and empty {@code composer/} and
 * {@code stage/} directories.
 *
 * <p>Legacy format (5.x, 6.x, 7.x {@code legacy=true}): {@code metadata.json} with
 * {@code snapshot_version}, {@code schema_revision}, {@code composer_schema_revision} and
 * {@code stage_schema_revision}; a placeholder {@code postgres.dump}; and {@code testkit-db.json},
 * the fake's own stand-in for the database dump (entities plus the admin credentials).
 */
public final class ArchiveIO {
  public static final int PER_FILE = 500;
  private static final Map<String, String> SCHEMA = new LinkedHashMap<>();

  static {
    SCHEMA.put("5.0.5", "423a1cbe6dd4");
    SCHEMA.put("6.4.0", "272e61bf5f4a");
    SCHEMA.put("7.0.4", "7a1b59cb9e7b");
  }

  private ArchiveIO() {
  }

  /** What a restore needs from an archive. */
  public static final class Content {
    public boolean legacy;
    public String snapshotVersion;
    public String executionId;
    public String adminPassword;
    public boolean hasEntities;
    public final Map<String, List<ObjectNode>> entities = new LinkedHashMap<>();
  }

  static ObjectNode clean(ObjectNode n, boolean keepPassword) {
    ObjectNode c = n.deepCopy();
    Iterator<String> it = c.fieldNames();
    List<String> drop = new ArrayList<>();
    while (it.hasNext()) {
      String f = it.next();
      if (f.startsWith("__") && !(keepPassword && f.equals("__password"))) {
        drop.add(f);
      }
    }
    c.remove(drop);
    return c;
  }

  public static void write(Path zip, State st, String executionId, boolean legacy) throws IOException {
    Files.createDirectories(zip.getParent());
    Path tmp = Files.createTempFile(st.storageDir().resolve("tmp"), "create-", ".zip");
    try (OutputStream fo = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(fo)) {
      ObjectNode meta = Json.obj();
      meta.put("snapshot_version", st.profile().version());
      if (legacy) {
        String rev = SCHEMA.getOrDefault(st.profile().version(), "7a1b59cb9e7b");
        meta.put("schema_revision", rev);
        meta.put("composer_schema_revision", "20230503133536-add-favorites.js");
        meta.put("stage_schema_revision", "20230123150501-add-ua-config.js");
        meta.put("created_at", Json.ts(st.now()));
        put(z, "metadata.json", Json.bytes(meta));
        put(z, "postgres.dump", ("-- cloudify4j testkit: placeholder for the pg_dump of cloudify_db.\n"
            + "-- The fake keeps its data in testkit-db.json.\n").getBytes(StandardCharsets.UTF_8));
        ObjectNode db = Json.obj();
        for (String kind : State.TENANT_KINDS) {
          ArrayNode a = db.putArray(kind);
          for (ObjectNode n : st.kind(kind).values()) {
            a.add(clean(n, false));
          }
        }
        ArrayNode evs = db.putArray("events");
        for (ObjectNode e : st.events()) {
          evs.add(e.deepCopy());
        }
        for (String kind : State.MGMT_KINDS) {
          ArrayNode a = db.putArray(kind);
          for (ObjectNode n : st.kind(kind).values()) {
            ObjectNode c = clean(n, false);
            if ("users".equals(kind)) {
              c.put("__password", st.password(n.path("username").asText()));
            }
            a.add(c);
          }
        }
        ObjectNode admin = db.putObject("admin");
        admin.put("username", st.adminUser());
        admin.put("password", st.password(st.adminUser()));
        put(z, "testkit-db.json", Json.bytes(db));
      } else {
        writeNew(z, st, meta, executionId);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void writeNew(ZipOutputStream z, State st, ObjectNode meta, String executionId) throws IOException {
    {
      meta.put("execution_id", executionId);
      put(z, "metadata.json", Json.bytes(meta));
      for (String d : new String[] {"mgmt/", "tenants/", "composer/", "stage/"}) {
        directory(z, d);
      }
      for (String tenant : st.kind("tenants").keySet()) {
        // The restore finds tenants only through these directory entries, as the real zips have them.
        directory(z, "tenants/" + tenant + "/");
      }
      for (String kind : State.MGMT_KINDS) {
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode n : st.kind(kind).values()) {
          items.add(clean(n, false));
        }
        writeChunks(z, "mgmt/" + kind + "/", kind, items);
      }
      for (String tenant : st.kind("tenants").keySet()) {
        for (String kind : State.TENANT_KINDS) {
          List<ObjectNode> items = new ArrayList<>();
          for (ObjectNode n : st.kind(kind).values()) {
            if (tenant.equals(n.path("tenant_name").asText())) {
              items.add(clean(n, false));
            }
          }
          writeChunks(z, "tenants/" + tenant + "/" + kind + "/", kind, items);
        }
        Map<String, List<ObjectNode>> byExec = new LinkedHashMap<>();
        for (ObjectNode e : st.events()) {
          if (tenant.equals(e.path("__tenant").asText())) {
            byExec.computeIfAbsent(e.path("execution_id").asText(), k -> new ArrayList<>())
                .add(clean(e, false));
          }
        }
        for (Map.Entry<String, List<ObjectNode>> en : byExec.entrySet()) {
          ObjectNode f = Json.obj();
          f.put("type", "events");
          ArrayNode a = f.putArray("items");
          en.getValue().forEach(a::add);
          put(z, "tenants/" + tenant + "/executions_events/" + en.getKey() + ".json", Json.bytes(f));
        }
      }
    }
  }

  private static void writeChunks(ZipOutputStream z, String dir, String kind, List<ObjectNode> items)
      throws IOException {
    for (int i = 0, file = 0; i < items.size(); i += PER_FILE, file++) {
      ObjectNode f = Json.obj();
      f.put("type", kind);
      ArrayNode a = f.putArray("items");
      String latest = null;
      for (ObjectNode n : items.subList(i, Math.min(items.size(), i + PER_FILE))) {
        a.add(n);
        String ts = n.path("plugins".equals(kind) ? "uploaded_at" : "created_at").asText(null);
        if (ts != null && (latest == null || ts.compareTo(latest) > 0)) {
          latest = ts;
        }
      }
      if (latest != null) {
        f.put("latest_timestamp", latest);
      }
      put(z, dir + file + ".json", Json.bytes(f));
    }
  }

  /** Directory entries already written, per open zip: every folder gets one, as Python's zip writers do. */
  private static final Map<ZipOutputStream, java.util.Set<String>> DIRECTORIES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static void directory(ZipOutputStream z, String dir) throws IOException {
    java.util.Set<String> written = DIRECTORIES.computeIfAbsent(z, k -> new java.util.HashSet<>());
    if (written.add(dir)) {
      z.putNextEntry(new ZipEntry(dir));
      z.closeEntry();
    }
  }

  private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      directory(z, name.substring(0, slash + 1));
    }
    z.putNextEntry(new ZipEntry(name));
    z.write(data);
    z.closeEntry();
  }

  public static Content read(Path zip) throws IOException {
    if (!Files.isRegularFile(zip)) {
      throw new IOException("snapshot archive not found: " + zip.getFileName());
    }
    Content c = new Content();
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      ZipEntry me = zf.getEntry("metadata.json");
      if (me == null) {
        throw new IOException("metadata.json not found in the snapshot archive");
      }
      JsonNode meta = readJson(zf, me);
      c.snapshotVersion = meta.path("snapshot_version").asText(null);
      c.executionId = meta.path("execution_id").asText(null);
      c.legacy = meta.has("schema_revision") && meta.has("composer_schema_revision")
          && meta.has("stage_schema_revision");
      if (c.legacy) {
        ZipEntry db = zf.getEntry("testkit-db.json");
        if (db != null) {
          JsonNode d = readJson(zf, db);
          c.hasEntities = true;
          Iterator<Map.Entry<String, JsonNode>> it = d.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> en = it.next();
            if (en.getValue().isArray()) {
              List<ObjectNode> l = new ArrayList<>();
              en.getValue().forEach(n -> l.add((ObjectNode) n));
              c.entities.put(en.getKey(), l);
            }
          }
          c.adminPassword = d.path("admin").path("password").asText(null);
        }
        return c;
      }
      c.hasEntities = true;
      Enumeration<? extends ZipEntry> en = zf.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        String name = e.getName();
        if (e.isDirectory() || !name.endsWith(".json")) {
          continue;
        }
        String[] parts = name.split("/");
        String kind = null;
        String tenant = null;
        if (parts.length == 3 && parts[0].equals("mgmt")) {
          kind = parts[1];
        } else if (parts.length == 4 && parts[0].equals("tenants")) {
          tenant = parts[1];
          kind = parts[2].equals("executions_events") ? "events" : parts[2];
        }
        if (kind == null || kind.endsWith("_archives")) {
          continue;
        }
        JsonNode f = readJson(zf, e);
        List<ObjectNode> l = c.entities.computeIfAbsent(kind, k -> new ArrayList<>());
        for (JsonNode item : f.path("items")) {
          if (item.isObject()) {
            ObjectNode o = (ObjectNode) item;
            if ("events".equals(kind) && tenant != null) {
              o.put("__tenant", tenant);
            }
            l.add(o);
          }
        }
      }
    }
    return c;
  }

  private static JsonNode readJson(ZipFile zf, ZipEntry e) throws IOException {
    try (InputStream in = zf.getInputStream(e)) {
      return Json.MAPPER.readTree(in);
    }
  }
}
