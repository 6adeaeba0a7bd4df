package io.github.cloudify4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.snapshots.internal.ManagerInventory;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the restore's VERIFY reads, against the answers a real community manager gave (issue #14 item 6): community
 * {@code /tenants} ignores paging and sends every item with the right total (seq 212); {@code /users} and
 * {@code /user-groups} are premium-only (seq 213, 214); {@code /events} has its own envelope (seq 215).
 */
class InventoryAnswersTest {
  MockWebServer server;
  CloudifyClient client;
  ManagerInventory inventory;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    client = CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "admin")
        .tenant("default_tenant").retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build();
    inventory = new ManagerInventory(client);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  private static MockResponse recorded(String corpusCase) {
    return json(Corpus.line(corpusCase).path("response").path("status").asInt(),
        Corpus.line(corpusCase).path("response").path("json").toString());
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  @Test
  void communityTenantsIgnorePagingAndStillCountRight() throws Exception {
    server.enqueue(recorded("verify.tenants-size-0"));

    assertThat(inventory.count("tenants")).isEqualTo(1);
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v3.1/tenants?_size=0");
  }

  @Test
  void itemsCountWhenATotalIsBelowThem() {
    server.enqueue(json(200, "{\"metadata\": {\"pagination\": {\"total\": 0, \"size\": 1000, \"offset\": 0}},"
        + " \"items\": [{\"name\": \"default_tenant\"}, {\"name\": \"t2\"}]}"));
    server.enqueue(json(200, "{\"items\": [{\"name\": \"default_tenant\"}, {\"name\": \"t2\"}]}"));

    assertThat(inventory.count("tenants")).isEqualTo(2);
    assertThat(inventory.count("tenants")).isEqualTo(2);
  }

  @Test
  void premiumOnlyKindsAreNotCountedOnACommunityManager() throws Exception {
    server.enqueue(recorded("verify.users-size-0"));
    server.enqueue(recorded("verify.user-groups-size-0"));
    server.enqueue(recorded("verify.blueprints-size-0"));

    ManagerInventory.Counts counts = inventory.counts(List.of("users", "user_groups", "blueprints"));

    assertThat(counts.counted()).containsExactly(java.util.Map.entry("blueprints", 0L));
    assertThat(counts.notCounted()).containsOnlyKeys("users", "user_groups")
        .containsValue("not counted (community edition)");
  }

  @Test
  void anotherNotFoundIsStillAnError() {
    server.enqueue(json(404, "{\"error_code\": \"not_found_error\", \"message\": \"nope\"}"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> inventory.counts(List.of("users")))
        .isInstanceOf(io.github.cloudify4j.client.errors.NotFoundException.class);
  }

  @Test
  void theEventsEnvelopeIsRead() throws Exception {
    server.enqueue(recorded("verify.events-by-execution"));

    assertThat(inventory.restoreErrors("e1")).isEmpty();
    RecordedRequest r = server.takeRequest();
    assertThat(Corpus.queryPairs(r.getRequestUrl().encodedQuery())).contains("execution_id=e1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void restoreErrorsAreFoundInTheEventsEnvelopeAndAServerIgnoringTheOffsetEndsTheLoop() {
    // The events envelope (seq 215): pagination without "filtered", default size 10000; here a server that
    // ignores _offset and always answers the first page, with a total above it.
    String page = "{\"metadata\": {\"pagination\": {\"size\": 10000, \"offset\": 0, \"total\": 5000}}, \"items\": ["
        + "{\"message\": \"Error restoring blueprint bp1: boom\", \"level\": \"error\"},"
        + "{\"message\": \"Restoring deployments\", \"level\": \"info\"}]}";
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, page));
    }

    assertThat(inventory.restoreErrors("e1")).containsExactly("Error restoring blueprint bp1: boom");
    assertThat(server.getRequestCount()).as("the repeated page was noticed").isEqualTo(2);
  }
}
