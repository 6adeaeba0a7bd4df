package io.github.cloudify4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that reached the server and whose answer was lost must not be sent again behind the caller's back:
 * OkHttp's own connection-failure retry would resend it, so non-idempotent bodies go out as one-shot bodies unless
 * the retry policy allows repeats.
 */
class NonIdempotentResendTest {
  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void actionWhoseAnswerIsLostIsSentOnce() {
    // On a pooled (reused) connection OkHttp takes a lost answer for a stale connection and resends by itself.
    server.enqueue(TestClients.json("{\"id\":\"e1\",\"status\":\"started\"}"));
    server.enqueue(TestClients.json("{}").setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(TestClients.json("{\"id\":\"e1\",\"status\":\"cancelling\"}"));
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      client.executions().get("e1");
      assertThatThrownBy(() -> client.executions().cancel("e1")).isInstanceOf(CloudifyTransportException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void policyAllowingRepeatsResendsIt() {
    server.enqueue(TestClients.json("{\"id\":\"e1\",\"status\":\"started\"}"));
    server.enqueue(TestClients.json("{}").setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(TestClients.json("{\"id\":\"e1\",\"status\":\"cancelling\"}"));
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      RequestOptions repeatable = RequestOptions.builder()
          .retryPolicy(RetryPolicy.builder().jitter(0).retryNonIdempotent(true).build()).build();
      client.executions().get("e1");
      assertThat(client.executions().action("e1", "cancel", repeatable).id()).isEqualTo("e1");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
