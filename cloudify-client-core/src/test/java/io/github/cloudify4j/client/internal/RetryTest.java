package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.MaintenanceModeActiveException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Tag;

/** Retries, with a recording sleeper and a clock it advances: no test really sleeps. */
class RetryTest {
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";
  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private CloudifyClient client;

  /** Endpoints with bodies, bound through the SPI as a resource module would. */
  interface Uploads {
    @PUT("snapshots/{id}/archive")
    Map<String, Object> upload(@Path("id") String id, @Body RequestBody body, @Tag CallOptions options);

    @POST("snapshots/{id}/restore")
    Map<String, Object> restore(@Path("id") String id, @Body Map<String, Object> body, @Tag CallOptions options);
  }

  private CallOptions call(RequestOptions options) {
    return ClientContext.of(client).callOptions(options);
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = TestClients.builder(time, server).build(); // defaults, jitter 0
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  private static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code).setBody("<title>" + code + "</title>");
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void getIsRetriedOnGatewayErrorsWithExponentialBackoff(int code) {
    server.enqueue(status(code));
    server.enqueue(status(code));
    server.enqueue(status(code));
    server.enqueue(json(Samples.json("execution_terminated")));

    Execution e = client.executions().get(ID);

    assertThat(e.id()).isEqualTo(ID);
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleepMillis()).containsExactly(500L, 1000L, 2000L);
  }

  @Test
  void maxAttemptsBoundsTheRetriesAndTheLastAnswerIsMapped() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(status(503));
    }

    assertThatThrownBy(() -> client.executions().get(ID)).isInstanceOf(ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleepMillis()).containsExactly(500L, 1000L, 2000L);
  }

  @Test
  void backoffIsCappedAtMaxBackoff() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(status(502));
    }
    RetryPolicy policy = RetryPolicy.builder().jitter(0).maxAttempts(6).initialBackoff(Duration.ofSeconds(1))
        .multiplier(3).maxBackoff(Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> client.executions().get(ID, RequestOptions.builder().retryPolicy(policy).build()))
        .isInstanceOf(ServerUnavailableException.class);
    assertThat(time.sleepMillis()).containsExactly(1000L, 3000L, 5000L, 5000L, 5000L);
  }

  @Test
  void maxElapsedStopsRetriesThatWouldOverrunIt() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(status(502));
    }
    RetryPolicy policy = RetryPolicy.builder().jitter(0).maxAttempts(10).maxElapsed(Duration.ofMillis(1600)).build();

    assertThatThrownBy(() -> client.executions().get(ID, RequestOptions.builder().retryPolicy(policy).build()))
        .isInstanceOf(ServerUnavailableException.class);
    // 500 (t=500), 1000 (t=1500); the next 2000 would end at 3500 > 1600
    assertThat(time.sleepMillis()).containsExactly(500L, 1000L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    server.enqueue(status(503).setHeader("Retry-After", "7"));
    server.enqueue(json(Samples.json("execution_terminated")));

    client.executions().get(ID);

    assertThat(time.sleepMillis()).containsExactly(7000L);
  }

  @Test
  void retryAfterIsClampedToMaxRetryAfter() {
    server.enqueue(status(503).setHeader("Retry-After", "3600"));
    server.enqueue(json(Samples.json("execution_terminated")));
    RetryPolicy policy = RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(20)).build();

    client.executions().get(ID, RequestOptions.builder().retryPolicy(policy).build());

    assertThat(time.sleepMillis()).containsExactly(20_000L);
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        time.now().plusSeconds(12).atZone(java.time.ZoneOffset.UTC));
    server.enqueue(status(503).setHeader("Retry-After", date));
    server.enqueue(json(Samples.json("execution_terminated")));

    client.executions().get(ID);

    assertThat(time.sleepMillis()).containsExactly(12_000L);
  }

  @Test
  void maintenance503IsNeverRetried() {
    server.enqueue(json(503, Samples.json("error_maintenance_active")));
    server.enqueue(json(503, Samples.json("error_entering_maintenance")));

    assertThatThrownBy(() -> client.executions().get(ID)).isInstanceOf(MaintenanceModeActiveException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void otherStatusesAreNotRetried() {
    server.enqueue(json(500, Samples.json("error_internal")));

    assertThatThrownBy(() -> client.executions().get(ID)).isInstanceOf(
        io.github.cloudify4j.client.errors.InternalServerErrorException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getIsRetriedAfterTheConnectionDrops() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(json(Samples.json("execution_terminated")));

    Execution e = client.executions().get(ID);

    assertThat(e.id()).isEqualTo(ID);
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps()).isNotEmpty();
    assertThat(time.sleepMillis()).isSubsetOf(500L, 1000L, 2000L);
  }

  @Test
  void getIsRetriedWhenTheServerIsDown() throws Exception {
    server.shutdown();

    assertThatThrownBy(() -> client.executions().get(ID))
        .isInstanceOfSatisfying(CloudifyTransportException.class, e -> {
          assertThat(e.getMessage()).contains(TestClients.uri(server).toString());
          assertThat(e.failures()).containsOnlyKeys(TestClients.uri(server).toString());
        });
    assertThat(time.sleepMillis()).containsExactly(500L, 1000L, 2000L);
  }

  @Test
  void postIsNotRetriedByDefault() {
    server.enqueue(status(503));
    server.enqueue(json(Samples.json("execution_terminated")));

    assertThatThrownBy(() -> client.executions().cancel(ID)).isInstanceOf(ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void postIsNotRetriedAfterTheConnectionDropped() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(Samples.json("execution_terminated")));

    assertThatThrownBy(() -> client.executions().cancel(ID)).isInstanceOf(CloudifyTransportException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void putIsNotRetriedByDefault() {
    server.enqueue(status(502));
    Uploads uploads = ClientContext.of(client).create(Uploads.class);

    assertThatThrownBy(() -> uploads.upload("s1", RequestBody.create(new byte[] {1, 2, 3}, null),
        call(RequestOptions.none()))).isInstanceOf(ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postIsRetriedWhenTheCallerAllowsIt() throws Exception {
    server.enqueue(status(503));
    server.enqueue(json(Samples.json("restore_response")));
    Uploads uploads = ClientContext.of(client).create(Uploads.class);
    RequestOptions options = RequestOptions.builder()
        .retryPolicy(RetryPolicy.builder().jitter(0).retryNonIdempotent(true).build()).build();

    Map<String, Object> result = uploads.restore("snap", Map.of("force", false), call(options));

    assertThat(result).containsEntry("status", "pending");
    assertThat(server.getRequestCount()).isEqualTo(2);
    server.takeRequest();
    assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"force\":false}");
    assertThat(time.sleepMillis()).containsExactly(500L);
  }

  @Test
  void clientWidePolicyAllowsPostRetries() {
    client.close();
    client = TestClients.builder(time, server)
        .retryPolicy(RetryPolicy.builder().jitter(0).retryNonIdempotent(true).build()).build();
    server.enqueue(status(502));
    server.enqueue(json(Samples.execution(ID, "cancelling")));

    assertThat(client.executions().cancel(ID).status().value()).isEqualTo("cancelling");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void oneShotBodiesAreNeverRetried() {
    server.enqueue(status(503));
    server.enqueue(json("{}"));
    Uploads uploads = ClientContext.of(client).create(Uploads.class);
    RequestOptions options = RequestOptions.builder()
        .retryPolicy(RetryPolicy.builder().jitter(0).retryNonIdempotent(true).build()).build();

    assertThatThrownBy(() -> uploads.upload("s1", new OneShotBody(), call(options)))
        .isInstanceOf(ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void perCallPolicyOverridesTheClients() {
    server.enqueue(status(502));

    assertThatThrownBy(() -> client.executions().get(ID, RequestOptions.builder().retryPolicy(RetryPolicy.none())
        .build())).isInstanceOf(ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(status(502));
    server.enqueue(json(Samples.json("execution_terminated")));
    RetryPolicy custom = RetryPolicy.builder().jitter(0).initialBackoff(Duration.ofMillis(50)).build();
    assertThat(client.executions().get(ID, RequestOptions.builder().retryPolicy(custom).build()).id()).isEqualTo(ID);
    assertThat(time.sleepMillis()).containsExactly(50L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retryStatusesAreConfigurable() {
    server.enqueue(json(500, Samples.json("error_internal")));
    server.enqueue(json(Samples.json("execution_terminated")));
    RetryPolicy policy = RetryPolicy.builder().jitter(0).retryStatuses(java.util.Set.of(500)).build();

    assertThat(client.executions().get(ID, RequestOptions.builder().retryPolicy(policy).build()).id()).isEqualTo(ID);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void jitterStaysWithinItsFraction() {
    for (int i = 0; i < 200; i++) {
      long ms = RetryInterceptor.jittered(Duration.ofMillis(1000), 0.2).toMillis();
      assertThat(ms).isBetween(800L, 1200L);
    }
  }

  /** An upload from a stream: it cannot be sent twice. */
  static final class OneShotBody extends RequestBody {
    @Override
    public MediaType contentType() {
      return MediaType.get("application/octet-stream");
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(new byte[] {1, 2, 3});
    }
  }
}
