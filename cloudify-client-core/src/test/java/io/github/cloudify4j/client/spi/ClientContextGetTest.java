package io.github.cloudify4j.client.spi;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.TestClients;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ClientContext#get}: the direct read a resource module uses for the calls its waiters repeat. */
class ClientContextGetTest extends MockServerTest {
  private ClientContext context;

  @BeforeEach
  void context() {
    context = ClientContext.of(client);
  }

  @Test
  void readsOneResourceWithEverythingTheClientSends() throws Exception {
    server.enqueue(json(Samples.execution("e-1", "started")));

    Execution e = context.get(Execution.class, RequestOptions.none(), "executions", "e-1");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/executions/e-1");
    assertThat(r.getHeader("Authorization")).startsWith("Basic ");
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
    assertThat(r.getHeader("User-Agent")).isEqualTo(TestClients.USER_AGENT);
    assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    assertThat(r.getBodySize()).isZero();
    assertThat(e.id()).isEqualTo("e-1");
    assertThat(e.status()).isEqualTo(ExecutionStatus.STARTED);
  }

  @Test
  void callOptionsApply() throws Exception {
    server.enqueue(json("{}"));

    context.get(JsonNode.class, RequestOptions.builder().tenant("tenant-b").bypassMaintenance(true).build(), "status");

    RecordedRequest r = take();
    assertThat(r.getHeader("Tenant")).isEqualTo("tenant-b");
    assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
  }

  @Test
  void eachSegmentIsOnePathSegmentEncodedAsNeeded() throws Exception {
    server.enqueue(json("{}"));

    context.get(JsonNode.class, RequestOptions.none(), "things", "a b/c?d#e%f");

    assertThat(take().getPath()).isEqualTo("/api/v3.1/things/a%20b%2Fc%3Fd%23e%25f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".."})
  void refusesSegmentsThatAreNotOneSegmentBeforeSending(String segment) {
    assertThatThrownBy(() -> context.get(JsonNode.class, RequestOptions.none(), "snapshots", segment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pathSegments");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesMissingArgumentsBeforeSending() {
    assertThatThrownBy(() -> context.get(JsonNode.class, RequestOptions.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pathSegments is empty");
    assertThatThrownBy(() -> context.get(JsonNode.class, RequestOptions.none(), "snapshots", null))
        .isInstanceOf(NullPointerException.class).hasMessage("pathSegments contains null");
    assertThatThrownBy(() -> context.get(null, RequestOptions.none(), "snapshots"))
        .isInstanceOf(NullPointerException.class).hasMessage("type == null");
    assertThatThrownBy(() -> context.get(JsonNode.class, null, "snapshots"))
        .isInstanceOf(NullPointerException.class).hasMessage("options == null");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void errorAnswersAreTyped() {
    server.enqueue(json(404, "{\"message\": \"Requested `Execution` with ID `nope` was not found\","
        + " \"error_code\": \"not_found_error\"}"));

    assertThatThrownBy(() -> context.get(Execution.class, RequestOptions.none(), "executions", "nope"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.errorCode()).contains("not_found_error");
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).isEqualTo(server.url("/api/v3.1/executions/nope").toString());
        });
  }

  @Test
  void noContentIsAnInvalidAnswerNotNull() {
    server.enqueue(new MockResponse().setResponseCode(204));

    assertThatThrownBy(() -> context.get(Execution.class, RequestOptions.none(), "executions", "e-1"))
        .isInstanceOfSatisfying(CloudifyInvalidResponseException.class,
            e -> assertThat(e).hasMessageContaining("empty body"));
  }

  @Test
  void aConnectionLostInTheBodyIsATransportErrorNotAnInvalidAnswer() {
    // JSON is parsed straight from the connection: a failure half-way is the network's, not the manager's.
    server.enqueue(json(bigExecution()).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    assertThatThrownBy(() -> context.get(Execution.class, RequestOptions.none(), "executions", "e-1"))
        .isInstanceOfSatisfying(CloudifyTransportException.class, e -> {
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).endsWith("/api/v3.1/executions/e-1");
        });
  }

  @Test
  void retrofitCallsParseFromTheConnectionToo() {
    server.enqueue(json(Samples.page(1, 1000, 0, bigExecution()))
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    assertThatThrownBy(() -> client.executions().list(io.github.cloudify4j.client.ListParams.builder().build()))
        .isInstanceOf(CloudifyTransportException.class);
  }

  /** An execution whose JSON is large enough for the cut to fall inside it (about 200 KiB). */
  private static String bigExecution() {
    String execution = Samples.execution("e-1", "started");
    StringBuilder padding = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      padding.append("\"parameter_").append(i).append("\": 0, ");
    }
    return execution.replaceFirst("\\{", "{\"parameters\": {" + padding + "\"last\": 0}, ");
  }
}
