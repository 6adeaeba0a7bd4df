package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The manager itself: {@code /ok}, {@code /api/version}, {@code /status}, {@code /cluster-status}, {@code /managers}.
 */
final class ManagerApi extends Endpoint {
  /** Per-node answers when this fake serves nodes of a {@link ClusterModel} (null for a plain manager). */
  private final ClusterAnswers cluster;

  ManagerApi(Server server) {
    super(server);
    ClusterModel model = server.state.cfg().cluster;
    this.cluster = model == null ? null : new ClusterAnswers(server.state, model);
  }

  @Override
  void serve(Ctx c, int n) {
    switch (c.seg.get(0)) {
      case "ok":
        synchronized (st) {
          if (st.statusFail()) {
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
        if (cluster != null) {
          cluster.status(c);
        } else {
          status(c);
        }
        return;
      case "cluster-status":
        if (cluster != null) {
          cluster.clusterStatus(c);
        } else {
          clusterStatus(c);
        }
        return;
      default:
        if (!c.method.equals("GET")) {
          // premium only (the community edition was refused by the router): DELETE /managers/{hostname} removes a
          // node of a fake cluster; POST /managers and PUT /managers/{hostname} (joining) are not modelled
          if (cluster != null && c.method.equals("DELETE")) {
            cluster.removeManager(c, c.seg.get(1));
          } else {
            drain(c);
            sendWerkzeug405(c);
          }
          return;
        }
        if (n == 2) {
          // the ManagersId resource has no GET (fact sheet §7.2)
          sendWerkzeug405(c);
          return;
        }
        if (cluster != null) {
          List<ObjectNode> rows = cluster.managerRows();
          sendJson(c, 200, listEnvelope(c, rows, fieldsOf(rows, null), false));
          return;
        }
        managers(c);
    }
  }

  ObjectNode version() {
    ObjectNode v = Json.obj();
    v.put("edition", st.cfg().edition.wireName());
    v.put("version", st.profile().version());
    v.putNull("build");
    v.putNull("date");
    v.putNull("commit");
    synchronized (st) {
      v.put("distribution", st.kubernetes() ? "kubernetes" : st.profile().distribution());
    }
    v.put("distro_release", st.profile().distroRelease());
    return v;
  }

  /** The services a 7.x all-in-one manager reports (corpus seq 5), healthy unless {@code statusFail}. */
  static final String[] SERVICES = {"Webserver", "Management Worker", "Manager Rest-Service",
    "Cloudify API", "Cloudify Execution Scheduler", "RabbitMQ", "PostgreSQL"};

  void status(Ctx c) {
    boolean fail;
    synchronized (st) {
      fail = st.statusFail();
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

  void clusterStatus(Ctx c) {
    boolean fail;
    synchronized (st) {
      if (st.restoring() && st.profile() == ServerProfile.V6_4) {
        // 6.4.0: SecuredResourceBannedSnapshotRestore raises SystemInSnapshotRestoreError() without a message
        throw new ApiException(503, "in_snapshot_restore_error", "");
      }
      fail = st.statusFail();
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

  void nodeInfo(ObjectNode x, Server.Node n, String status) {
    x.put("private_ip", n.privateIp);
    x.put("public_ip", "203.0.113." + (11 + n.index));
    x.put("version", st.profile().version());
    x.put("status", status);
    x.putArray("failures");
  }

  void managers(Ctx c) {
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
      m.put("version", st.profile().version());
      m.put("edition", st.cfg().edition.wireName());
      m.put("distribution", st.kubernetes() ? "kubernetes" : st.profile().distribution());
      m.put("distro_release", st.profile().distroRelease());
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
}
