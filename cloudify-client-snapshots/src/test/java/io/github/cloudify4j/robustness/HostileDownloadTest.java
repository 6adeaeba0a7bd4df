package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.ResponseTooLargeException;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadRefusedException;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import io.github.cloudify4j.snapshots.support.ZipBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile or broken server on loopback answers {@code GET /snapshots/{id}/archive} with things that are not the
 * archive: each is refused with a typed exception, and nothing is left on disk (no target, no temporary file).
 * Every case here was accepted (saved as the archive, written without bound) or failed untyped before.
 */
@ExtendWith(Figures.class)
@Timeout(10)
class HostileDownloadTest {
  static final long MIB = 1024 * 1024;
  static final byte[] ZIP = ZipBytes.random(200_000, 42);
  static final String LOGIN_PAGE = "<!DOCTYPE html><html><body><form action=\"/login\">Sign in</form></body></html>";

  MockWebServer server;
  CloudifyClient client;
  Snapshots snapshots;
  @TempDir Path dir;
  Path target;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "pw")
        .retryPolicy(RetryPolicy.none()).sleeper(d -> { })
        .timeouts(Timeouts.of(Duration.ofSeconds(5), Duration.ofSeconds(5))).build();
    snapshots = Snapshots.of(client);
    target = dir.resolve("x.zip");
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  static MockResponse archive(byte[] body, String contentType) {
    MockResponse r = new MockResponse().setBody(new Buffer().write(body));
    return contentType == null ? r : r.setHeader("Content-Type", contentType);
  }

  List<String> leftOnDisk() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }

  /** Downloads with {@code options}; asserts the refusal's type and that nothing is left; returns it. */
  <T extends CloudifyException> T refused(Class<T> type, DownloadOptions options) throws IOException {
    Throwable t = catchThrowable(() -> snapshots.download("s", target, options));
    assertThat(t).isInstanceOf(type).hasMessageNotContaining("pw");
    assertThat(leftOnDisk()).as("files left in the target's directory").isEmpty();
    Figures.inc(Counter.MALFORMED_RESPONSES);
    Figures.cases(1);
    return type.cast(t);
  }

  <T extends CloudifyException> T refused(Class<T> type) throws IOException {
    return refused(type, DownloadOptions.defaults());
  }

  @Test
  void aLoginPageServedWith200IsNotSavedAsTheArchive() throws IOException {
    server.enqueue(archive(LOGIN_PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
    DownloadRefusedException e = refused(DownloadRefusedException.class);
    assertThat(e.reason()).isEqualTo(DownloadRefusedException.Reason.NOT_AN_ARCHIVE_TYPE);
    assertThat(e).hasMessageContaining("\"text/html\"").hasMessageContaining("application/octet-stream");
    assertThat(e.statusCode()).isEqualTo(200);
  }

  @Test
  void aJsonAnswerIsNotAnArchive() throws IOException {
    server.enqueue(archive("{\"items\": []}".getBytes(StandardCharsets.UTF_8), "application/json"));
    assertThat(refused(DownloadRefusedException.class).reason())
        .isEqualTo(DownloadRefusedException.Reason.NOT_AN_ARCHIVE_TYPE);
  }

  @Test
  void aLoginPageWithAnArchiveTypeFailsTheZipCheck() throws IOException {
    server.enqueue(archive(LOGIN_PAGE.getBytes(StandardCharsets.UTF_8), "application/octet-stream"));
    assertThat(refused(InvalidSnapshotArchiveException.class))
        .hasMessageContaining("end-of-central-directory");
  }

  @Test
  void aBodyWithoutLengthCutHalfwayIsNotMovedIntoPlace() throws IOException {
    byte[] half = Arrays.copyOf(ZIP, ZIP.length / 2);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream")
        .setChunkedBody(new Buffer().write(half), 16 * 1024)); // ends cleanly: only the zip's end can tell
    refused(InvalidSnapshotArchiveException.class);
  }

  @Test
  void aZipWithBytesAppendedIsRefused() throws IOException {
    byte[] padded = Arrays.copyOf(ZIP, ZIP.length + 1000);
    server.enqueue(archive(padded, "application/octet-stream"));
    refused(InvalidSnapshotArchiveException.class);
  }

  @Test
  void aZipWhoseEndRecordOvercountsItsEntriesIsRefused() throws IOException {
    byte[] lying = ZIP.clone();
    ByteBuffer end = ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = lying.length - 22;
    assertThat(end.getInt(eocd)).isEqualTo(0x06054b50);
    end.putShort(eocd + 8, (short) 2).putShort(eocd + 10, (short) 2);
    server.enqueue(archive(lying, "application/octet-stream"));
    assertThat(refused(InvalidSnapshotArchiveException.class)).hasMessageContaining("1 entries where");
  }

  @Test
  void aNegativeContentLengthIsATypedRefusal() throws IOException {
    server.enqueue(archive(ZIP, "application/octet-stream").setHeader("Content-Length", "-5")
        .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    DownloadRefusedException e = refused(DownloadRefusedException.class);
    assertThat(e.reason()).isEqualTo(DownloadRefusedException.Reason.BAD_CONTENT_LENGTH);
    assertThat(e).hasMessageContaining("\"-5\"");
  }

  @Test
  void aMalformedContentLengthIsATypedRefusal() throws IOException {
    server.enqueue(archive(ZIP, "application/octet-stream").setHeader("Content-Length", "12abc")
        .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    assertThat(refused(DownloadRefusedException.class).reason())
        .isEqualTo(DownloadRefusedException.Reason.BAD_CONTENT_LENGTH);
  }

  @Test
  void anAnnouncedLengthOverTheLimitIsRefusedBeforeWriting() throws IOException {
    server.enqueue(archive(ZIP, "application/octet-stream"));
    AtomicLong progress = new AtomicLong();
    ResponseTooLargeException e = refused(ResponseTooLargeException.class, DownloadOptions.builder()
        .maxBytes(100_000).listener(new TransferListener() {
          @Override
          public void onProgress(long done, long total) {
            progress.set(done);
          }
        }).build());
    assertThat(progress.get()).as("bytes written").isZero();
    assertThat(e.limit()).isEqualTo(100_000);
    assertThat(e).hasMessageContaining("announces").hasMessageContaining("DownloadOptions.maxBytes");
  }

  @Test
  void byDefaultAnAnnouncedLengthBeyondTheFreeSpaceIsRefusedBeforeWriting() throws IOException {
    server.enqueue(archive(ZIP, "application/octet-stream").setHeader("Content-Length", String.valueOf(1L << 60))
        .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    ResponseTooLargeException e = refused(ResponseTooLargeException.class);
    assertThat(e).hasMessageContaining("usable space").hasMessageContaining("1 EiB");
    assertThat(e.limit()).isLessThan(Files.getFileStore(dir).getUsableSpace());
  }

  @Test
  void anUnannouncedBodyIsCutOffAtTheLimit() throws IOException {
    byte[] big = ZipBytes.random((int) (3 * MIB), 7);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream")
        .setChunkedBody(new Buffer().write(big), 64 * 1024));
    ResponseTooLargeException e = refused(ResponseTooLargeException.class,
        DownloadOptions.builder().maxBytes(MIB).build());
    assertThat(e).hasMessageContaining("passed 1 MiB");
  }

  @Test
  void aGzipBombIsCutOffAtTheLimitAfterDecompression() throws IOException {
    Buffer wire = new Buffer();
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gz = new GZIPOutputStream(wire.outputStream(), 1 << 16) {
      {
        def.setLevel(Deflater.DEFAULT_COMPRESSION);
      }
    }) {
      for (int i = 0; i < 64; i++) {
        gz.write(zeros); // 64 MiB inflated
      }
    }
    assertThat(wire.size()).as("bytes on the wire").isLessThan(MIB);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream")
        .setHeader("Content-Encoding", "gzip").setBody(wire));
    refused(ResponseTooLargeException.class, DownloadOptions.builder().maxBytes(8 * MIB).build());
  }

  @Test
  void aResumedAnswerIsCheckedToo() throws IOException {
    server.enqueue(archive(ZIP, "application/octet-stream")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(new MockResponse().setResponseCode(206).setHeader("Content-Type", "text/html")
        .setHeader("Content-Range", "bytes 1-9/10").setBody(LOGIN_PAGE));
    refused(DownloadRefusedException.class, DownloadOptions.builder().maxAttempts(2).build());
  }

  @Test
  void everyArchiveTypeAManagerOrStoreSendsIsAccepted() throws IOException {
    String[] types = {"application/octet-stream", "Application/Octet-Stream; charset=binary", "binary/octet-stream",
        "application/zip", "application/x-zip-compressed", null};
    for (String type : types) {
      server.enqueue(archive(ZIP, type));
      Path to = dir.resolve("ok-" + Math.abs(String.valueOf(type).hashCode()) + ".zip");
      DownloadResult r = snapshots.download("s", to);
      assertThat(Files.readAllBytes(to)).as(type).isEqualTo(ZIP);
      assertThat(r.bytes()).isEqualTo(ZIP.length);
      Figures.cases(1);
    }
  }

  @Test
  void theChecksCanBeTurnedOff() throws IOException {
    server.enqueue(archive(ZIP, "text/plain"));
    snapshots.download("s", target, DownloadOptions.builder().checkContentType(false).build());
    assertThat(Files.readAllBytes(target)).isEqualTo(ZIP);
    Files.delete(target);
    server.enqueue(archive(LOGIN_PAGE.getBytes(StandardCharsets.UTF_8), "application/octet-stream"));
    snapshots.download("s", target, DownloadOptions.builder().verifyZip(false).build());
    assertThat(Files.readString(target)).isEqualTo(LOGIN_PAGE);
    Figures.cases(2);
  }

  @Test
  void maxBytesIsValidated() {
    assertThat(catchThrowable(() -> DownloadOptions.builder().maxBytes(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
    assertThat(DownloadOptions.defaults().verifyZip()).isTrue();
    assertThat(DownloadOptions.defaults().checkContentType()).isTrue();
    assertThat(DownloadOptions.defaults().maxBytes()).isEmpty();
  }
}
