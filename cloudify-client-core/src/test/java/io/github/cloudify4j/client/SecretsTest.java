package io.github.cloudify4j.client;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.InternalServerErrorException;
import io.github.cloudify4j.client.errors.UnauthorizedException;
import io.github.cloudify4j.client.internal.Json;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.testing.LogCapture;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.poll.PollOptions;
import java.time.Duration;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No password, token, auth header value or database password in logs (DEBUG and TRACE are on for
 * io.github.cloudify4j in the tests), exception messages and stack traces, or toString().
 */
class SecretsTest {
  private static final String DB_PASSWORD = "Pg-Sup3r-S3cret-Value";
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";

  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private final List<String> seen = new ArrayList<>();

  private static List<String> secrets() {
    String basic = Base64.getEncoder().encodeToString((TestClients.USER + ":" + TestClients.PASSWORD).getBytes());
    return List.of(TestClients.PASSWORD, TestClients.TOKEN, basic, DB_PASSWORD,
        TestClients.TOKEN.substring(TestClients.TOKEN.lastIndexOf('-') + 1));
  }

  private static String executionWithDbPassword() {
    return Samples.json("execution_create_snapshot_response").replace("<redacted>", DB_PASSWORD);
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
    for (String text : seen) {
      for (String secret : secrets()) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  private void see(Object o) {
    seen.add(String.valueOf(o));
  }

  private void seeThrown(Throwable t) {
    assertThat(t).isNotNull();
    see(t.getMessage());
    see(t.toString());
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    see(sw);
  }

  private void run(CloudifyClient client, Supplier<?> call, MockResponse... responses) {
    for (MockResponse r : responses) {
      server.enqueue(r);
    }
    try (LogCapture logs = LogCapture.start()) {
      Throwable t = catchThrowable(call::get);
      if (t != null) {
        seeThrown(t);
      }
      see(logs.text());
      assertThat(logs.text()).as("logging is on").contains("DEBUG").contains("TRACE");
    }
  }

  @Test
  void toStrings() throws Exception {
    try (CloudifyClient basic = TestClients.builder(time, server).build();
        CloudifyClient token = TestClients.builder(time, server).token(TestClients.TOKEN).build()) {
      see(basic);
      see(token);
      see(basic.credentials());
      see(token.credentials());
      see(basic.withOptions(o -> o.header("X-Api-Key", DB_PASSWORD)));
      assertThat(basic.toString()).contains("admin", "****");
    }
    see(Credentials.basic("admin", TestClients.PASSWORD));
    see(Credentials.token(TestClients.TOKEN));
    see(RequestOptions.builder().header("X-Secret", DB_PASSWORD).tenant("t").build());
    Execution e = Json.newMapper().readValue(executionWithDbPassword(), Execution.class);
    assertThat(e.parameters().toString()).as("the raw value is still readable").contains(DB_PASSWORD);
    see(e);
    assertThat(e.toString()).contains("postgresql_password", "****", "postgresql_username");
  }

  @Test
  void successPathWithBasicAndToken() {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      run(client, () -> client.executions().get(ID), json(executionWithDbPassword()));
      run(client, () -> client.executions().get(ID), json(executionWithDbPassword()));
    }
    try (CloudifyClient client = TestClients.builder(time, server).token(TestClients.TOKEN).build()) {
      run(client, () -> client.executions().get(ID).toString(), json(executionWithDbPassword()));
    }
  }

  @Test
  void unauthorized() {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      run(client, () -> client.maintenance().status(), json(401, Samples.json("error_unauthorized")));
    }
  }

  @Test
  void internalErrorWithTracebackHoldingTheDbPassword() {
    String body = "{\"message\":\"Internal error occurred in manager REST server - KeyError: {'postgresql_password': '"
        + DB_PASSWORD + "'}\",\"error_code\":\"internal_server_error\",\"server_traceback\":\"Traceback:\\n"
        + "  config = {\\\"postgresql_password\\\": \\\"" + DB_PASSWORD + "\\\"}\\nKeyError: 'force'\\n\"}";
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      Throwable t = catchThrowable(() -> {
        server.enqueue(json(500, body));
        client.executions().get(ID);
      });
      assertThat(t).isInstanceOf(InternalServerErrorException.class);
      seeThrown(t);
      CloudifyServiceException e = (CloudifyServiceException) t;
      see(e.serverMessage());
      see(e.serverTraceback().orElseThrow());
      assertThat(e.serverTraceback().orElseThrow()).contains("KeyError: 'force'");
    }
  }

  @Test
  void htmlErrorEchoingASecret() {
    try (CloudifyClient client = TestClients.builder(time, server).retryPolicy(RetryPolicy.none()).build()) {
      run(client, () -> client.executions().get(ID), new MockResponse().setResponseCode(502)
          .setBody("<html><body>upstream said password=" + DB_PASSWORD + " token: " + TestClients.TOKEN
              + "</body></html>"));
    }
  }

  @Test
  void transportFailure() throws Exception {
    try (CloudifyClient client = TestClients.builder(time, server).token(TestClients.TOKEN).build()) {
      server.shutdown();
      Throwable t = catchThrowable(() -> client.executions().get(ID));
      assertThat(t).isInstanceOf(CloudifyTransportException.class);
      seeThrown(t);
    }
  }

  @Test
  void connectionDroppedMidway() {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      run(client, () -> client.executions().cancel(ID),
          new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }
  }

  @Test
  void invalidResponsesDoNotEchoTheBody() {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      for (String body : List.of(
          executionWithDbPassword().substring(0, executionWithDbPassword().indexOf(DB_PASSWORD) + 10),
          "{\"id\": \"x\", \"status\": \"started\", \"total_operations\": \"" + DB_PASSWORD + "\"}",
          "{\"id\": \"x\", \"status\": " + DB_PASSWORD + "}",
          "{\"id\": \"x\", \"status\": \"started\", \"created_at\": \"" + DB_PASSWORD + "\"}")) {
        Throwable t = catchThrowable(() -> {
          server.enqueue(json(body));
          client.executions().get(ID);
        });
        assertThat(t).as(body).isInstanceOf(CloudifyInvalidResponseException.class);
        seeThrown(t);
      }
    }
  }

  @Test
  void unauthorizedIsTypedAndCarriesNoHeader() {
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      server.enqueue(json(401, Samples.json("error_unauthorized")));
      Throwable t = catchThrowable(() -> client.maintenance().activate());
      assertThat(t).isInstanceOf(UnauthorizedException.class);
      seeThrown(t);
    }
  }

  // ---- issue #15, "Secrets": each of these failed before the fix

  @Test
  void waitUntilSucceededMasksTheExecutionErrorInItsMessage() {
    String execution = "{\"id\": \"" + ID + "\", \"workflow_id\": \"create_snapshot\", \"status\": \"failed\","
        + " \"error\": \"psql failed with config {\\\"postgresql_password\\\": \\\"" + DB_PASSWORD + "\\\"}\","
        + " \"parameters\": {}}";
    try (CloudifyClient client = TestClients.builder(time, server).build();
        LogCapture logs = LogCapture.start()) {
      server.enqueue(json(execution));
      Throwable t = catchThrowable(() -> client.executions().waitUntilSucceeded(ID,
          PollOptions.timeout(Duration.ofMinutes(1))));
      assertThat(t).isInstanceOf(WaitFailedException.class);
      assertThat(t.getMessage()).contains("ended failed", "postgresql_password", "****")
          .doesNotContain(DB_PASSWORD);
      seeThrown(t);
      see(((WaitFailedException) t).lastObserved(Object.class).orElseThrow());
      see(logs.text());
    }
  }

  @Test
  void quotedAndUrlFormsAreMaskedInServiceExceptionsAndToString() throws Exception {
    List<String> forms = List.of("password='" + DB_PASSWORD + "'", "password=\"" + DB_PASSWORD + "\"",
        "postgresql_password=u'" + DB_PASSWORD + "'", "password: '" + DB_PASSWORD + "'",
        "postgresql://cloudify:" + DB_PASSWORD + "@db:5432/cloudify_db", "api_token=\"" + DB_PASSWORD + "\"",
        "private_key: '" + DB_PASSWORD + "'");
    try (CloudifyClient client = TestClients.builder(time, server).retryPolicy(RetryPolicy.none()).build()) {
      for (String form : forms) {
        String body = Json.newMapper().createObjectNode().put("message", "restore failed: " + form)
            .put("error_code", "internal_server_error").put("server_traceback", "Traceback: " + form).toString();
        server.enqueue(json(500, body));
        Throwable t = catchThrowable(() -> client.executions().get(ID));
        assertThat(t).as(form).isInstanceOf(InternalServerErrorException.class);
        assertThat(t.getMessage()).as(form).doesNotContain(DB_PASSWORD).contains("****");
        seeThrown(t);
        see(((CloudifyServiceException) t).serverMessage());
        see(((CloudifyServiceException) t).serverTraceback().orElseThrow());
        Execution e = Execution.builder().id(ID).status(io.github.cloudify4j.client.model.ExecutionStatus.FAILED)
            .error("restore failed: " + form).build();
        assertThat(e.toString()).as(form).doesNotContain(DB_PASSWORD).contains("****");
      }
    }
  }

  @Test
  void aPlainTextErrorEchoingTheRequestHeadersCarriesNoCredential() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        StringBuilder echo = new StringBuilder("Bad request. You sent:\n").append(request.getRequestLine());
        for (kotlin.Pair<? extends String, ? extends String> h : request.getHeaders()) { // toString() would hide some
          echo.append('\n').append(h.getFirst()).append(": ").append(h.getSecond());
        }
        return new MockResponse().setResponseCode(400).setHeader("Content-Type", "text/plain").setBody(echo.toString());
      }
    });
    String basic = Base64.getEncoder().encodeToString((TestClients.USER + ":" + TestClients.PASSWORD).getBytes());
    try (CloudifyClient basicClient = TestClients.builder(time, server).build();
        CloudifyClient tokenClient = TestClients.builder(time, server).token(TestClients.TOKEN).build()) {
      for (CloudifyClient client : List.of(basicClient, tokenClient)) {
        try (LogCapture logs = LogCapture.start()) {
          Throwable t = catchThrowable(() -> client.executions().get(ID));
          assertThat(t).isInstanceOf(CloudifyServiceException.class);
          assertThat(t.getMessage()).contains("Tenant: default_tenant") // the echo is there, readable
              .doesNotContain(basic).doesNotContain(TestClients.TOKEN);
          assertThat(((CloudifyServiceException) t).serverMessage()).doesNotContain(basic)
              .doesNotContain(TestClients.TOKEN);
          seeThrown(t);
          see(logs.text());
        }
      }
      assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Basic " + basic);
    }
  }

  @Test
  void aNonAsciiHeaderValueIsRefusedAtTheOptionNamingTheHeaderNotTheValue() throws Exception {
    String value = "caf\u00e9-" + DB_PASSWORD;
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Note", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Note")
        .hasMessageNotContaining(DB_PASSWORD)
        .hasMessageNotContaining("caf");
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Note", "\u20ac" + DB_PASSWORD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(DB_PASSWORD);
    try (CloudifyClient client = TestClients.builder(time, server).build()) {
      Throwable t = catchThrowable(() -> client.withOptions(o -> o.header("X-Note", value)).executions().get(ID));
      assertThat(t).isInstanceOf(IllegalArgumentException.class);
      assertThat(t.getMessage()).contains("X-Note").doesNotContain(DB_PASSWORD);
      seeThrown(t);
    }
    assertThat(server.getRequestCount()).as("nothing was sent").isZero();
    // visible ASCII, space and tab stay accepted
    assertThat(RequestOptions.builder().header("X-Note", "a b\tc ~!").build().headers())
        .containsEntry("X-Note", "a b\tc ~!");
  }
}
