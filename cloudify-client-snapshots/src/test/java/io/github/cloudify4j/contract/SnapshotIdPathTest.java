package io.github.cloudify4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.ArchiveStream;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #14, "Ids": the manager checks the id rule only when a snapshot is created (a letter first, then letters,
 * digits, {@code - . _ ~}, at most 256: corpus seq 42, 43, 45, 47); an upload stores any id (seq 92 {@code 0up}),
 * and the manager decodes a percent-encoded id (seq 224 {@code snap%201} is the snapshot {@code snap 1}). So create
 * keeps the rule, and every other operation sends the id as one percent-encoded path segment: the exact path
 * bytes are checked here.
 */
class SnapshotIdPathTest {
  private static final String API = "/api/v3.1/snapshots/";
  @TempDir Path dir;
  MockWebServer server;
  CloudifyClient client;
  Snapshots snapshots;
  final List<String> paths = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String path = r.getPath();
        if (path.startsWith("/api/version")) {
          return json(200, "{\"version\": \"7.1.0\", \"edition\": \"community\"}");
        }
        paths.add(r.getMethod() + " " + path);
        if (path.endsWith("/restore")) {
          return json(200, "{\"id\": \"e1\", \"status\": \"pending\", \"error\": null}");
        }
        if (path.contains("/archive") && r.getMethod().equals("GET")) {
          return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/octet-stream")
              .setBody(new okio.Buffer().write(
                  io.github.cloudify4j.snapshots.support.ZipBytes.storedZip(new byte[] {1, 2, 3})));
        }
        if (path.contains("/archive")) {
          return json(201, "{\"id\": \"x\", \"status\": \"uploaded\", \"error\": \"\"}");
        }
        return json(200, "{\"id\": \"x\", \"status\": \"uploaded\", \"error\": \"\"}");
      }
    });
    server.start();
    client = CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "pw")
        .tenant("default_tenant").retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build();
    snapshots = Snapshots.of(client);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** Id, and the exact path segment a real manager decodes back to it. */
  static Stream<Arguments> ids() {
    return Stream.of(
        Arguments.of("0up", "0up"),                           // seq 92: stored by an upload, refused by create
        Arguments.of("snap 1", "snap%201"),                   // seq 224
        Arguments.of("a/b", "a%2Fb"),
        Arguments.of("a;b+c=d,e", "a%3Bb%2Bc%3Dd%2Ce"),       // sub-delimiters: data, not syntax
        Arguments.of("a?b#c", "a%3Fb%23c"),
        Arguments.of("%2e%2e", "%252e%252e"),                 // a literal percent stays literal
        Arguments.of("...", "..."),
        Arguments.of("_x~y-z.1", "_x~y-z.1"),
        Arguments.of("é", "%C3%A9"),
        Arguments.of("a\r\nX-Evil: 1", "a%0D%0AX-Evil%3A%201"),
        Arguments.of("\uD83D\uDE00", "%F0%9F%98%80"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("ids")
  void everyOperationOnAnExistingIdSendsItAsOnePercentEncodedSegment(String id, String segment) throws Exception {
    Path archive = Files.write(dir.resolve("a.zip"), new byte[] {1, 2, 3});
    List<Consumer<Snapshots>> calls = List.of(
        s -> s.get(id),
        s -> s.find(id),
        s -> s.waitUntilCreated(id, PollOptions.timeout(Duration.ofSeconds(5))),
        s -> s.delete(id),
        s -> s.upload(id, archive),
        s -> s.upload(id, new ByteArrayInputStream(new byte[3]), 3, TransferListener.none()),
        s -> s.uploadFromUrl(id, URI.create("https://archives.example.com/a.zip")),
        s -> s.download(id, dir.resolve("out-" + System.nanoTime() + ".zip")),
        s -> {
          try (ArchiveStream in = s.openArchive(id)) {
            in.readAllBytes();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        },
        s -> s.restore(id, RestoreOptions.defaults()));
    for (Consumer<Snapshots> call : calls) {
      call.accept(snapshots);
    }
    String base = API + segment;
    assertThat(paths).containsExactly(
        "GET " + base,
        "GET " + base,
        "GET " + base,
        "DELETE " + base,
        "PUT " + base + "/archive",
        "PUT " + base + "/archive",
        "PUT " + base + "/archive?snapshot_archive_url=https%3A%2F%2Farchives.example.com%2Fa.zip",
        "GET " + base + "/archive",
        "GET " + base + "/archive",
        "POST " + base + "/restore");
  }

  @Test
  void onlyWhatNoPathSegmentCanCarryIsRefused() {
    for (String bad : new String[] {"", ".", ".."}) {
      assertThatThrownBy(() -> snapshots.get(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("snapshotId");
      assertThatThrownBy(() -> snapshots.delete(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("snapshotId");
      assertThatThrownBy(() -> snapshots.restore(bad, RestoreOptions.defaults()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("snapshotId");
    }
    assertThatThrownBy(() -> snapshots.get("a\uD800b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate");
    assertThat(paths).isEmpty();
  }

  /** The server's create rule (seq 42 leading digit, 43 space, 47 {@code ..} refused; 45: 256 characters pass). */
  @Test
  void createKeepsTheManagersRule() {
    for (String bad : new String[] {"1snap", "snap 1", "..", "-a", "_a", "~a", "a/b", "a".repeat(257), "é"}) {
      assertThatThrownBy(() -> snapshots.create(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("snapshotId");
    }
    assertThat(paths).isEmpty();
    String longest = "a" + "b".repeat(255);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        paths.add(r.getMethod() + " " + r.getPath());
        return json(201, "{\"id\": \"e1\", \"workflow_id\": \"create_snapshot\", \"status\": \"pending\","
            + " \"parameters\": {}}");
      }
    });
    snapshots.create(longest);
    snapshots.create("A-z_0.9~");
    assertThat(paths).containsExactly("PUT " + API + longest, "PUT " + API + "A-z_0.9~");
  }

  /**
   * Against the fake: a snapshot uploaded as {@code 0up} (which create refuses) can be read, downloaded, restored
   * and deleted with the SDK — before, it could only be listed.
   */
  @Test
  void aSnapshotUploadedWithAnIdCreateRefusesCanBeUsed() throws Exception {
    Path archive = io.github.cloudify4j.snapshots.support.Archives.create(ServerProfile.V7_0_4, dir, "src");
    try (FakeCloudifyManager fake = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient c = VirtualTime.client(fake).build()) {
      Snapshots s = Snapshots.of(c);
      Snapshot uploaded = s.upload("0up", archive);
      assertThat(uploaded.id()).isEqualTo("0up");
      assertThat(s.get("0up").id()).isEqualTo("0up");
      Path copy = dir.resolve("copy.zip");
      s.download("0up", copy);
      assertThat(Files.mismatch(copy, archive)).isEqualTo(-1L);
      assertThat(s.delete("0up")).isPresent();
      assertThat(s.find("0up")).isEmpty();
      assertThat(fake.journal().all()).extracting(r -> r.method() + " " + r.path())
          .contains("PUT " + API + "0up/archive", "GET " + API + "0up", "GET " + API + "0up/archive",
              "DELETE " + API + "0up");
    }
  }
}
