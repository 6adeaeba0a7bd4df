package io.github.cloudify4j.client;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which headers each kind of credential and option puts on the wire. */
class RequestHeadersTest {
  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private RecordedRequest call(CloudifyClient client, RequestOptions options) throws Exception {
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    client.maintenance().status(options);
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    return r;
  }

  @Test
  void basicAuth() throws Exception {
    try (CloudifyClient client = TestClients.builder(time, server).basicAuth("admin", "pä:ss").build()) {
      RecordedRequest r = call(client, RequestOptions.none());
      assertThat(r.getHeader("Authorization")).isEqualTo("Basic "
          + java.util.Base64.getEncoder().encodeToString("admin:pä:ss".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(r.getHeader("Authentication-Token")).isNull();
      assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
      assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    }
  }

  @Test
  void tokenAuth() throws Exception {
    try (CloudifyClient client = TestClients.builder(time, server).token(TestClients.TOKEN).tenant("t1").build()) {
      RecordedRequest r = call(client, RequestOptions.none());
      assertThat(r.getHeader("Authentication-Token")).isEqualTo(TestClients.TOKEN);
      assertThat(r.getHeader("Authorization")).isNull();
      assertThat(r.getHeader("Tenant")).isEqualTo("t1");
    }
  }

  @Test
  void noCredentials() throws Exception {
    try (CloudifyClient client = TestClients.builder(time, server).credentials(Credentials.none()).build()) {
      RecordedRequest r = call(client, RequestOptions.none());
      assertThat(r.getHeader("Authorization")).isNull();
      assertThat(r.getHeader("Authentication-Token")).isNull();
    }
  }

  @Test
  void authenticateFalseSendsNoAuthHeaderAndNoTenant() throws Exception {
    for (Credentials c : new Credentials[] {Credentials.basic("admin", "pw"), Credentials.token(TestClients.TOKEN)}) {
      try (CloudifyClient client = TestClients.builder(time, server).credentials(c).build()) {
        RecordedRequest r = call(client, RequestOptions.builder().authenticate(false).build());
        assertThat(r.getHeader("Authorization")).isNull();
        assertThat(r.getHeader("Authentication-Token")).isNull();
        assertThat(r.getHeader("Tenant")).isNull();
        assertThat(r.getHeader("User-Agent")).isEqualTo(TestClients.USER_AGENT);
      }
    }
  }

  @Test
  void defaultUserAgentNamesTheLibrary() throws Exception {
    try (CloudifyClient client = CloudifyClient.builder().manager(TestClients.uri(server)).build()) {
      RecordedRequest r = call(client, RequestOptions.none());
      assertThat(r.getHeader("User-Agent")).startsWith("cloudify4j/").contains("Java/");
      assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
    }
  }

  @Test
  void extraHeadersBypassAndTenantFromClientDefaultsAndPerCall() throws Exception {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      CloudifyClient view = client.withOptions(o -> o.header("X-Request-Id", "abc").bypassMaintenance(true));
      RecordedRequest r = call(view, RequestOptions.none());
      assertThat(r.getHeader("X-Request-Id")).isEqualTo("abc");
      assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");

      RecordedRequest r2 = call(view, RequestOptions.builder().bypassMaintenance(false).tenant("t9").build());
      assertThat(r2.getHeader("X-BYPASS-MAINTENANCE")).as("per-call overrides the view").isNull();
      assertThat(r2.getHeader("Tenant")).isEqualTo("t9");
      assertThat(r2.getHeader("X-Request-Id")).isEqualTo("abc");

      RecordedRequest r3 = call(client, RequestOptions.none());
      assertThat(r3.getHeader("X-Request-Id")).as("the parent is unchanged").isNull();
      assertThat(r3.getHeader("X-BYPASS-MAINTENANCE")).isNull();
    }
  }

  @Test
  void closingAViewDoesNotCloseTheClient() throws Exception {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      client.withOptions(o -> o.tenant("x")).close();
      RecordedRequest r = call(client, RequestOptions.none());
      assertThat(r.getPath()).isEqualTo("/api/v3.1/maintenance");
    }
  }
}
