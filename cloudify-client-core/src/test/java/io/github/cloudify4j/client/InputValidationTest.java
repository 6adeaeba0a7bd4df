package io.github.cloudify4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad arguments fail before anything is sent, naming the parameter. */
class InputValidationTest {
  private static final MockWebServer SERVER = new MockWebServer();
  private static CloudifyClient client;

  static final List<String> BAD_IDS = List.of("", " ", "\t", "a".repeat(257), "abc\n", "abc\u0000", "a/b", "..",
      ".", "../x", "%2e%2e", "a%2Fb", "a?b", "a#b", "\u0430dmin" /* Cyrillic a */, "snap shot", "a\\b");

  @BeforeAll
  static void start() throws Exception {
    SERVER.start();
    client = TestClients.builder(new VirtualTime(), SERVER).build();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    assertThat(SERVER.getRequestCount()).as("nothing was ever sent").isZero();
    SERVER.shutdown();
  }

  static Stream<Arguments> badIds() {
    List<Arguments> out = new ArrayList<>();
    for (String id : BAD_IDS) {
      out.add(Arguments.of("get", id, (Executable) () -> client.executions().get(id)));
      out.add(Arguments.of("cancel", id, (Executable) () -> client.executions().cancel(id)));
      out.add(Arguments.of("kill", id, (Executable) () -> client.executions().kill(id)));
      out.add(Arguments.of("waitUntilEnded", id,
          (Executable) () -> client.executions().waitUntilEnded(id, PollOptions.defaults())));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("badIds")
  void badExecutionIds(String call, String id, Executable executable) {
    assertThatThrownBy(executable::execute).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("executionId");
    assertThat(SERVER.getRequestCount()).isZero();
  }

  @Test
  void nullIds() {
    assertThatThrownBy(() -> client.executions().get(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("executionId");
    assertThatThrownBy(() -> client.executions().cancel(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("executionId");
  }

  @Test
  void longestValidIdIsAccepted() {
    assertThat(io.github.cloudify4j.client.spi.Arguments.requireId("a".repeat(256), "id")).hasSize(256);
    assertThat(io.github.cloudify4j.client.spi.Arguments.requireId("snap-2024_05.02~x", "id")).isNotNull();
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        // tenant
        Arguments.of("tenant", (Executable) () -> CloudifyClient.builder().tenant("")),
        Arguments.of("tenant", (Executable) () -> CloudifyClient.builder().tenant("  ")),
        Arguments.of("tenant", (Executable) () -> CloudifyClient.builder().tenant("a\r\nX-Evil: 1")),
        Arguments.of("tenant", (Executable) () -> CloudifyClient.builder().tenant("\u0430dmin")),
        Arguments.of("tenant", (Executable) () -> CloudifyClient.builder().tenant("t".repeat(257))),
        Arguments.of("tenant", (Executable) () -> RequestOptions.builder().tenant("a\u0000")),
        Arguments.of("tenant", (Executable) () -> RequestOptions.builder().tenant("\u0430")),
        // credentials
        Arguments.of("username", (Executable) () -> Credentials.basic(" ", "pw")),
        Arguments.of("username", (Executable) () -> Credentials.basic("a:b", "pw")),
        Arguments.of("username", (Executable) () -> Credentials.basic("ad\nmin", "pw")),
        Arguments.of("password", (Executable) () -> Credentials.basic("admin", "p\nw")),
        Arguments.of("token", (Executable) () -> Credentials.token("")),
        Arguments.of("token", (Executable) () -> Credentials.token("ctok a b")),
        Arguments.of("token", (Executable) () -> Credentials.token("ctok\n")),
        Arguments.of("token", (Executable) () -> Credentials.token("ctok-\u0430-b")),
        // timeouts
        Arguments.of("connect", (Executable) () -> Timeouts.builder().connect(Duration.ZERO)),
        Arguments.of("read", (Executable) () -> Timeouts.builder().read(Duration.ofMillis(-1))),
        Arguments.of("write", (Executable) () -> Timeouts.builder().write(Duration.ZERO)),
        Arguments.of("call", (Executable) () -> Timeouts.builder().call(Duration.ofSeconds(-5))),
        Arguments.of("callTimeout", (Executable) () -> RequestOptions.builder().callTimeout(Duration.ZERO)),
        Arguments.of("readTimeout", (Executable) () -> RequestOptions.builder().readTimeout(Duration.ofMillis(-1))),
        // retry policy
        Arguments.of("maxAttempts", (Executable) () -> RetryPolicy.builder().maxAttempts(0)),
        Arguments.of("initialBackoff", (Executable) () -> RetryPolicy.builder().initialBackoff(Duration.ZERO)),
        Arguments.of("maxBackoff", (Executable) () -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(-1))),
        Arguments.of("maxBackoff", (Executable) () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5))
            .maxBackoff(Duration.ofSeconds(1)).build()),
        Arguments.of("multiplier", (Executable) () -> RetryPolicy.builder().multiplier(0.5)),
        Arguments.of("jitter", (Executable) () -> RetryPolicy.builder().jitter(1.5)),
        Arguments.of("maxElapsed", (Executable) () -> RetryPolicy.builder().maxElapsed(Duration.ZERO)),
        Arguments.of("maxRetryAfter", (Executable) () -> RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(-1))),
        Arguments.of("statuses", (Executable) () -> RetryPolicy.builder().retryStatuses(java.util.Set.of(200))),
        // poll options
        Arguments.of("maxWait", (Executable) () -> PollOptions.builder().maxWait(Duration.ZERO)),
        Arguments.of("maxWait", (Executable) () -> PollOptions.timeout(Duration.ofSeconds(-1))),
        Arguments.of("maxAttempts", (Executable) () -> PollOptions.builder().maxAttempts(0)),
        Arguments.of("initialDelay", (Executable) () -> PollOptions.builder().initialDelay(Duration.ofMillis(-1))),
        Arguments.of("maxDelay", (Executable) () -> PollOptions.builder().maxDelay(Duration.ZERO)),
        Arguments.of("delay", (Executable) () -> PollOptions.builder().fixedDelay(Duration.ZERO)),
        Arguments.of("multiplier", (Executable) () -> PollOptions.builder().multiplier(0.9)),
        Arguments.of("jitter", (Executable) () -> PollOptions.builder().jitter(-0.1)),
        // list params
        Arguments.of("field", (Executable) () -> ListParams.builder().filter("a/b", "x")),
        Arguments.of("field", (Executable) () -> ListParams.builder().filter("_size", "x")),
        Arguments.of("field", (Executable) () -> ListParams.builder().filter("", "x")),
        Arguments.of("values", (Executable) () -> ListParams.builder().filter("status")),
        Arguments.of("values", (Executable) () -> ListParams.builder().filter("status", " ")),
        Arguments.of("values", (Executable) () -> ListParams.builder().filter("status", "a\nb")),
        Arguments.of("field", (Executable) () -> ListParams.builder().sortAscending("created_at;drop")),
        Arguments.of("field", (Executable) () -> ListParams.builder().sortDescending("-created_at")),
        Arguments.of("fields", (Executable) () -> ListParams.builder().include("id", "a,b")),
        Arguments.of("fields", (Executable) () -> ListParams.builder().include()),
        Arguments.of("size", (Executable) () -> ListParams.builder().size(-1)),
        Arguments.of("size", (Executable) () -> ListParams.builder().size(10_001)),
        Arguments.of("offset", (Executable) () -> ListParams.builder().offset(-1)),
        Arguments.of("text", (Executable) () -> ListParams.builder().search("")),
        // manager URLs
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("manager.example.com")),
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("ftp://manager.example.com")),
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("https://admin:pw@manager.example.com")),
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("https://manager.example.com/?a=b")),
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("https://manager.example.com/#x")),
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("https://")),
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("https://exa mple.com")),
        Arguments.of("url", (Executable) () -> CloudifyClient.builder().manager("")),
        Arguments.of("urls", (Executable) () -> CloudifyClient.builder().managers(List.of())),
        Arguments.of("urls", (Executable) () -> CloudifyClient.builder().managers(
            List.of(URI.create("https://a"), URI.create("https://a")))),
        Arguments.of("urls", (Executable) () -> CloudifyClient.builder().managers(
            List.of(URI.create("https://a"), URI.create("file:///etc/passwd")))),
        Arguments.of("node", (Executable) () -> RequestOptions.builder().node(URI.create("mailto:x@y"))),
        Arguments.of("userAgent", (Executable) () -> CloudifyClient.builder().userAgent("a\nb")),
        Arguments.of("name", (Executable) () -> RequestOptions.builder().header("Authorization", "Basic x")),
        Arguments.of("name", (Executable) () -> RequestOptions.builder().header("Bad Name", "x")),
        Arguments.of("value", (Executable) () -> RequestOptions.builder().header("X-A", "a\r\nb")),
        Arguments.of("hostname", (Executable) () -> client.manager().manager(" ")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badArguments")
  void badArgumentNamesTheParameter(String parameter, Executable executable) {
    assertThatThrownBy(executable::execute).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(parameter);
    assertThat(SERVER.getRequestCount()).isZero();
  }

  @Test
  void urlWithCredentialsIsNotEchoed() {
    assertThatThrownBy(() -> CloudifyClient.builder().manager("https://admin:hunter2@manager.example.com"))
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> CloudifyClient.builder().manager("admin:hunter2@manager.example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
  }

  @Test
  void nullsAreNpesNamingTheParameter() {
    assertThatThrownBy(() -> Credentials.basic(null, "x")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("username");
    assertThatThrownBy(() -> Credentials.basic("x", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> Credentials.token(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("token");
    assertThatThrownBy(() -> CloudifyClient.builder().tenant(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> CloudifyClient.builder().manager((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("url");
    assertThatThrownBy(() -> Timeouts.builder().read(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("read");
    assertThatThrownBy(() -> PollOptions.builder().maxWait(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("maxWait");
    assertThatThrownBy(() -> client.executions().list(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("params");
    assertThatThrownBy(() -> client.executions().get("x", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("options");
    assertThatThrownBy(() -> client.maintenance().status(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("options");
  }
}
