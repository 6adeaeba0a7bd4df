package io.github.cloudify4j.client.testing;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import java.time.Duration;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Clients pointed at MockWebServers, with virtual time and deterministic (jitter-free) retries. */
public final class TestClients {
  public static final String USER = "admin";
  public static final String PASSWORD = "s3cr3t-Pa55w0rd";
  public static final String TOKEN = "ctok-Ab3dE9kLmN-0123456789abcdefghijABCDEFGHIJ0123456789xy";
  public static final String USER_AGENT = "cloudify4j-test/1.0";

  private TestClients() {}

  public static URI uri(MockWebServer server) {
    String s = server.url("/").toString();
    return URI.create(s.substring(0, s.length() - 1));
  }

  public static CloudifyClient.Builder builder(VirtualTime time, MockWebServer... servers) {
    List<URI> urls = new ArrayList<>();
    for (MockWebServer s : servers) {
      urls.add(uri(s));
    }
    return CloudifyClient.builder()
        .managers(urls)
        .basicAuth(USER, PASSWORD)
        .tenant("default_tenant")
        .userAgent(USER_AGENT)
        .retryPolicy(RetryPolicy.builder().jitter(0).build())
        .timeouts(Timeouts.of(Duration.ofSeconds(5), Duration.ofSeconds(10))) // a broken test fails, not hangs
        .clock(time.clock())
        .sleeper(time);
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  public static MockResponse json(String body) {
    return json(200, body);
  }
}
