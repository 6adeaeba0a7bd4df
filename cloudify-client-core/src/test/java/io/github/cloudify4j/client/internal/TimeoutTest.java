package io.github.cloudify4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real (short) socket timeouts against a server that never answers. */
class TimeoutTest {
  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();

  @BeforeEach
  void start() throws Exception {
    server.start();
    for (int i = 0; i < 10; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void clientCallTimeoutBoundsTheWholeCallRetriesIncluded() {
    try (CloudifyClient client = TestClients.builder(time, server)
        .timeouts(Timeouts.builder().call(Duration.ofMillis(300)).build()).build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.maintenance().status())
          .isInstanceOfSatisfying(CloudifyTransportException.class, e -> {
            assertThat(e.getMessage()).contains(TestClients.uri(server).toString()).containsIgnoringCase("timed out");
            assertThat(e.requestUrl()).endsWith("/api/v3.1/maintenance");
          });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(time.sleeps()).as("no retry once the call as a whole has timed out").isEmpty();
    }
  }

  @Test
  void perCallTimeout() {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.maintenance().status(RequestOptions.builder()
          .callTimeout(Duration.ofMillis(250)).build()))
          .isInstanceOf(CloudifyTransportException.class)
          .hasMessageContaining("timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(time.sleeps()).isEmpty();
    }
  }

  @Test
  void perCallReadTimeout() {
    try (CloudifyClient client = TestClients.builder(time, server).retryPolicy(RetryPolicy.none()).build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.maintenance().status(RequestOptions.builder()
          .readTimeout(Duration.ofMillis(200)).build()))
          .isInstanceOfSatisfying(CloudifyTransportException.class, e -> {
            assertThat(e.failures()).containsOnlyKeys(TestClients.uri(server).toString());
            assertThat(e.getMessage()).containsIgnoringCase("timeout");
          });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void readTimeoutIsRetriedForGets() {
    try (CloudifyClient client = TestClients.builder(time, server)
        .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(2).build())
        .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofMillis(150))).build()) {
      assertThatThrownBy(() -> client.maintenance().status()).isInstanceOf(CloudifyTransportException.class);
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(time.sleepMillis()).containsExactly(500L);
    }
  }
}
