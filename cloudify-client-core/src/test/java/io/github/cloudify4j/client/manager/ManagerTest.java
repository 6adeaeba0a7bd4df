package io.github.cloudify4j.client.manager;

import io.github.cloudify4j.client.spi.ClientContext;
import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.errors.InternalServerErrorException;
import io.github.cloudify4j.client.model.ClusterStatus;
import io.github.cloudify4j.client.model.ManagerNode;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.model.Version;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.MockServerTest;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ManagerTest extends MockServerTest {


  @Test
  void versionUsesTheUnversionedEndpoint() throws Exception {
    server.enqueue(json(Samples.json("version")));

    ServerVersion v = client.manager().version();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/version");
    assertThat(r.getHeader("Authorization")).startsWith("Basic ");
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
    assertThat(v.versionText()).isEqualTo("7.0.4");
    assertThat(v.version()).isEqualTo(Version.parse("7.0.4"));
    assertThat(v.edition()).contains("premium");
    assertThat(v.distribution()).contains("rhel");
    assertThat(v.distroRelease()).contains("Plow");
    assertThat(v.build()).isEmpty();
    assertThat(v.isAtLeast(7, 0, 1)).isTrue();
    assertThat(v.isAtLeast(7, 1)).isFalse();
  }

  @Test
  void serverVersionIsAskedOnceAndCached() throws Exception {
    server.enqueue(json(Samples.json("version")));

    assertThat(client.manager().serverVersion().versionText()).isEqualTo("7.0.4");
    assertThat(ClientContext.of(client).serverVersion().versionText()).isEqualTo("7.0.4");
    assertThat(client.withOptions(o -> o.tenant("t2")).manager().serverVersion().versionText()).isEqualTo("7.0.4");

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(take().getPath()).isEqualTo("/api/version");
  }

  @Test
  void status() throws Exception {
    server.enqueue(json("{\"status\":\"OK\",\"services\":{\"Manager Rest-Service\":{\"status\":\"Active\","
        + "\"is_remote\":false,\"extra_info\":{\"systemd\":{\"unit_id\":\"cloudify-restservice.service\"}}},"
        + "\"PostgreSQL\":{\"status\":\"Inactive\",\"is_remote\":true,\"extra_info\":{}}}}"));

    ManagerStatus s = client.manager().status();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/status");
    assertThat(s.isHealthy()).isTrue();
    assertThat(s.services()).containsOnlyKeys("Manager Rest-Service", "PostgreSQL");
    assertThat(s.services().get("Manager Rest-Service").isActive()).isTrue();
    assertThat(s.services().get("Manager Rest-Service").isRemote()).contains(false);
    assertThat(s.services().get("Manager Rest-Service").extraInfo()).containsKey("systemd");
    assertThat(s.services().get("PostgreSQL").isActive()).isFalse();
  }

  @Test
  void clusterStatusFull() throws Exception {
    server.enqueue(json(Samples.json("cluster_status_full")));

    ClusterStatus s = client.manager().clusterStatus();

    RecordedRequest r = take();
    assertThat(r.getPath()).isEqualTo("/api/v3.1/cluster-status");
    assertThat(s.isOk()).isTrue();
    assertThat(s.services()).containsOnlyKeys("manager", "db", "broker");
    assertThat(s.services().get("db").isExternal()).contains(true);
    assertThat(s.services().get("db").nodes()).isEmpty();
    ClusterStatus.Node node = s.services().get("manager").nodes().get("cfy-manager-1");
    assertThat(node.status()).isEqualTo("OK");
    assertThat(node.privateIp()).contains("10.0.0.11");
    assertThat(node.publicIp()).contains("203.0.113.11");
    assertThat(node.version()).contains("7.0.4");
    assertThat(node.failures()).isEmpty();
    assertThat(node.services().get("Manager Rest-Service").isActive()).isTrue();
  }

  @Test
  void clusterStatusSummary() throws Exception {
    server.enqueue(json(Samples.json("cluster_status_summary")));

    ClusterStatus s = client.manager().clusterStatusSummary();

    RecordedRequest r = take();
    assertThat(r.getPath()).isEqualTo("/api/v3.1/cluster-status?summary=true");
    assertThat(s.status()).isEqualTo("OK");
    assertThat(s.services()).isEmpty();
  }

  @Test
  void clusterStatusSummaryFailIsA500() {
    server.enqueue(json(500, "{\"status\":\"Fail\",\"services\":{}}"));

    assertThatThrownBy(() -> client.manager().clusterStatusSummary())
        .isInstanceOfSatisfying(InternalServerErrorException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(500);
          assertThat(e.errorCode()).isEmpty();
        });
  }

  @Test
  void managers() throws Exception {
    server.enqueue(json(Samples.json("managers_list")));

    List<ManagerNode> nodes = client.manager().managers();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/managers");
    assertThat(nodes).singleElement().satisfies(n -> {
      assertThat(n.id()).contains(1L);
      assertThat(n.hostname()).isEqualTo("cfy-manager-1");
      assertThat(n.privateIp()).contains("10.0.0.11");
      assertThat(n.publicIp()).contains("203.0.113.11");
      assertThat(n.version()).contains("7.0.4");
      assertThat(n.edition()).contains("premium");
      assertThat(n.distribution()).contains("rhel");
      assertThat(n.distroRelease()).contains("Plow");
      assertThat(n.networks()).containsEntry("default", "10.0.0.11");
      assertThat(n.lastSeen()).contains(Instant.parse("2024-05-03T08:59:30.000Z"));
    });
  }

  @Test
  void managerByHostname() throws Exception {
    server.enqueue(json(Samples.json("managers_list")));
    server.enqueue(json(Samples.page(0, 1000, 0)));

    assertThat(client.manager().manager("cfy-manager-1")).get()
        .extracting(ManagerNode::hostname).isEqualTo("cfy-manager-1");
    assertThat(client.manager().manager("nope")).isEmpty();

    assertThat(take().getPath()).isEqualTo("/api/v3.1/managers?hostname=cfy-manager-1");
    assertThat(take().getPath()).isEqualTo("/api/v3.1/managers?hostname=nope");
  }
}
