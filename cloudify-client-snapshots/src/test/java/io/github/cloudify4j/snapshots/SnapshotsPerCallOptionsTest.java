package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.poll.PollListener;
import io.github.cloudify4j.client.poll.PollOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Snapshots} method that sends a request takes per-call {@link RequestOptions}, and they reach the
 * wire; the same options as a client view's defaults send the very same request.
 */
class SnapshotsPerCallOptionsTest extends MockManager {
  private static final RequestOptions OPTIONS = RequestOptions.builder().header("X-Trace", "t-1")
      .bypassMaintenance(true).tenant("tenant-b").build();
  private static final byte[] ARCHIVE = {'P', 'K', 3, 4, 0, 0};

  @TempDir
  static Path dir;

  /** One overload: what the server answers, and the call made with the options (per call, or none on a view). */
  private static Arguments op(String name, boolean authenticated, MockResponse answer,
      BiConsumer<Snapshots, RequestOptions> call) {
    return Arguments.of(name, authenticated, answer, call);
  }

  static Stream<Arguments> overloads() {
    PollOptions once = PollOptions.timeout(Duration.ofMinutes(1));
    return Stream.of(
        op("list", true, json(200, Samples.LIST_ENVELOPE), (s, o) -> s.list(ListParams.none(), o)),
        op("listAll", true, json(200, Samples.LIST_ENVELOPE),
            (s, o) -> assertThat(s.listAll(ListParams.none(), o).limit(1).count()).isOne()),
        op("get", true, json(200, Samples.SNAPSHOT), (s, o) -> s.get("snap-2024-05-02", o)),
        op("find", true, json(200, Samples.SNAPSHOT), (s, o) -> assertThat(s.find("snap-2024-05-02", o)).isPresent()),
        op("create", true, json(201, Samples.EXECUTION_CREATE_SNAPSHOT),
            (s, o) -> s.create("snap-2024-05-02", SnapshotCreateOptions.defaults(), o)),
        op("delete", true, json(200, Samples.SNAPSHOT), (s, o) -> s.delete("snap-2024-05-02", o)),
        op("upload(Path)", true, json(201, Samples.SNAPSHOT),
            (s, o) -> s.upload("snap-2024-05-02", archive(), TransferListener.none(), o)),
        op("upload(InputStream)", true, json(201, Samples.SNAPSHOT), (s, o) -> s.upload("snap-2024-05-02",
            new ByteArrayInputStream(ARCHIVE), ARCHIVE.length, TransferListener.none(), o)),
        op("uploadFromUrl", true, json(201, Samples.SNAPSHOT),
            (s, o) -> s.uploadFromUrl("snap-2024-05-02", URI.create("https://files.example.com/a.zip"), o)),
        op("download", true, archiveAnswer(), (s, o) -> s.download("snap-2024-05-02",
            dir.resolve("d-" + System.nanoTime() + ".zip"), DownloadOptions.builder().verifyZip(false).build(), o)),
        op("openArchive", true, archiveAnswer(), (s, o) -> readAll(s.openArchive("snap-2024-05-02", o))),
        op("restore", true, json(200, Samples.RESTORE_RESPONSE),
            (s, o) -> s.restore("snap-2024-05-02", RestoreOptions.defaults(), o)),
        op("restoreStatus", false, json(200, "{\"status\": \"No restore_snapshot workflow currently running.\"}"),
            (s, o) -> s.restoreStatus(o)),
        op("waitUntilCreated", true, json(200, Samples.SNAPSHOT),
            (s, o) -> s.waitUntilCreated("snap-2024-05-02", once, o, PollListener.none())),
        op("waitUntilRestoreFinished", false,
            json(200, "{\"status\": \"No restore_snapshot workflow currently running.\"}"),
            (s, o) -> s.waitUntilRestoreFinished(once, o, PollListener.none())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overloads")
  void perCallOptionsReachTheWireAndAViewSendsTheSameRequest(String name, boolean authenticated,
      MockResponse answer, BiConsumer<Snapshots, RequestOptions> call) throws Exception {
    enqueueJson(200, "{\"version\": \"7.0.4\", \"edition\": \"premium\"}");
    client.manager().version(); // the version a restore's body depends on, cached for every view
    take();

    server.enqueue(answer.clone());
    call.accept(snapshots, OPTIONS);
    RecordedRequest perCall = take();

    server.enqueue(answer.clone());
    call.accept(Snapshots.of(client.withOptions(OPTIONS)), RequestOptions.none());
    RecordedRequest viaView = take();

    assertThat(perCall.getHeader("X-Trace")).isEqualTo("t-1");
    assertThat(perCall.getHeader("X-BYPASS-MAINTENANCE")).isEqualTo("true");
    if (authenticated) {
      assertThat(perCall.getHeader("Tenant")).isEqualTo("tenant-b");
      assertThat(perCall.getHeader("Authorization")).startsWith("Basic ");
    } else {
      assertThat(perCall.getHeader("Tenant")).as("sent without credentials, so without a tenant").isNull();
      assertThat(perCall.getHeader("Authorization")).isNull();
    }
    assertThat(viaView.getRequestLine()).isEqualTo(perCall.getRequestLine());
    assertThat(viaView.getHeaders().toMultimap()).isEqualTo(perCall.getHeaders().toMultimap());
    assertThat(viaView.getBody().readByteString()).isEqualTo(perCall.getBody().readByteString());
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void withoutOptionsNothingExtraIsSent() throws Exception {
    enqueueJson(200, Samples.SNAPSHOT);

    snapshots.get("snap-2024-05-02");

    RecordedRequest r = take();
    assertThat(r.getHeader("X-Trace")).isNull();
    assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).isNull();
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
  }

  @Test
  void perCallOptionsAreLaidOverAViewsDefaults() throws Exception {
    enqueueJson(200, Samples.SNAPSHOT);

    Snapshots.of(client.withOptions(OPTIONS)).get("snap-2024-05-02",
        RequestOptions.builder().tenant("tenant-c").header("X-Trace", "t-2").build());

    RecordedRequest r = take();
    assertThat(r.getHeader("Tenant")).isEqualTo("tenant-c");
    assertThat(r.getHeader("X-Trace")).isEqualTo("t-2");
    assertThat(r.getHeader("X-BYPASS-MAINTENANCE")).as("kept from the view").isEqualTo("true");
  }

  @Test
  void restoreStatusSendsCredentialsOnlyWhenAsked() throws Exception {
    enqueueJson(200, "{\"status\": \"running\"}");

    snapshots.restoreStatus(RequestOptions.builder().authenticate(true).build());

    RecordedRequest r = take();
    assertThat(r.getHeader("Authorization")).startsWith("Basic ");
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");
  }

  @Test
  void aPerCallTimeoutBoundsTheCall() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    RequestOptions quick = RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build();

    long start = System.nanoTime();
    assertThatThrownBy(() -> snapshots.get("snap-2024-05-02", quick))
        .isInstanceOf(CloudifyTransportException.class).hasMessageContaining("timed out");
    assertThatThrownBy(() -> Snapshots.of(client.withOptions(quick)).get("snap-2024-05-02"))
        .isInstanceOf(CloudifyTransportException.class).hasMessageContaining("timed out");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the read timeout is 10 s")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(time.sleeps).as("a call past its timeout is not retried").isEmpty();
  }

  private static MockResponse archiveAnswer() {
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/octet-stream")
        .setBody(new Buffer().write(ARCHIVE));
  }

  private static Path archive() {
    try {
      Path p = dir.resolve("a-" + System.nanoTime() + ".zip");
      Files.write(p, ARCHIVE);
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void readAll(ArchiveStream stream) {
    try (ArchiveStream in = stream) {
      in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
