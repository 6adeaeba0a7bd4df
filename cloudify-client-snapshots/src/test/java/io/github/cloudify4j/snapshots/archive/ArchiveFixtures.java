package io.github.cloudify4j.snapshots.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small snapshot zips in the layouts of docs/snapshot-archive-format.md, for tests.
 * Test code only: a real archive always comes from a manager.
 */
final class ArchiveFixtures {

  private ArchiveFixtures() {
  }

  /** A zip being written; entries appear in the order they are added, like Python's zipfile. */
  static final class Zip implements AutoCloseable {
    private final Path path;
    private final ZipOutputStream out;

    private Zip(Path path, int level) throws IOException {
      this.path = path;
      this.out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
      this.out.setLevel(level);
    }

    /** A directory entry ("name/"), as shutil.make_archive writes for every folder. */
    Zip dir(String name) {
      return put(name.endsWith("/") ? name : name + "/", new byte[0]);
    }

    Zip file(String name, String content) {
      return put(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Zip put(String name, byte[] content) {
      try {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Streams a dump file of {@code count} generated items, each padded to about {@code itemBytes}. */
    Zip streamedDump(String name, String type, int count, int itemBytes) {
      try {
        out.putNextEntry(new ZipEntry(name));
        Writer w = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        w.write("{\"type\": \"" + type + "\", \"items\": [");
        String pad = "x".repeat(Math.max(0, itemBytes - 60));
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            w.write(", ");
          }
          w.write("{\"id\": \"" + type + "-" + i + "\", \"nested\": {\"a\": [1, 2, {\"b\": null}]}, \"pad\": \""
              + pad + "\"}");
        }
        w.write("]}");
        w.flush();
        out.closeEntry();
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Path path() {
      return path;
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Zip zip(Path path) {
    return zip(path, Deflater.DEFAULT_COMPRESSION);
  }

  static Zip zip(Path path, int level) {
    try {
      return new Zip(path, level);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {"type": kind, "items": [{"id": "<kind>-1"}, ...]} with extra envelope keys, as 7.0.1+ writes. */
  static String dump(String kind, int count) {
    return dump(kind, count, null);
  }

  static String dump(String kind, int count, String sourceId) {
    StringBuilder sb = new StringBuilder("{\"type\": \"").append(kind).append('"');
    if (sourceId != null) {
      sb.append(", \"source_id\": \"").append(sourceId).append('"');
    }
    sb.append(", \"latest_timestamp\": \"2024-05-01T10:00:00.000Z\", \"items\": [");
    for (int i = 1; i <= count; i++) {
      if (i > 1) {
        sb.append(", ");
      }
      sb.append("{\"id\": \"").append(kind).append('-').append(i)
          .append("\", \"labels\": [{\"key\": \"k\", \"value\": \"v\"}], \"plan\": {\"nodes\": []}}");
    }
    return sb.append("]}").toString();
  }

  /**
   * A 7.0.4-style new-format archive: metadata with execution id; mgmt/ and two tenants with
   * numbered dump files; a blueprint archive, stage and composer data.
   * Tenant "default_tenant": 3 blueprints, 2 deployments, 5 nodes (2 files),
   * 7 node_instances, 4 executions, 10 events (2 sources); tenant "other": 1 blueprint, 2 secrets.
   * mgmt: 2 tenants, 3 users, 1 user_group, 20 permissions.
   */
  static Path sevenX(Path path) {
    try (Zip z = zip(path)) {
      z.file("metadata.json", "{\"snapshot_version\": \"7.0.4\", \"execution_id\": \"exec-42\"}")
          .dir("mgmt")
          .dir("tenants")
          .dir("composer")
          .dir("stage")
          .file("mgmt/00000001.json", dump("tenants", 2))
          .file("mgmt/00000002.json", dump("permissions", 20))
          .file("mgmt/00000003.json", dump("user_groups", 1))
          .file("mgmt/00000004.json", dump("users", 3))
          .file("composer/blueprints.json", "{\"type\": \"blueprints\", \"items\": [{}]}")
          .put("composer/blueprints.zip", new byte[] {1, 2, 3})
          .file("stage/pages.json", "[]")
          .dir("stage/default_tenant")
          .file("stage/default_tenant/ua.json", "[]")
          .dir("tenants/default_tenant")
          .dir("tenants/default_tenant/blueprints")
          .put("tenants/default_tenant/blueprints/bp-1.tar.gz", new byte[] {31, -117})
          .dir("tenants/default_tenant/deployments")
          .file("tenants/default_tenant/deployments/dep-1.b64zip", "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==")
          .file("tenants/default_tenant/00000001.json", dump("blueprints", 3))
          .file("tenants/default_tenant/00000002.json", dump("deployments", 2))
          .file("tenants/default_tenant/00000003.json", dump("nodes", 3, "dep-1"))
          .file("tenants/default_tenant/00000004.json", dump("nodes", 2, "dep-2"))
          .file("tenants/default_tenant/00000005.json", dump("node_instances", 7, "dep-1"))
          .file("tenants/default_tenant/00000006.json", dump("executions", 4))
          .file("tenants/default_tenant/00000007.json",
              dump("events", 6, "exec-1").replace("{\"type\": \"events\"",
                  "{\"type\": \"events\", \"source\": \"executions\""))
          .file("tenants/default_tenant/00000008.json", dump("events", 4, "exec-2"))
          .dir("tenants/other")
          .file("tenants/other/00000001.json", dump("blueprints", 1))
          .file("tenants/other/00000002.json", dump("secrets", 2));
    }
    return path;
  }

  /** A 7.0.0-style new-format archive: per-kind folders, files named 0.json / <source id>.json. */
  static Path sevenZeroZero(Path path) {
    try (Zip z = zip(path)) {
      z.file("metadata.json", "{\"snapshot_version\": \"7.0.0\"}")
          .dir("mgmt")
          .dir("mgmt/tenants")
          .file("mgmt/tenants/0.json", dump("tenants", 1))
          .dir("tenants")
          .dir("tenants/default_tenant")
          .dir("tenants/default_tenant/blueprints")
          .file("tenants/default_tenant/blueprints/0.json", dump("blueprints", 2))
          .dir("tenants/default_tenant/blueprints_archives")
          .put("tenants/default_tenant/blueprints_archives/bp-1.zip", new byte[] {80, 75})
          .dir("tenants/default_tenant/executions_events")
          .file("tenants/default_tenant/executions_events/exec-1.json", dump("events", 3))
          .dir("tenants/default_tenant/tasks_graphs")
          .file("tenants/default_tenant/tasks_graphs/exec-1.json", dump("tasks_graphs", 1));
    }
    return path;
  }

  /**
   * A 6.4-style legacy archive: full metadata, pg_data, agents.json, stored files for 2 blueprints
   * in default_tenant and 1 in t2, 1 deployment work dir, 2 plugins.
   */
  static Path legacy(Path path) {
    return legacy(path, "{\"snapshot_version\": \"6.4.2\", \"schema_revision\": \"272e61bf5f4a\","
        + " \"stage_schema_revision\": \"20220404120000-6_4.js\","
        + " \"composer_schema_revision\": \"20220208095008-6_3.js\"}");
  }

  static Path legacy(Path path, String metadataJson) {
    try (Zip z = zip(path)) {
      z.file("metadata.json", metadataJson)
          .file("pg_data", "--\n-- PostgreSQL database dump\n--\nCOPY public.blueprints FROM stdin;\n\\.\n")
          .file("stage_data", "--\n")
          .file("composer_data", "--\n")
          .file("admin_account.json", "{\"id\": 0, \"username\": \"admin\"}")
          .file("networks.json", "{\"active_networks\": [\"default\"]}")
          .file("rest-security.conf", "{\"hash_salt\": \"s\"}")
          .file("agents.json", "{\"default_tenant\": {\"dep-1\": {\"vm\": {\"vm_abc\": {\"version\":"
              + " \"6.4.2\", \"broker_config\": {}}, \"vm_def\": {\"version\": \"6.4.2\"}}}},"
              + " \"t3\": {\"dep-9\": {\"host\": {\"host_1\": {}}}}}")
          .dir("ssl")
          .file("ssl/cloudify_internal_ca_cert.pem", "-----BEGIN CERTIFICATE-----\n")
          .dir("snapshot-credentials")
          .dir("blueprints")
          .dir("blueprints/default_tenant")
          .dir("blueprints/default_tenant/bp-1")
          .file("blueprints/default_tenant/bp-1/blueprint.yaml", "tosca_definitions_version: x\n")
          .file("blueprints/default_tenant/bp-2/blueprint.yaml", "tosca_definitions_version: x\n")
          .file("blueprints/default_tenant/bp-2/scripts/a.sh", "#!/bin/sh\n")
          .file("blueprints/t2/bp-9/blueprint.yaml", "tosca_definitions_version: x\n")
          .file("uploaded-blueprints/default_tenant/bp-1/bp-1.tar.gz", "x")
          .dir("deployments/default_tenant/dep-1")
          .dir("plugins")
          .file("plugins/11111111-aaaa/plugin.wgn", "w")
          .file("plugins/22222222-bbbb/plugin.wgn", "w")
          .dir("stage/dist/userData");
    }
    return path;
  }

  /** Bytes of a file, for truncation tests. */
  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
