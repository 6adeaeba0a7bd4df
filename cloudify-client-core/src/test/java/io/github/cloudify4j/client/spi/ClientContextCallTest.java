package io.github.cloudify4j.client.spi;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.TestClients;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Tag;

/**
 * {@link ClientContext#create} and {@link ClientContext#callOptions}: the one request path a resource module
 * declares its endpoints on, as a module outside core sees it.
 */
class ClientContextCallTest extends MockServerTest {
  /** What a resource module declares: one method per endpoint, the call's options as the tag. */
  interface Things {
    @GET("executions/{id}")
    Execution execution(@Path("id") String id, @Tag CallOptions options);

    @GET("things/{id}")
    JsonNode thing(@Path(value = "id", encoded = true) String id, @Tag CallOptions options);
  }

  /** Declares a {@code Call}: would let a caller send around the exchange. */
  interface Bypassing {
    @GET("status")
    Call<JsonNode> status(@Tag CallOptions options);
  }

  /** Tags a bare RequestOptions, which nothing reads: its calls would go out without their options. */
  interface Untagged {
    @GET("status")
    JsonNode status(@Tag RequestOptions options);
  }

  private ClientContext context;
  private Things things;

  @BeforeEach
  void context() {
    context = ClientContext.of(client);
    things = context.create(Things.class);
  }

  @Test
  void readsOneResourceWithEverythingTheClientSends() throws Exception {
    server.enqueue(json(Samples.execution("e-1", "started")));

    Execution e = things.execution("e-1", context.callOptions(RequestOptions.none()));

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/executions/e-1");
    assertThat(r.getHeader("Authorization")).startsWith("Basic ");
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
    assertThat(r.getHeader("User-Agent")).isEqualTo(TestClients.USER_AGENT);
    assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).isNull();
    assertThat(r.getBodySize()).isZero();
    assertThat(e.id()).isEqualTo("e-1");
    assertThat(e.status()).isEqualTo(ExecutionStatus.STARTED);
  }

  @Test
  void callOptionsApply() throws Exception {
    server.enqueue(json("{}"));

    things.thing("t", context.callOptions(RequestOptions.builder().tenant("tenant-b").bypassMaintenance(true)
        .header("X-Trace", "abc").build()));

    RecordedRequest r = take();
    assertThat(r.getHeader("Tenant")).isEqualTo("tenant-b");
    assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
    assertThat(r.getHeader("X-Trace")).isEqualTo("abc");
  }

  @Test
  void aViewsDefaultsTravelWithItsCallsThroughTheSharedTransport() throws Exception {
    CloudifyClient view = client.withOptions(o -> o.tenant("tenant-v").header("X-View", "1"));
    ClientContext viewContext = ClientContext.of(view);
    server.enqueue(json("{}"));
    server.enqueue(json("{}"));
    server.enqueue(json("{}"));

    viewContext.create(Things.class).thing("a", viewContext.callOptions(RequestOptions.none()));
    viewContext.create(Things.class).thing("b", viewContext.callOptions(RequestOptions.builder()
        .tenant("tenant-c").build()));
    things.thing("c", context.callOptions(RequestOptions.none()));

    RecordedRequest a = take();
    assertThat(a.getHeader("Tenant")).isEqualTo("tenant-v");
    assertThat(a.getHeader("X-View")).isEqualTo("1");
    RecordedRequest b = take();
    assertThat(b.getHeader("Tenant")).as("per-call options over the view's").isEqualTo("tenant-c");
    assertThat(b.getHeader("X-View")).isEqualTo("1");
    RecordedRequest c = take();
    assertThat(c.getHeader("Tenant")).as("the client itself is unchanged").isEqualTo("default_tenant");
    assertThat(c.getHeader("X-View")).isNull();
    assertThat(viewContext.create(Things.class)).as("one binding for every view").isSameAs(things);
  }

  @Test
  void aPreEncodedSegmentIsSentAsItIs() throws Exception {
    server.enqueue(json("{}"));

    things.thing(Arguments.encodePathSegment("a b/c?d#e%f;g"), context.callOptions(RequestOptions.none()));

    assertThat(take().getPath()).isEqualTo("/api/v3.1/things/a%20b%2Fc%3Fd%23e%25f%3Bg");
  }

  @Test
  void aNodeThatIsNotTheClientsIsRefusedBeforeSending() {
    assertThatThrownBy(() -> context.callOptions(RequestOptions.builder()
        .node(java.net.URI.create("https://elsewhere.example.com")).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.node");
    assertThatThrownBy(() -> context.callOptions(null))
        .isInstanceOf(NullPointerException.class).hasMessage("options == null");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCallReturnTypeIsRefusedWhenBound() {
    assertThatThrownBy(() -> context.create(Bypassing.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasStackTraceContaining("not Call<T>");
  }

  @Test
  void aMethodWithoutCallOptionsIsRefusedWhenBound() {
    assertThatThrownBy(() -> context.create(Untagged.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Untagged.status takes no @Tag CallOptions parameter");
  }

  @Test
  void errorAnswersAreTyped() {
    server.enqueue(json(404, "{\"message\": \"Requested `Execution` with ID `nope` was not found\","
        + " \"error_code\": \"not_found_error\"}"));

    assertThatThrownBy(() -> things.execution("nope", context.callOptions(RequestOptions.none())))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.errorCode()).contains("not_found_error");
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).isEqualTo(server.url("/api/v3.1/executions/nope").toString());
        });
  }

  @Test
  void anEmptyBodyWhereJsonWasExpectedIsAnInvalidAnswerNotNull() {
    server.enqueue(new MockResponse().setResponseCode(200));

    assertThatThrownBy(() -> things.execution("e-1", context.callOptions(RequestOptions.none())))
        .isInstanceOfSatisfying(CloudifyInvalidResponseException.class,
            e -> assertThat(e).hasMessageContaining("empty body"));
  }

  @Test
  void noContentWhereAValueWasDeclaredIsAnInvalidAnswerNotNull() {
    server.enqueue(new MockResponse().setResponseCode(204));

    assertThatThrownBy(() -> things.execution("e-1", context.callOptions(RequestOptions.none())))
        .isInstanceOfSatisfying(CloudifyInvalidResponseException.class,
            e -> assertThat(e).hasMessageContaining("empty body"));
  }

  @Test
  void aConnectionLostInTheBodyIsATransportErrorNotAnInvalidAnswer() {
    // JSON is parsed straight from the connection: a failure half-way is the network's, not the manager's.
    server.enqueue(json(bigExecution()).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    assertThatThrownBy(() -> things.execution("e-1", context.callOptions(RequestOptions.none())))
        .isInstanceOfSatisfying(CloudifyTransportException.class, e -> {
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).endsWith("/api/v3.1/executions/e-1");
        });
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
