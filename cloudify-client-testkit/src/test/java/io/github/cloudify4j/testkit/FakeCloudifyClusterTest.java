package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each knob of {@link FakeCloudifyCluster} on 6.4 and 7.0.4, over real HTTP: every node answers from its own point of
 * view, in the shapes of docs/cluster-facts.md.
 */
class FakeCloudifyClusterTest {

  static FakeCloudifyCluster cluster(ServerProfile p) {
    return FakeCloudifyCluster.builder().profile(p).build().start();
  }

  static JsonNode full(FakeCloudifyCluster c, int node) {
    Http.Res r = new Http(c.baseUrl(node)).get("/cluster-status");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.header("content-type")).isEqualTo("application/json");
    return r.json();
  }

  static Http.Res summary(FakeCloudifyCluster c, int node) {
    return new Http(c.baseUrl(node)).get("/cluster-status?summary=true");
  }

  static List<String> names(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static JsonNode json(String s) {
    try {
      return Http.M.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode unreachable(int node, ServerProfile p) {
    return json("{'private_ip':'10.0.0." + (11 + node) + "','public_ip':'203.0.113." + (11 + node) + "','version':'"
        + p.version() + "','services':{},'metrics':[],'failures':['No services.','No metrics'],'status':'Fail'}");
  }

  static String statusOf(JsonNode full, String service) {
    return full.path("services").path(service).path("status").asText();
  }

  static String nodeStatus(JsonNode full, String service, String host) {
    return full.path("services").path(service).path("nodes").path(host).path("status").asText();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void healthyClusterEveryNodeSeesAllThree(ServerProfile p) {
    try (FakeCloudifyCluster c = cluster(p)) {
      assertThat(c.size()).isEqualTo(3);
      assertThat(c.baseUrls()).doesNotHaveDuplicates();
      assertThat(c.activeNode()).isEqualTo(0);
      for (int node = 0; node < 3; node++) {
        JsonNode f = full(c, node);
        assertThat(names(f)).containsExactly("status", "services");
        assertThat(f.path("status").asText()).isEqualTo("OK");
        assertThat(names(f.path("services"))).containsExactly("broker", "db", "manager");
        for (String s : new String[] {"broker", "db", "manager"}) {
          JsonNode svc = f.path("services").path(s);
          assertThat(names(svc)).containsExactly("is_external", "status", "nodes");
          assertThat(svc.path("is_external").asBoolean()).isFalse();
          assertThat(svc.path("status").asText()).isEqualTo("OK");
          assertThat(names(svc.path("nodes"))).containsExactly("cfy-manager-1", "cfy-manager-2", "cfy-manager-3");
          JsonNode n = svc.path("nodes").path("cfy-manager-2");
          assertThat(names(n)).containsExactly("private_ip", "public_ip", "version", "services", "metrics",
              "failures", "status");
          assertThat(n.path("private_ip").asText()).isEqualTo("10.0.0.12");
          assertThat(n.path("version").asText()).isEqualTo(p.version());
          assertThat(n.path("failures")).isEmpty();
          assertThat(n.path("status").asText()).isEqualTo("OK");
        }
        JsonNode db = f.path("services").path("db").path("nodes").path("cfy-manager-1");
        if (p == ServerProfile.V6_4) {
          assertThat(names(db.path("services"))).containsExactly("Etcd key-value store", "Patroni HA Template",
              "Prometheus exporter for PostgreSQL", "Node Exporter", "Webserver", "Prometheus");
        } else {
          // a DB cluster drops the postgresql service (patroni manages it); 7.0.4 no longer lists nginx/prometheus
          assertThat(names(db.path("services"))).containsExactly("Etcd key-value store", "Patroni HA Template",
              "Prometheus exporter for PostgreSQL", "Node Exporter");
        }
        assertThat(db.path("services").path("Patroni HA Template")).isEqualTo(json("{'status':'Active',"
            + "'extra_info':{'supervisord':{'instances':[{'Description':'Patroni HA Template service',"
            + "'state':'running','Id':'patroni'}],'display_name':'Patroni HA Template','unit_id':'patroni'}}}"));
        assertThat(db.path("metrics")).hasSize(1);
        JsonNode metric = db.path("metrics").get(0);
        assertThat(names(metric)).containsExactly("last_check", "healthy", "metric_type", "metric_name");
        assertThat(metric.path("metric_name").asText()).isEqualTo("postgresql (localhost:9187) on 10.0.0.11");
        assertThat(metric.path("last_check").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(f.path("services").path("broker").path("nodes").path("cfy-manager-3").path("services")
            .has("RabbitMQ Broker")).isTrue();
        assertThat(f.path("services").path("manager").path("nodes").path("cfy-manager-3").path("services")
            .path("Manager REST").path("status").asText()).isEqualTo("Active");

        Http.Res s = summary(c, node);
        assertThat(s.status).isEqualTo(200);
        assertThat(s.json()).isEqualTo(json("{'status':'OK','services':{}}"));

        JsonNode managers = new Http(c.baseUrl(node)).get("/managers").json();
        assertThat(managers.path("items")).hasSize(3);
        assertThat(managers.path("items").get(2).path("hostname").asText()).isEqualTo("cfy-manager-3");
        assertThat(names(managers.path("items").get(0))).containsExactly("id", "hostname", "private_ip", "public_ip",
            "version", "edition", "distribution", "distro_release", "fs_sync_node_id", "networks", "last_seen",
            "status_report_frequency", "ca_cert_content");

        JsonNode st = new Http(c.baseUrl(node)).get("/status").json();
        assertThat(st.path("status").asText()).isEqualTo("OK");
        assertThat(st.path("services").has("PostgreSQL")).isFalse(); // postgresql_host is a list in a cluster
        assertThat(st.path("services").path("File Sync Service")).isEqualTo(json(
            "{'is_remote':true,'status':'Active','extra_info':{'connection_check':'OK'}}"));
        assertThat(st.path("services").path("RabbitMQ").path("extra_info").path("connection_check").asText())
            .isEqualTo("OK");
        assertThat(new Http(c.baseUrl(node)).get("/status?summary=true").json())
            .isEqualTo(json("{'status':'OK','services':{}}"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void nodeDownIsFailedInTheOthersViewsAndTheClusterDegraded(ServerProfile p) {
    try (FakeCloudifyCluster c = cluster(p)) {
      c.nodeDown(1);
      assertThatThrownBy(() -> new Http(c.baseUrl(1)).get("/cluster-status"))
          .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(java.net.ConnectException.class);
      for (int node : new int[] {0, 2}) {
        JsonNode f = full(c, node);
        assertThat(f.path("status").asText()).isEqualTo("Degraded");
        for (String s : new String[] {"broker", "db", "manager"}) {
          assertThat(statusOf(f, s)).isEqualTo("Degraded"); // 2 of 3 healthy: quorum (2) held
          assertThat(f.path("services").path(s).path("nodes").path("cfy-manager-2")).isEqualTo(unreachable(1, p));
          assertThat(nodeStatus(f, s, "cfy-manager-1")).isEqualTo("OK");
        }
        Http.Res s = summary(c, node);
        assertThat(s.status).isEqualTo(200);
        assertThat(s.json()).isEqualTo(json("{'status':'Degraded','services':{}}"));
        // the rows stay: a dead node is still a registered manager
        assertThat(new Http(c.baseUrl(node)).get("/managers").json().path("items")).hasSize(3);
      }
      c.nodeDown(2, NodeDownMode.HANG);
      assertThatThrownBy(() -> new Http(c.baseUrl(2)).timeout(Duration.ofMillis(200)).get("/status"))
          .hasCauseInstanceOf(HttpTimeoutException.class);
      JsonNode alone = full(c, 0);
      assertThat(statusOf(alone, "manager")).isEqualTo("Degraded"); // managers need one healthy node
      assertThat(statusOf(alone, "db")).isEqualTo("Fail"); // 1 of 3 < quorum 2
      assertThat(statusOf(alone, "broker")).isEqualTo("Fail");
      assertThat(alone.path("status").asText()).isEqualTo("Fail");
      Http.Res s = summary(c, 0);
      assertThat(s.status).isEqualTo(500);
      assertThat(s.json()).isEqualTo(json("{'status':'Fail','services':{}}"));
      // the last reachable manager's file sync sees no device, and other managers are still registered
      JsonNode st = new Http(c.baseUrl(0)).get("/status").json();
      assertThat(st.path("status").asText()).isEqualTo("Fail");
      assertThat(st.path("services").path("File Sync Service")).isEqualTo(json(
          "{'is_remote':true,'status':'Inactive','extra_info':{'connection_check':'No device was seen recently'}}"));

      c.nodeUp(1);
      c.nodeUp(2);
      assertThat(full(c, 1).path("status").asText()).isEqualTo("OK");
      assertThat(summary(c, 2).status).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void activeDownFailsOverToTheNextNode(ServerProfile p) {
    try (FakeCloudifyCluster c = cluster(p)) {
      assertThat(c.activeDown()).isEqualTo(1);
      assertThat(c.activeNode()).isEqualTo(1);
      assertThatThrownBy(() -> new Http(c.baseUrl(0)).get("/status")).isInstanceOf(UncheckedIOException.class);
      for (int node : new int[] {1, 2}) {
        JsonNode f = full(c, node);
        assertThat(f.path("status").asText()).isEqualTo("Degraded");
        assertThat(f.path("services").path("manager").path("nodes").path("cfy-manager-1"))
            .isEqualTo(unreachable(0, p));
        assertThat(nodeStatus(f, "db", "cfy-manager-2")).isEqualTo("OK");
      }
      // the new active node serves the data
      assertThat(new Http(c.baseUrl(1)).put("/snapshots/after-failover", "{}").status).isEqualTo(201);
      assertThat(new Http(c.baseUrl(2)).get("/snapshots/after-failover").status).isEqualTo(200);
      assertThat(c.activeDown()).isEqualTo(2);
      assertThatThrownBy(c::activeDown).isInstanceOf(IllegalStateException.class);
      assertThat(c.activeNode()).isEqualTo(-1);
      c.nodeUp(0);
      assertThat(c.activeNode()).isZero();
      c.heal();
      assertThat(full(c, 2).path("status").asText()).isEqualTo("OK");
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void dbWithoutQuorumFailsTheDbOnEveryNode(ServerProfile p) {
    try (FakeCloudifyCluster c = cluster(p)) {
      c.dbWithoutQuorum();
      for (int node = 0; node < 3; node++) {
        JsonNode f = full(c, node);
        assertThat(f.path("status").asText()).isEqualTo("Fail");
        assertThat(statusOf(f, "db")).isEqualTo("Fail");
        assertThat(statusOf(f, "manager")).isEqualTo("OK");
        assertThat(statusOf(f, "broker")).isEqualTo("OK");
        assertThat(nodeStatus(f, "db", "cfy-manager-1")).isEqualTo("OK");
        JsonNode n2 = f.path("services").path("db").path("nodes").path("cfy-manager-2");
        assertThat(n2.path("failures")).isEqualTo(json("['Service Etcd key-value store not active.',"
            + "'Service Patroni HA Template not active.','Metric postgresql (localhost:9187) on 10.0.0.12 not healthy.']"));
        assertThat(n2.path("status").asText()).isEqualTo("Fail");
        assertThat(n2.path("services").path("Patroni HA Template").path("extra_info").path("supervisord")
            .path("instances").get(0).path("state").asText()).isEqualTo("stopped");
        assertThat(nodeStatus(f, "db", "cfy-manager-3")).isEqualTo("Fail");
        Http.Res s = summary(c, node);
        assertThat(s.status).isEqualTo(500);
        assertThat(s.json()).isEqualTo(json("{'status':'Fail','services':{}}"));
      }
      c.heal();
      assertThat(summary(c, 0).status).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void splitBrainTwoSidesEachWithItsOwnData(ServerProfile p) {
    try (FakeCloudifyCluster c = cluster(p)) {
      Http n0 = new Http(c.baseUrl(0));
      Http n2 = new Http(c.baseUrl(2));
      assertThat(n0.put("/snapshots/before", "{}").status).isEqualTo(201);
      c.advance(Duration.ofSeconds(30));
      assertThat(c.manager().snapshotStatus("before")).isEqualTo("created");

      c.splitBrain();
      assertThat(c.isSplit()).isTrue();
      assertThat(c.activeNode(0)).isZero();
      assertThat(c.activeNode(2)).isEqualTo(2); // each side believes it has an active manager
      assertThat(c.side(2)).isNotSameAs(c.manager());

      JsonNode major = full(c, 0);
      assertThat(major.path("status").asText()).isEqualTo("Degraded");
      assertThat(major.path("services").path("db").path("nodes").path("cfy-manager-3")).isEqualTo(unreachable(2, p));
      JsonNode minor = full(c, 2);
      assertThat(minor.path("status").asText()).isEqualTo("Fail");
      assertThat(statusOf(minor, "db")).isEqualTo("Fail");
      assertThat(statusOf(minor, "broker")).isEqualTo("Fail");
      assertThat(statusOf(minor, "manager")).isEqualTo("Degraded");
      assertThat(minor.path("services").path("manager").path("nodes").path("cfy-manager-1"))
          .isEqualTo(unreachable(0, p));
      assertThat(nodeStatus(minor, "manager", "cfy-manager-3")).isEqualTo("OK");
      assertThat(summary(c, 2).status).isEqualTo(500);
      assertThat(summary(c, 1).status).isEqualTo(200);
      assertThat(new Http(c.baseUrl(2)).get("/status").json().path("services").path("File Sync Service")
          .path("status").asText()).isEqualTo("Inactive");
      assertThat(new Http(c.baseUrl(1)).get("/status").json().path("status").asText()).isEqualTo("OK");

      // both sides take writes: the data diverges
      assertThat(n2.get("/snapshots/before").status).isEqualTo(200);
      assertThat(n0.put("/snapshots/on-majority", "{}").status).isEqualTo(201);
      assertThat(n2.put("/snapshots/on-minority", "{}").status).isEqualTo(201);
      assertThat(n2.get("/snapshots/on-majority").status).isEqualTo(404);
      assertThat(new Http(c.baseUrl(1)).get("/snapshots/on-minority").status).isEqualTo(404);
      assertThat(c.side(2).journal().matching("PUT", "/snapshots/on-minority")).hasSize(1);
      assertThat(c.journal().matching("PUT", "/snapshots/on-minority")).isEmpty();
      // the strictness of the fake holds on the second side's nodes too
      assertThat(n2.tenant(null).get("/snapshots").json().path("message").asText())
          .isEqualTo("Authorization failed: tenant not provided");
      assertThat(n2.send(n2.req("/snapshots/x").header("Content-Type", "text/plain")
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).status).isEqualTo(415);

      c.heal();
      assertThat(c.isSplit()).isFalse();
      assertThat(c.side(2)).isSameAs(c.manager());
      assertThat(n2.get("/snapshots/on-majority").status).isEqualTo(200);
      assertThat(n2.get("/snapshots/on-minority").status).isEqualTo(404); // lost, as the guide warns
      for (int node = 0; node < 3; node++) {
        assertThat(full(c, node).path("status").asText()).isEqualTo("OK");
      }
    }
  }

  @Test
  void healKeepingTheMinoritysDataLosesTheMajoritysWrites() {
    try (FakeCloudifyCluster c = cluster(ServerProfile.V7_0_4)) {
      c.splitBrain(0);
      assertThat(c.activeNode()).isEqualTo(1); // side 0 (nodes 1, 2) elected its own
      assertThat(c.activeNode(0)).isZero();
      assertThat(new Http(c.baseUrl(0)).put("/snapshots/minority", "{}").status).isEqualTo(201);
      assertThat(new Http(c.baseUrl(1)).put("/snapshots/majority", "{}").status).isEqualTo(201);
      assertThatThrownBy(() -> c.splitBrain(1)).isInstanceOf(IllegalStateException.class);
      c.heal(0);
      assertThat(c.activeNode()).isZero();
      for (int node = 0; node < 3; node++) {
        Http h = new Http(c.baseUrl(node));
        assertThat(h.get("/snapshots/minority").status).isEqualTo(200);
        assertThat(h.get("/snapshots/majority").status).isEqualTo(404);
      }
      assertThat(c.manager().snapshot("minority")).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void deleteManagerRemovesTheNodeFromEveryList(ServerProfile p) {
    try (FakeCloudifyCluster c = cluster(p)) {
      c.nodeDown(2);
      Http.Res del = new Http(c.baseUrl(0)).delete("/managers/cfy-manager-3");
      assertThat(del.status).isEqualTo(200);
      assertThat(del.json().path("hostname").asText()).isEqualTo("cfy-manager-3");
      assertThat(del.json().path("private_ip").asText()).isEqualTo("10.0.0.13");
      assertThat(c.isRegistered(2)).isFalse();
      for (int node : new int[] {0, 1}) {
        Http h = new Http(c.baseUrl(node));
        JsonNode items = h.get("/managers").json().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(1).path("hostname").asText()).isEqualTo("cfy-manager-2");
        JsonNode f = full(c, node);
        assertThat(f.path("status").asText()).isEqualTo("OK"); // 2 of 2 healthy
        assertThat(names(f.path("services").path("db").path("nodes"))).containsExactly("cfy-manager-1",
            "cfy-manager-2");
      }
      Http.Res again = new Http(c.baseUrl(1)).delete("/managers/cfy-manager-3");
      assertThat(again.status).isEqualTo(404);
      assertThat(again.json().path("error_code").asText()).isEqualTo("not_found_error");
      // ManagersId has no GET
      assertThat(new Http(c.baseUrl(0)).get("/managers/cfy-manager-1").status).isEqualTo(405);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void communityIsASingleManagerThatRefusesThePremiumEndpoints(ServerProfile p) {
    try (FakeCloudifyCluster c = FakeCloudifyCluster.builder().profile(p).edition(Edition.COMMUNITY).build()
        .start()) {
      assertThat(c.size()).isEqualTo(1);
      Http h = new Http(c.baseUrl(0));
      Http.Res del = h.delete("/managers/cfy-manager-1");
      assertThat(del.status).isEqualTo(404);
      assertThat(del.json()).isEqualTo(json("{'message':'This feature exists only in the premium edition of "
          + "Cloudify.\\nPlease contact sales for additional info.','error_code':'missing_premium_package_error',"
          + "'server_traceback':null}"));
      assertThat(c.isRegistered(0)).isTrue();
      JsonNode managers = h.get("/managers").json().path("items");
      assertThat(managers).hasSize(1);
      assertThat(managers.get(0).path("edition").asText()).isEqualTo("community");
      JsonNode f = full(c, 0); // cluster-status is not premium-only (corpus seq 6)
      assertThat(f.path("status").asText()).isEqualTo("OK");
      JsonNode db = f.path("services").path("db").path("nodes").path("cfy-manager-1").path("services");
      if (p == ServerProfile.V7_0_4) {
        assertThat(db.has("PostgreSQL 14 database server")).isTrue();
      }
      assertThat(db.has("Patroni HA Template")).isFalse();
      JsonNode st = h.get("/status").json();
      assertThat(st.path("services").path("PostgreSQL")).isEqualTo(json("{'is_remote':true,'status':'Active'}"));
      assertThat(st.path("services").has("File Sync Service")).isFalse();
    }
    assertThatThrownBy(() -> FakeCloudifyCluster.builder().nodes(3).edition(Edition.COMMUNITY).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clusterStatusDuringARestoreIs503On64Only() throws Exception {
    for (ServerProfile p : new ServerProfile[] {ServerProfile.V6_4, ServerProfile.V7_0_4}) {
      FakeCloudifyCluster.Builder b = FakeCloudifyCluster.builder().profile(p);
      b.options().workflows(WorkflowMode.WORKER_DRIVEN);
      try (FakeCloudifyCluster c = b.build().start()) {
        Files.createDirectories(c.manager().restoreFlagFile().getParent());
        Files.createFile(c.manager().restoreFlagFile());
        Http.Res r = new Http(c.baseUrl(1)).get("/cluster-status?summary=true");
        if (p == ServerProfile.V6_4) {
          assertThat(r.status).isEqualTo(503);
          assertThat(r.json()).isEqualTo(json(
              "{'message':'','error_code':'in_snapshot_restore_error','server_traceback':null}"));
        } else {
          assertThat(r.status).isEqualTo(200);
        }
        // authentication comes first
        assertThat(new Http(c.baseUrl(1)).as("admin", "wrong").get("/cluster-status").status).isEqualTo(401);
      }
    }
  }
}
