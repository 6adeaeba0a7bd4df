package io.github.cloudify4j.client;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.InternalServerErrorException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.errors.WaitException;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.poll.PollEvent;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.spi.Secrets;
import io.github.cloudify4j.client.testing.LogCapture;
import io.github.cloudify4j.client.testing.SecretForms;
import io.github.cloudify4j.client.testing.SecretForms.Form;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of {@link SecretForms} through the one masking function ({@link Secrets#mask}) and through every core
 * path that carries server text, over real HTTP exchanges with logging at TRACE: service exceptions (message,
 * {@code toString()}, stack trace, {@code serverMessage()}, {@code serverTraceback()}) for JSON, plain-text and
 * HTML error bodies; {@code Execution.toString()}; wait failures and timeouts (message, {@code lastObserved(Class)}
 * rendering) and the poll listener's events; and the log output.
 */
class SecretFormsTest {
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private CloudifyClient client;

  static Stream<Form> forms() {
    return SecretForms.all().stream();
  }

  static Stream<String> harmless() {
    return SecretForms.harmless().stream();
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = TestClients.builder(time, server).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @Test
  void theTableCoversAtLeastThirtyForms() {
    assertThat(SecretForms.all()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(SecretForms.all()).allSatisfy(f -> assertThat(f.text()).as(f.name()).contains(f.secret()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void maskingKeepsTheKeyAndHidesTheValue(Form f) {
    String masked = Secrets.mask(f.text());
    assertThat(masked).as(f.name()).doesNotContain(f.secret()).contains(f.kept()).contains("****");
    assertThat(Secrets.mask(masked)).as("masking twice changes nothing").isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("harmless")
  void proseWithoutAValueStaysAsItIs(String text) {
    assertThat(Secrets.mask(text)).isEqualTo(text);
  }

  /**
   * Hostile texts (128 KiB each, twice the largest error body read) built to make a backtracking or rescanning
   * masker quadratic or worse: all are masked within a bound that only a linear scan meets on a loaded machine.
   */
  @Test
  void maskingIsLinearOnHostileTexts() {
    List<String> units = List.of("a", "token", "'password': '", "\"a", "{", "password:{", "Cookie: x' ",
        "Authorization: x' ", "a://u:", "<password>", "u:p@", "Basic 12345678 ", "\\\"password\\\": \\\"",
        "--password ", "password: |\n", "-----BEGIN PRIVATE KEY-----", "x: ", "ctok-a-");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String unit : units) {
        String text = unit.repeat(128 * 1024 / unit.length());
        String masked = Secrets.mask(text);
        assertThat(masked.length()).as(unit).isLessThan(text.length() * 2);
      }
    });
    // the last of many secrets on one long line is masked too
    String line = "Cookie: a1' ".repeat(10_000) + "Cookie: LastOneSecret' password='AlsoLast'";
    assertThat(Secrets.mask(line)).doesNotContain("LastOneSecret").doesNotContain("AlsoLast");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void noPathCarriesTheSecret(Form f) throws Exception {
    List<String> seen = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      // a JSON error: message and traceback
      ObjectNode error = MAPPER.createObjectNode().put("message", "Internal error: " + f.text())
          .put("error_code", "internal_server_error")
          .put("server_traceback", "Traceback (most recent call last):\n  File \"x.py\"\n" + f.text() + "\n");
      server.enqueue(json(500, MAPPER.writeValueAsString(error)));
      Throwable t = catchThrowable(() -> client.executions().get(ID));
      assertThat(t).isInstanceOf(InternalServerErrorException.class);
      seeService(seen, (CloudifyServiceException) t);
      assertThat(((CloudifyServiceException) t).serverTraceback()).get().asString().contains("x.py");

      // a plain-text error (a proxy, or a server echoing the request)
      server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/plain")
          .setBody(f.text()));
      t = catchThrowable(() -> client.executions().get(ID));
      assertThat(t).isInstanceOf(InternalServerErrorException.class);
      seeService(seen, (CloudifyServiceException) t);

      // an HTML page
      server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
          .setBody("<html><body><h1>Bad Gateway</h1><pre>" + f.text() + "</pre></body></html>"));
      t = catchThrowable(() -> client.executions().get(ID));
      assertThat(t).isInstanceOf(ServerUnavailableException.class);
      seeService(seen, (CloudifyServiceException) t);

      // the execution's error and parameters, by toString()
      server.enqueue(json(execution("failed", f.text())));
      Execution e = client.executions().get(ID);
      assertThat(e.error()).as("the raw value is still there for the caller").isEqualTo(f.text());
      seen.add(e.toString());

      // a wait that fails on it: message, last observed, listener events
      List<PollEvent<Execution>> events = new ArrayList<>();
      server.enqueue(json(execution("failed", f.text())));
      t = catchThrowable(() -> client.executions().waitUntilSucceeded(ID, PollOptions.timeout(Duration.ofMinutes(1)),
          RequestOptions.none(), events::add));
      assertThat(t).isInstanceOf(WaitFailedException.class);
      seeWait(seen, (WaitException) t);
      seeEvents(seen, events);

      // a wait that times out while the execution (still started) carries it
      events.clear();
      server.enqueue(json(execution("started", f.text())));
      t = catchThrowable(() -> client.executions().waitUntilEnded(ID,
          PollOptions.builder().maxAttempts(1).maxWait(Duration.ofMinutes(1)).build(), RequestOptions.none(),
          events::add));
      assertThat(t).isInstanceOf(WaitTimeoutException.class);
      seeWait(seen, (WaitException) t);
      seeEvents(seen, events);

      seen.add(logs.text());
      assertThat(logs.text()).as("logging is on").contains("DEBUG").contains("TRACE");
    }
    for (String text : seen) {
      assertThat(text).as(f.name()).doesNotContain(f.secret()).doesNotContain("PgParamSecret");
    }
  }

  private static String execution(String status, String error) throws Exception {
    ObjectNode e = MAPPER.createObjectNode().put("id", ID).put("workflow_id", "create_snapshot")
        .put("status", status).put("error", error).put("created_at", "2024-05-02T10:11:12.345Z");
    ObjectNode config = e.putObject("parameters").put("snapshot_id", "snap").putObject("config");
    config.put("postgresql_password", "PgParamSecret").put("note", error);
    return MAPPER.writeValueAsString(e);
  }

  private static void seeService(List<String> seen, CloudifyServiceException e) {
    seeThrown(seen, e);
    seen.add(e.serverMessage());
    seen.add(e.serverTraceback().orElse(""));
  }

  private static void seeWait(List<String> seen, WaitException e) {
    seeThrown(seen, e);
    seen.add(String.valueOf(e.lastObserved(Object.class).orElse(null)));
  }

  private static void seeEvents(List<String> seen, List<PollEvent<Execution>> events) {
    assertThat(events).isNotEmpty();
    for (PollEvent<Execution> ev : events) {
      seen.add(ev.toString());
      seen.add(String.valueOf(ev.reason()));
      seen.add(String.valueOf(ev.value().orElse(null)));
    }
  }

  private static void seeThrown(List<String> seen, Throwable t) {
    seen.add(t.getMessage());
    seen.add(t.toString());
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    seen.add(sw.toString());
  }
}
