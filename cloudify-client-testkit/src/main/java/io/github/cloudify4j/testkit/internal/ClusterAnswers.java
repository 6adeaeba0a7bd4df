package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node of a {@link ClusterModel fake cluster} answers on {@code /cluster-status}, {@code /status},
 * {@code /managers} and {@code DELETE /managers/{hostname}}, from its own point of view. The shapes follow the server's
 * source as read for {@code docs/cluster-facts.md} (cloudify-manager tags 6.4.0 and 7.0.4:
 * {@code rest-service/manager_rest/cluster_status_manager.py}, {@code rest/resources_v3_1/cluster_status.py},
 * {@code status.py}, {@code manager.py}, {@code syncthing_status_manager.py}); where the source leaves a value to the
 * deployment (which units the monitoring reports, their process manager) the choice is marked GUESS here and in the
 * doc.
 *
 * <p>The model of a node's view: the node reads the cluster rows from the (shared) database and its monitoring
 * (Prometheus) scrapes the nodes it can reach. A node it cannot reach (down, or on the other side of a split) has
 * no services and no metrics, so {@code _get_node_state} fails it with {@code "No services."} and {@code "No
 * metrics"}.
 */
final class ClusterAnswers {
  /** GUESS: supervisord is the process manager of 6.x/7.x RPM installs (docs' recording rules use it). */
  private static final String PM = "supervisord";
  /** GUESS: the manager units the manager_service rule reports (all are in SERVICE_ASSIGNMENTS[manager]). */
  private static final String[] MANAGER_UNITS = {"nginx", "cloudify-restservice", "cloudify-mgmtworker",
    "cloudify-api", "cloudify-execution-scheduler", "cloudify-stage", "cloudify-syncthing", "prometheus",
    "node_exporter"};
  private static final DateTimeFormatter LAST_CHECK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final State st;
  private final ClusterModel model;

  ClusterAnswers(State st, ClusterModel model) {
    this.st = st;
    this.model = model;
  }

  // ------------------------------------------------------------------ /cluster-status

  void clusterStatus(Ctx c) {
    int viewer = c.node.index;
    boolean fail;
    Instant now;
    synchronized (st) {
      if (st.restoring() && st.profile() == ServerProfile.V6_4) {
        // 6.4.0 ClusterStatus is a SecuredResourceBannedSnapshotRestore: SystemInSnapshotRestoreError() has no
        // message, so str(e) is ""
        throw new ApiException(503, "in_snapshot_restore_error", "");
      }
      fail = st.statusFail();
      now = st.now();
    }
    ObjectNode services = Json.obj();
    services.set("broker", service(viewer, "broker", fail, now));
    services.set("db", service(viewer, "db", fail, now));
    services.set("manager", service(viewer, "manager", fail, now));
    String overall = "OK";
    for (String t : new String[] {"broker", "db", "manager"}) {
      String s = services.path(t).path("status").asText();
      if (s.equals("Fail")) {
        overall = "Fail";
      } else if (s.equals("Degraded") && !overall.equals("Fail")) {
        overall = "Degraded";
      }
    }
    ObjectNode o = Json.obj();
    o.put("status", overall);
    if (c.qTrue("summary")) {
      o.putObject("services");
      sendJson(c, overall.equals("Fail") ? 500 : 200, o);
      return;
    }
    o.set("services", services);
    sendJson(c, 200, o);
  }

  /** One of {@code broker}, {@code db}, {@code manager} as {@code _get_cluster_service_state} builds it. */
  private ObjectNode service(int viewer, String type, boolean statusFail, Instant now) {
    List<Integer> nodes = model.registered();
    ObjectNode out = Json.obj();
    out.put("is_external", false);
    ObjectNode byName = Json.obj();
    int healthy = 0;
    for (int j : nodes) {
      ObjectNode n = byName.putObject(ClusterModel.hostname(j));
      n.put("private_ip", ClusterModel.privateIp(j));
      n.put("public_ip", ClusterModel.publicIp(j));
      n.put("version", st.profile().version());
      ObjectNode svc = n.putObject("services");
      ArrayNode metrics = n.putArray("metrics");
      if (model.reaches(viewer, j)) {
        fillNode(type, j, nodes.size(), svc, metrics, statusFail && j == viewer, now);
      }
      ArrayNode failures = n.putArray("failures");
      if (svc.size() == 0) {
        failures.add("No services.");
      }
      if (metrics.size() == 0) {
        failures.add("No metrics");
      }
      svc.fields().forEachRemaining(e -> {
        if (!e.getValue().path("status").asText().equals("Active")) {
          failures.add("Service " + e.getKey() + " not active.");
        }
      });
      for (int k = 0; k < metrics.size(); k++) {
        if (!metrics.get(k).path("healthy").asBoolean()) {
          failures.add("Metric " + metrics.get(k).path("metric_name").asText() + " not healthy.");
        }
      }
      n.put("status", failures.size() == 0 ? "OK" : "Fail");
      if (failures.size() == 0) {
        healthy++;
      }
    }
    int quorum = type.equals("manager") ? 1 : nodes.size() / 2 + 1;
    out.put("status", healthy == nodes.size() ? "OK" : healthy >= quorum ? "Degraded" : "Fail");
    out.set("nodes", byName);
    return out;
  }

  private void fillNode(String type, int j, int clusterSize, ObjectNode svc, ArrayNode metrics, boolean restFails,
      Instant now) {
    boolean v64 = st.profile() == ServerProfile.V6_4;
    String ip = ClusterModel.privateIp(j);
    switch (type) {
      case "manager":
        for (String unit : MANAGER_UNITS) {
          unit(svc, unit, !(restFails && unit.equals("cloudify-restservice")));
        }
        // GUESS: the manager_healthy rule's job/instance labels; _process_metric names it "http endpoints ..."
        metric(metrics, now, !restFails, "manager_healthy", "http endpoints (https://" + ip + ":443) on " + ip);
        break;
      case "db": {
        boolean up = !model.isDbDown(j);
        if (clusterSize > 1) {
          unit(svc, "etcd", up);
          unit(svc, "patroni", up);
        } else if (!v64) {
          // a single DB node keeps its postgresql service (7.0.4 knows postgresql-14; 6.4.0 only postgresql-9.5)
          unit(svc, "postgresql-14", up);
        }
        unit(svc, "postgres_exporter", true);
        unit(svc, "node_exporter", true);
        if (v64) {
          // 6.4.0 SERVICE_ASSIGNMENTS[db] also lists nginx and prometheus (7.0.4 dropped them)
          unit(svc, "nginx", true);
          unit(svc, "prometheus", true);
        }
        metric(metrics, now, up, "postgres_healthy", "postgresql (localhost:9187) on " + ip);
        break;
      }
      default:
        unit(svc, "cloudify-rabbitmq", true);
        unit(svc, "node_exporter", true);
        if (v64) {
          unit(svc, "nginx", true);
          unit(svc, "prometheus", true);
        }
        metric(metrics, now, true, "rabbitmq_healthy", "rabbitmq (localhost:15692) on " + ip);
    }
  }

  /** A service as {@code _get_service_status} shapes it ({@code host} stripped). */
  private static void unit(ObjectNode svc, String unitId, boolean running) {
    String[] d = describe(unitId);
    ObjectNode s = svc.putObject(d[0]);
    s.put("status", running ? "Active" : "Inactive");
    ObjectNode pm = s.putObject("extra_info").putObject(PM);
    ObjectNode inst = pm.putArray("instances").addObject();
    inst.put("Description", d[1]);
    inst.put("state", running ? "running" : "stopped");
    inst.put("Id", unitId);
    pm.put("display_name", d[0]);
    pm.put("unit_id", unitId);
  }

  /** A metric as {@code _process_metric} shapes it ({@code host} stripped). */
  private static void metric(ArrayNode metrics, Instant now, boolean healthy, String type, String name) {
    ObjectNode m = metrics.addObject();
    m.put("last_check", LAST_CHECK.format(now));
    m.put("healthy", healthy);
    m.put("metric_type", type);
    m.put("metric_name", name);
  }

  /** {@code SERVICE_DESCRIPTIONS} of cluster_status_manager.py (7.0.4): {display name, description}. */
  private static String[] describe(String unitId) {
    switch (unitId) {
      case "nginx": return new String[] {"Webserver", "nginx - high performance web server"};
      case "cloudify-restservice": return new String[] {"Manager REST", "REST API service"};
      case "cloudify-mgmtworker": return new String[] {"Management Worker", "Management Worker service"};
      case "cloudify-api": return new String[] {"Cloudify API", "Cloudify fastAPI service"};
      case "cloudify-execution-scheduler":
        return new String[] {"Cloudify Execution Scheduler", "Execution scheduler for cloudify"};
      case "cloudify-stage": return new String[] {"Management Console", "Management Console service"};
      case "cloudify-syncthing": return new String[] {"Syncthing", "Syncthing service"};
      case "prometheus": return new String[] {"Prometheus", "Prometheus monitoring service"};
      case "node_exporter":
        return new String[] {"Node Exporter", "Prometheus exporter for hardware and OS metrics"};
      case "etcd": return new String[] {"Etcd key-value store", "Etcd distributed key-value store service"};
      case "patroni": return new String[] {"Patroni HA Template", "Patroni HA Template service"};
      case "postgres_exporter":
        return new String[] {"Prometheus exporter for PostgreSQL", "Prometheus exporter for PostgreSQL service"};
      case "postgresql-14": return new String[] {"PostgreSQL 14 database server", "PostgreSQL 14 database server"};
      case "cloudify-rabbitmq": return new String[] {"RabbitMQ Broker", "RabbitMQ Broker service"};
      default: throw new IllegalArgumentException(unitId);
    }
  }

  // ------------------------------------------------------------------ /status

  /**
   * The answering node's own services ({@code status.py}). In a cluster ({@code postgresql_host} is a list) the
   * PostgreSQL entry is removed; a clustered premium manager also checks its File Sync Service.
   */
  void status(Ctx c) {
    int viewer = c.node.index;
    boolean fail;
    synchronized (st) {
      fail = st.statusFail();
    }
    List<Integer> nodes = model.registered();
    boolean clustered = nodes.size() > 1;
    ObjectNode services = Json.obj();
    boolean anyInactive = false;
    for (String name : ManagerApi.SERVICES) {
      if (name.equals("RabbitMQ") || name.equals("PostgreSQL")) {
        continue;
      }
      ObjectNode s = services.putObject(name);
      boolean active = !(fail && name.equals("Manager Rest-Service"));
      anyInactive |= !active;
      s.put("status", active ? "Active" : "Inactive");
      s.put("is_remote", false);
      s.putObject("extra_info");
    }
    // _check_rabbitmq: not reported by the service metric here (as in corpus seq 5), so setdefault is_remote true
    ObjectNode rabbit = services.putObject("RabbitMQ");
    rabbit.put("is_remote", true);
    rabbit.put("status", "Active");
    rabbit.putObject("extra_info").put("connection_check", "OK");
    if (!clustered) {
      ObjectNode pg = services.putObject("PostgreSQL");
      pg.put("is_remote", true);
      pg.put("status", "Active");
    } else {
      // _check_syncthing (premium, clustered): valid when another device was seen, or when this is the last manager
      boolean seesPeer = false;
      for (int j : nodes) {
        if (j != viewer && model.reaches(viewer, j)) {
          seesPeer = true;
        }
      }
      ObjectNode fs = services.putObject("File Sync Service");
      fs.put("is_remote", true);
      fs.put("status", seesPeer ? "Active" : "Inactive");
      fs.putObject("extra_info").put("connection_check", seesPeer ? "OK" : "No device was seen recently");
      anyInactive |= !seesPeer;
    }
    ObjectNode o = Json.obj();
    o.put("status", anyInactive ? "Fail" : "OK");
    if (c.qTrue("summary")) {
      o.putObject("services");
    } else {
      o.set("services", services);
    }
    sendJson(c, 200, o);
  }

  // ------------------------------------------------------------------ /managers

  List<ObjectNode> managerRows() {
    Instant now;
    synchronized (st) {
      now = st.now();
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (int j : model.registered()) {
      rows.add(managerRow(j, now));
    }
    return rows;
  }

  ObjectNode managerRow(int j, Instant now) {
    ObjectNode m = Json.obj();
    m.put("id", j + 1);
    m.put("hostname", ClusterModel.hostname(j));
    m.put("private_ip", ClusterModel.privateIp(j));
    m.put("public_ip", ClusterModel.publicIp(j));
    m.put("version", st.profile().version());
    m.put("edition", st.cfg().edition.wireName());
    m.put("distribution", st.kubernetes() ? "kubernetes" : st.profile().distribution());
    m.put("distro_release", st.profile().distroRelease());
    m.put("fs_sync_node_id", "FAKE" + (j + 1) + "-MZJNU2Y-IQGDREY-DM2MGTI-MGL3BXN-PQ6W5BM-TBBZ4TJ");
    m.putObject("networks").put("default", ClusterModel.privateIp(j));
    m.put("last_seen", Json.ts(now));
    m.putNull("status_report_frequency");
    m.put("ca_cert_content", "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n");
    return m;
  }

  /**
   * {@code DELETE /managers/{hostname}} on premium. The implementation is private ({@code cloudify_premium}); the REST
   * docs say it answers the removed ManagerItem. GUESS: 200 with that item; an unknown hostname → 404
   * {@code not_found_error} in the storage manager's wording.
   */
  void removeManager(Ctx c, String hostname) {
    Endpoint.requireAdmin(c, "manager_manage");
    Instant now;
    synchronized (st) {
      now = st.now();
    }
    int j = model.remove(hostname);
    if (j < 0) {
      throw ApiException.notFound("Manager", hostname);
    }
    sendJson(c, 200, managerRow(j, now));
  }
}
