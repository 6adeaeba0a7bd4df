package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreTimeouts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of hostile arguments across the public API: each is refused before anything is sent, with an
 * {@link IllegalArgumentException} (or {@link NullPointerException} for null) whose message names the parameter.
 */
@ExtendWith(Figures.class)
class HostileInputTest {
  static MockWebServer server;
  static CloudifyClient client;
  static Snapshots snapshots;
  @TempDir static Path dir;

  /** Ids a URL path must never carry. */
  static final Map<String, String> BAD_IDS = new java.util.LinkedHashMap<>();

  static {
    BAD_IDS.put("empty", "");
    BAD_IDS.put("blank", "   ");
    BAD_IDS.put("tab", "\t");
    BAD_IDS.put("over-long", "a".repeat(257));
    BAD_IDS.put("slash", "a/b");
    BAD_IDS.put("dot-dot", "..");
    BAD_IDS.put("dot", ".");
    BAD_IDS.put("traversal", "../../etc/passwd");
    BAD_IDS.put("encoded traversal", "%2e%2e");
    BAD_IDS.put("encoded slash", "a%2Fb");
    BAD_IDS.put("query", "a?b=c");
    BAD_IDS.put("fragment", "a#b");
    BAD_IDS.put("newline", "a\nb");
    BAD_IDS.put("CRLF header injection", "a\r\nX-Evil: 1");
    BAD_IDS.put("NUL", "a\u0000b");
    BAD_IDS.put("DEL", "a\u007fb");
    BAD_IDS.put("cyrillic a look-alike", "\u0430dmin");
    BAD_IDS.put("fullwidth solidus", "a\uff0fb");
    BAD_IDS.put("division slash", "a\u2215b");
    BAD_IDS.put("zero-width space", "a\u200bb");
    BAD_IDS.put("RTL override", "a\u202eb");
    BAD_IDS.put("space inside", "a b");
    BAD_IDS.put("backslash", "a\\b");
    BAD_IDS.put("semicolon", "a;b");
  }

  @BeforeAll
  static void start() throws Exception {
    server = new MockWebServer();
    server.start();
    client = CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "pw")
        .sleeper(d -> { }).build();
    snapshots = Snapshots.of(client);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  /** One row: what is called, the parameter named, the call. */
  static final class Row {
    final String what;
    final String param;
    final Runnable call;

    Row(String what, String param, Runnable call) {
      this.what = what;
      this.param = param;
      this.call = call;
    }
  }

  static void ids(List<Row> rows, String what, Consumer<String> call) {
    rows.add(new Row(what + "(null)", "snapshotId", () -> call.accept(null)));
    BAD_IDS.forEach((name, id) -> rows.add(new Row(what + "(" + name + ")", "snapshotId", () -> call.accept(id))));
  }

  /**
   * An operation on a snapshot that already exists: the manager may hold any id (an upload does not check it), so
   * only ids no URL path segment can carry are refused; the others are sent percent-encoded
   * (contract.SnapshotIdPathTest checks the bytes).
   */
  static void existingIds(List<Row> rows, String what, Consumer<String> call) {
    rows.add(new Row(what + "(null)", "snapshotId", () -> call.accept(null)));
    for (String name : List.of("empty", "dot", "dot-dot")) {
      rows.add(new Row(what + "(" + name + ")", "snapshotId", () -> call.accept(BAD_IDS.get(name))));
    }
  }

  static List<Row> table() {
    List<Row> rows = new ArrayList<>();
    Path out = dir.resolve("never.zip");
    Path archive = dir.resolve("missing.zip");
    existingIds(rows, "snapshots.get", snapshots::get);
    existingIds(rows, "snapshots.find", snapshots::find);
    ids(rows, "snapshots.create", snapshots::create);
    existingIds(rows, "snapshots.delete", snapshots::delete);
    existingIds(rows, "snapshots.download", id -> snapshots.download(id, out));
    existingIds(rows, "snapshots.openArchive", snapshots::openArchive);
    existingIds(rows, "snapshots.restore", id -> snapshots.restore(id, RestoreOptions.defaults()));
    existingIds(rows, "snapshots.uploadStream", id -> snapshots.upload(id, new ByteArrayInputStream(new byte[1]), 1,
        TransferListener.none()));
    for (String bad : new String[] {"1abc", "-abc", "_abc", "~abc"}) {
      rows.add(new Row("snapshots.create(" + bad + ")", "snapshotId", () -> snapshots.create(bad)));
    }
    // executions
    BAD_IDS.forEach((name, id) -> rows.add(new Row("executions.get(" + name + ")", "executionId",
        () -> client.executions().get(id))));
    BAD_IDS.forEach((name, id) -> rows.add(new Row("executions.cancel(" + name + ")", "executionId",
        () -> client.executions().cancel(id))));
    rows.add(new Row("executions.get(null)", "executionId", () -> client.executions().get(null)));
    // other snapshot arguments
    rows.add(new Row("upload(null path)", "archive", () -> snapshots.upload("s", (Path) null)));
    rows.add(new Row("upload(missing file)", "archive", () -> snapshots.upload("s", archive)));
    rows.add(new Row("upload(directory)", "archive", () -> snapshots.upload("s", dir)));
    rows.add(new Row("upload(negative length)", "length", () -> snapshots.upload("s",
        new ByteArrayInputStream(new byte[0]), -1, TransferListener.none())));
    rows.add(new Row("uploadFromUrl(null)", "archiveUrl", () -> snapshots.uploadFromUrl("s", null)));
    for (String url : new String[] {"file:///etc/passwd", "relative/path", "javascript:alert(1)", "http:///nohost",
        "gopher://h/x", "jar:file:/x!/y"}) {
      rows.add(new Row("uploadFromUrl(" + url + ")", "archiveUrl",
          () -> snapshots.uploadFromUrl("s", URI.create(url))));
    }
    rows.add(new Row("download(null target)", "target", () -> snapshots.download("s", null)));
    rows.add(new Row("download(target is a dir)", "target", () -> snapshots.download("s", dir)));
    rows.add(new Row("download(no parent dir)", "target",
        () -> snapshots.download("s", dir.resolve("nope/x.zip"))));
    rows.add(new Row("download(null options)", "options", () -> snapshots.download("s", out, null)));
    rows.add(new Row("list(null)", "params", () -> snapshots.list(null)));
    rows.add(new Row("restore(null options)", "options", () -> snapshots.restore("s", null)));
    // download options
    for (int n : new int[] {0, -1, 101, Integer.MIN_VALUE}) {
      rows.add(new Row("DownloadOptions.maxAttempts(" + n + ")", "maxAttempts",
          () -> DownloadOptions.builder().maxAttempts(n)));
    }
    for (long n : new long[] {0, -1, Long.MIN_VALUE}) {
      rows.add(new Row("DownloadOptions.maxBytes(" + n + ")", "maxBytes", () -> DownloadOptions.builder().maxBytes(n)));
    }
    // client builder
    for (long n : new long[] {0, -1, 1023}) {
      rows.add(new Row("builder.maxResponseSize(" + n + ")", "maxResponseSize",
          () -> CloudifyClient.builder().maxResponseSize(n)));
    }
    for (String url : new String[] {"", " ", "ftp://m", "m.example.com", "http://", "https://user:pw@m",
        "http://m/?q=1", "http://m/#f", "http://m\n.example.com", "javascript:alert(1)", "http://[::1"}) {
      rows.add(new Row("builder.manager(" + url.replace("\n", "\\n") + ")", "url",
          () -> CloudifyClient.builder().manager(url)));
    }
    rows.add(new Row("builder.manager(null)", "url", () -> CloudifyClient.builder().manager((String) null)));
    rows.add(new Row("builder.managers(empty)", "urls", () -> CloudifyClient.builder().managers(
        Collections.emptyList())));
    rows.add(new Row("builder.managers(dup)", "urls", () -> CloudifyClient.builder().managers(
        List.of(URI.create("http://a"), URI.create("http://a")))));
    for (String t : new String[] {"", " ", "a\nb", "a\u0000", "x".repeat(5000), "a\u2028b"}) {
      rows.add(new Row("builder.tenant(bad)", "tenant", () -> CloudifyClient.builder().tenant(t)));
      rows.add(new Row("RequestOptions.tenant(bad)", "tenant", () -> RequestOptions.builder().tenant(t)));
    }
    rows.add(new Row("builder.userAgent(CRLF)", "userAgent", () -> CloudifyClient.builder().userAgent("a\r\nb")));
    // credentials
    rows.add(new Row("basic(null user)", "username", () -> Credentials.basic(null, "p")));
    rows.add(new Row("basic(null password)", "password", () -> Credentials.basic("u", null)));
    rows.add(new Row("basic(blank user)", "username", () -> Credentials.basic(" ", "p")));
    rows.add(new Row("basic(user with colon)", "username", () -> Credentials.basic("a:b", "p")));
    rows.add(new Row("basic(user with CR)", "username", () -> Credentials.basic("a\rb", "p")));
    rows.add(new Row("basic(password with LF)", "password", () -> Credentials.basic("u", "p\nX-Evil: 1")));
    rows.add(new Row("token(null)", "token", () -> Credentials.token(null)));
    rows.add(new Row("token(empty)", "token", () -> Credentials.token("")));
    rows.add(new Row("token(space)", "token", () -> Credentials.token("ctok-a b")));
    rows.add(new Row("token(CRLF)", "token", () -> Credentials.token("ctok-a\r\nX: 1")));
    // durations
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(-3)}) {
      rows.add(new Row("Timeouts.connect(" + d + ")", "connect", () -> Timeouts.builder().connect(d)));
      rows.add(new Row("Timeouts.read(" + d + ")", "read", () -> Timeouts.builder().read(d)));
      rows.add(new Row("Timeouts.call(" + d + ")", "call", () -> Timeouts.builder().call(d)));
      rows.add(new Row("RequestOptions.callTimeout(" + d + ")", "callTimeout",
          () -> RequestOptions.builder().callTimeout(d)));
      rows.add(new Row("RetryPolicy.initialBackoff(" + d + ")", "initialBackoff",
          () -> RetryPolicy.builder().initialBackoff(d)));
      rows.add(new Row("PollOptions.maxWait(" + d + ")", "maxWait", () -> PollOptions.builder().maxWait(d)));
      rows.add(new Row("RestoreTimeouts.restartWindow(" + d + ")", "restartWindow",
          () -> RestoreTimeouts.builder().restartWindow(d)));
      rows.add(new Row("RestoreTimeouts.pollReadTimeout(" + d + ")", "pollReadTimeout",
          () -> RestoreTimeouts.builder().pollReadTimeout(d)));
    }
    rows.add(new Row("Timeouts.read(null)", "read", () -> Timeouts.builder().read(null)));
    rows.add(new Row("RetryPolicy.maxAttempts(0)", "maxAttempts", () -> RetryPolicy.builder().maxAttempts(0)));
    rows.add(new Row("RetryPolicy.jitter(NaN)", "jitter", () -> RetryPolicy.builder().jitter(Double.NaN)));
    rows.add(new Row("RetryPolicy.multiplier(0.5)", "multiplier", () -> RetryPolicy.builder().multiplier(0.5)));
    rows.add(new Row("RetryPolicy.retryStatuses(200)", "statuses",
        () -> RetryPolicy.builder().retryStatuses(java.util.Set.of(200))));
    // headers
    rows.add(new Row("header(Authorization)", "name", () -> RequestOptions.builder().header("Authorization", "x")));
    rows.add(new Row("header(authentication-token)", "name",
        () -> RequestOptions.builder().header("authentication-token", "x")));
    rows.add(new Row("header(name with colon)", "name", () -> RequestOptions.builder().header("a:b", "x")));
    rows.add(new Row("header(value CRLF)", "value", () -> RequestOptions.builder().header("X-A", "1\r\nX-B: 2")));
    rows.add(new Row("RequestOptions.node(ftp)", "node", () -> RequestOptions.builder().node(URI.create("ftp://h"))));
    // list params
    rows.add(new Row("ListParams.size(-1)", "size", () -> ListParams.builder().size(-1)));
    rows.add(new Row("ListParams.size(10001)", "size", () -> ListParams.builder().size(10_001)));
    rows.add(new Row("ListParams.offset(-1)", "offset", () -> ListParams.builder().offset(-1)));
    rows.add(new Row("ListParams.filter(bad field)", "field", () -> ListParams.builder().filter("a&b=c", "x")));
    rows.add(new Row("ListParams.filter(no values)", "values", () -> ListParams.builder().filter("status")));
    rows.add(new Row("ListParams.filter(value with LF)", "values",
        () -> ListParams.builder().filter("status", "a\nb")));
    rows.add(new Row("ListParams.sortAscending(bad)", "field", () -> ListParams.builder().sortAscending("a b")));
    rows.add(new Row("ListParams.search(blank)", "text", () -> ListParams.builder().search(" ")));
    // orchestrator
    rows.add(new Row("RestoreOrchestrator.snapshotId(dot-dot)", "snapshotId",
        () -> RestoreOrchestrator.builder(client).snapshotId("..")));
    rows.add(new Row("RestoreOrchestrator.snapshotId(null)", "snapshotId",
        () -> RestoreOrchestrator.builder(client).snapshotId(null)));
    rows.add(new Row("RestoreOrchestrator.uploadFrom(null)", "archive",
        () -> RestoreOrchestrator.builder(client).uploadFrom(null)));
    rows.add(new Row("RestoreOrchestrator.uploadFromUrl(file:)", "archiveUrl",
        () -> RestoreOrchestrator.builder(client).uploadFromUrl(URI.create("file:///etc/shadow"))));
    return rows;
  }

  @Test
  void everyHostileArgumentIsRefusedBeforeAnythingIsSent() {
    List<Row> rows = table();
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      Throwable t = catchThrowable(row.call::run);
      if (t == null) {
        problems.add(row.what + ": accepted");
      } else if (!(t instanceof IllegalArgumentException || t instanceof NullPointerException
          // a missing file, a directory, an existing target: the file system's state, refused before sending
          || t instanceof io.github.cloudify4j.client.errors.CloudifyLocalIoException)) {
        problems.add(row.what + ": " + t);
      } else if (t.getMessage() == null || !t.getMessage().contains(row.param)) {
        problems.add(row.what + ": message does not name '" + row.param + "': " + t.getMessage());
      }
      Figures.inc(Counter.BAD_INPUTS);
      Figures.cases(1);
    }
    System.out.println("[robustness] hostile inputs tried: " + rows.size());
    assertThat(problems).as("rows that misbehaved (of %d)", rows.size()).isEmpty();
    assertThat(rows.size()).isGreaterThanOrEqualTo(100);
    assertThat(server.getRequestCount()).as("requests the server received").isZero();
    assertThat(dir.resolve("never.zip")).doesNotExist();
  }

  /**
   * A missing archive is a plan blocker (by design, not a builder error): run() stops at PREFLIGHT and changes
   * nothing. It still reads the manager's state to describe it (GETs only): see the report.
   */
  @Test
  void aMissingArchiveBlocksTheRestoreAndChangesNothing() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
        @Override
        public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
          return new okhttp3.mockwebserver.MockResponse().setResponseCode(404)
              .setHeader("Content-Type", "application/json")
              .setBody("{\"message\": \"nope\", \"error_code\": \"not_found_error\"}");
        }
      });
      other.start();
      try (CloudifyClient c = CloudifyClient.builder().manager(other.url("/").uri()).basicAuth("admin", "pw")
          .retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build()) {
        RestoreOrchestrator o = RestoreOrchestrator.builder(c).snapshotId("s")
            .uploadFrom(dir.resolve("gone.zip")).build();
        assertThat(o.plan().blockerCodes()).extracting(r -> r.code())
            .containsExactly(io.github.cloudify4j.snapshots.restore.RestoreRefusal.Code.ARCHIVE_NOT_READABLE);
        Throwable t = catchThrowable(o::run);
        assertThat(t).isInstanceOfSatisfying(io.github.cloudify4j.snapshots.restore.RestoreRefusedException.class,
            r -> {
              assertThat(r.code()).isEqualTo(
                  io.github.cloudify4j.snapshots.restore.RestoreRefusal.Code.ARCHIVE_NOT_READABLE);
              assertThat(r.step()).isEqualTo(io.github.cloudify4j.snapshots.restore.RestoreStep.PREFLIGHT);
            });
        int n = other.getRequestCount();
        for (int i = 0; i < n; i++) {
          assertThat(other.takeRequest().getMethod()).as("request %d after the blocker", i).isEqualTo("GET");
        }
        System.out.println("[robustness] blocked restore sent " + n + " GET(s) to describe the state");
      }
    }
    Figures.inc(Counter.BAD_INPUTS);
    Figures.cases(1);
  }
}
