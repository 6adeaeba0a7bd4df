package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.Snapshots;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every read endpoint fed malformed or unexpected answers: each ends in a typed error
 * ({@link CloudifyInvalidResponseException} or a {@link CloudifyServiceException}), never a
 * NullPointerException, a ClassCastException or a silently wrong value.
 */
@ExtendWith(Figures.class)
class MalformedResponseTest {
  MockWebServer server;
  CloudifyClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    client = CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "pw")
        .retryPolicy(RetryPolicy.none()).timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(2)))
        .sleeper(d -> { }).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  static Map<String, Supplier<MockResponse>> answers() throws Exception {
    Map<String, Supplier<MockResponse>> m = new LinkedHashMap<>();
    m.put("truncated JSON", () -> json(200, "{\"id\": \"s\", \"status\": \"cre"));
    m.put("HTML page 200", () -> new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
        .setBody("<html><body><h1>Welcome to nginx!</h1></body></html>"));
    m.put("HTML page labelled JSON", () -> json(200, "<html><body>login</body></html>"));
    m.put("empty body", () -> json(200, ""));
    m.put("JSON null", () -> json(200, "null"));
    m.put("list instead of object", () -> json(200, "[]"));
    m.put("list of objects instead of object", () -> json(200, "[{\"id\": \"s\"}]"));
    m.put("bare string", () -> json(200, "\"ok\""));
    m.put("bare number", () -> json(200, "42"));
    m.put("empty object", () -> json(200, "{}"));
    m.put("wrong types", () -> json(200, "{\"id\": 42, \"status\": [\"x\"], \"created_at\": {\"a\": 1},"
        + " \"items\": \"no\", \"metadata\": [], \"version\": 7, \"value\": {}, \"error\": 5,"
        + " \"parameters\": \"x\", \"nodes\": 3, \"services\": 1, \"remaining_executions\": \"x\"}"));
    m.put("items null", () -> json(200, "{\"items\": null, \"metadata\": {\"pagination\": {\"total\": \"lots\"}}}"));
    m.put("nesting bomb", () -> json(200, "[".repeat(100_000)));
    m.put("invalid UTF-8", () -> new MockResponse().setResponseCode(200).setHeader("Content-Type",
        "application/json").setBody(new Buffer().write(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"',
            ':', '1', '}'})));
    m.put("418 teapot", () -> new MockResponse().setResponseCode(418).setBody("I'm a teapot"));
    m.put("302 without Location", () -> new MockResponse().setResponseCode(302).setBody(""));
    m.put("207 multi-status HTML", () -> new MockResponse().setResponseCode(207).setHeader("Content-Type",
        "text/html").setBody("<multistatus/>"));
    m.put("500 HTML", () -> new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/html")
        .setBody("<html>Internal Server Error</html>"));
    m.put("500 JSON null", () -> json(500, "null"));
    m.put("404 empty", () -> new MockResponse().setResponseCode(404));
    byte[] gz = gzip("{\"id\": \"s\", \"status\": \"created\"}");
    m.put("gzip without Content-Encoding", () -> new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/json").setBody(new Buffer().write(gz)));
    m.put("truncated gzip with Content-Encoding", () -> new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
        .setBody(new Buffer().write(java.util.Arrays.copyOf(gz, gz.length / 2))));
    m.put("gzip of garbage with Content-Encoding", () -> new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
        .setBody(new Buffer().write(gzipUnchecked("<html>nope</html>"))));
    return m;
  }

  static byte[] gzipUnchecked(String s) {
    try {
      return gzip(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, Callable<Object>> endpoints() {
    Snapshots snapshots = Snapshots.of(client);
    Map<String, Callable<Object>> m = new LinkedHashMap<>();
    m.put("snapshots.get", () -> snapshots.get("s"));
    m.put("snapshots.list", () -> snapshots.list(ListParams.none()));
    m.put("snapshots.restoreStatus", snapshots::restoreStatus);
    m.put("maintenance.status", () -> client.maintenance().status());
    m.put("manager.version", () -> client.manager().version());
    m.put("manager.status", () -> client.manager().status());
    m.put("manager.clusterStatus", () -> client.manager().clusterStatus());
    m.put("manager.managers", () -> client.manager().managers());
    m.put("executions.get", () -> client.executions().get("e"));
    m.put("executions.list", () -> client.executions().list(ListParams.none()));
    return m;
  }

  /** Pairs that expose known library bugs (see the disabled test below); skipped by the main sweep. */
  static final List<String> KNOWN_BUGS = List.of(
      "snapshots.restoreStatus <- empty object",
      "snapshots.restoreStatus <- wrong types",
      "snapshots.restoreStatus <- items null",
      "manager.version <- wrong types");

  @Test
  void everyReadEndpointTurnsMalformedAnswersIntoTypedErrors() throws Exception {
    List<String> problems = sweep(false);
    assertThat(problems).isEmpty();
  }

  @Test
  void knownBugsMissingOrMistypedFieldsAreInvalidResponses() throws Exception {
    assertThat(sweep(true)).isEmpty();
  }

  List<String> sweep(boolean onlyKnownBugs) throws Exception {
    List<String> problems = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, Callable<Object>> endpoint : endpoints().entrySet()) {
      for (Map.Entry<String, Supplier<MockResponse>> answer : answers().entrySet()) {
        if (KNOWN_BUGS.contains(endpoint.getKey() + " <- " + answer.getKey()) != onlyKnownBugs) {
          continue;
        }
        server.enqueue(answer.getValue().get());
        Object[] value = new Object[1];
        Throwable t = catchThrowable(() -> value[0] = endpoint.getValue().call());
        String what = endpoint.getKey() + " <- " + answer.getKey();
        if (t == null) {
          problems.add(what + ": accepted, returned " + value[0]);
        } else if (!(t instanceof CloudifyInvalidResponseException || t instanceof CloudifyServiceException
            // a compressed body that ends early is a broken transfer, typed as such
            || (answer.getKey().startsWith("truncated gzip")
                && t instanceof io.github.cloudify4j.client.errors.CloudifyTransportException))) {
          problems.add(what + ": " + t.getClass().getName() + ": " + t.getMessage());
        }
        n++;
        Figures.inc(Counter.MALFORMED_RESPONSES);
        Figures.inc(Counter.FAULTS_INJECTED);
        Figures.cases(1);
      }
    }
    problems.forEach(p -> System.out.println("[robustness] malformed: " + p));
    System.out.println("[robustness] malformed answers tried: " + n + ", problems: " + problems.size());
    return problems;
  }

  @Test
  void aValidGzipBodyWithContentEncodingIsReadCorrectly() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setHeader("Content-Encoding", "gzip").setBody(new Buffer().write(gzip(
            "{\"id\": \"s\", \"status\": \"created\", \"created_at\": \"2024-05-02T10:00:00.000Z\", \"error\": \"\"}"))));
    assertThat(Snapshots.of(client).get("s").id()).isEqualTo("s");
    Figures.inc(Counter.MALFORMED_RESPONSES);
    Figures.cases(1);
  }
}
