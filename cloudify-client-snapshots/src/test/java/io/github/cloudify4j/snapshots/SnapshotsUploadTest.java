package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ConflictException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT /snapshots/{id}/archive from a file, a stream and a URL. */
class SnapshotsUploadTest extends MockManager {
  @TempDir
  Path dir;

  static byte[] randomBytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  Path archive(int size) throws Exception {
    Path p = dir.resolve("archive.zip");
    Files.write(p, randomBytes(size, 42));
    return p;
  }

  @Test
  void uploadsAFileWithItsLengthNotChunked() throws Exception {
    Path file = archive(700_000);
    enqueueJson(201, Samples.snapshot("up-1", "uploaded", ""));
    List<long[]> progress = new ArrayList<>();

    Snapshot s = snapshots.upload("up-1", file, (done, total) -> progress.add(new long[] {done, total}));

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots/up-1/archive");
    assertThat(r.getHeader("Content-Length")).isEqualTo("700000");
    assertThat(r.getHeader("Transfer-Encoding")).isNull();
    assertThat(r.getChunkSizes()).isEmpty();
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(r.getHeader("Authorization")).startsWith("Basic ");
    assertThat(sha256(r.getBody().readByteArray())).isEqualTo(sha256(Files.readAllBytes(file)));
    assertThat(s.id()).isEqualTo("up-1");
    assertThat(s.status()).isEqualTo(SnapshotStatus.UPLOADED);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(700_000L, 700_000L);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThan(progress.get(i - 1)[0]);
    }
  }

  @Test
  void uploadsAnEmptyFile() throws Exception {
    Path file = dir.resolve("empty.zip");
    Files.createFile(file);
    enqueueJson(201, Samples.snapshot("up-0", "uploaded", ""));
    snapshots.upload("up-0", file);
    RecordedRequest r = take();
    assertThat(r.getHeader("Content-Length")).isEqualTo("0");
    assertThat(r.getBodySize()).isZero();
  }

  @Test
  void anExistingIdIsAConflictOn6x() throws Exception {
    Path file = archive(1000);
    enqueueJson(409, Samples.ERROR_CONFLICT);
    assertThatThrownBy(() -> snapshots.upload("snap-2024-05-02", file)).isInstanceOf(ConflictException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theAllNull201Of704IsFollowedByAGet() throws Exception {
    Path file = archive(1000);
    enqueueJson(201, Samples.UPLOAD_RESPONSE_EXISTING_ID_7_0_4);
    enqueueJson(200, Samples.snapshot("snap-2024-05-02", "uploaded", ""));

    Snapshot s = snapshots.upload("snap-2024-05-02", file);

    assertThat(take().getMethod()).isEqualTo("PUT");
    RecordedRequest get = take();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getPath()).isEqualTo("/api/v3.1/snapshots/snap-2024-05-02");
    assertThat(s.id()).isEqualTo("snap-2024-05-02");
    assertThat(s.status()).isEqualTo(SnapshotStatus.UPLOADED);
  }

  /** RetryPolicy: only safe requests are retried unless retryNonIdempotent; a PUT is not safe. */
  @Test
  void aFileUploadIsNotRetriedByDefault() throws Exception {
    Path file = archive(5000);
    server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream unavailable"));
    enqueueJson(201, Samples.snapshot("up-1", "uploaded", ""));
    assertThatThrownBy(() -> snapshots.upload("up-1", file)).isInstanceOf(ServerUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aFileUploadIsReplayedWhenNonIdempotentRetriesAreAllowed() throws Exception {
    useRetryPolicy(RetryPolicy.builder().retryNonIdempotent(true).build());
    Path file = archive(600_000);
    server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream unavailable"));
    enqueueJson(201, Samples.snapshot("up-1", "uploaded", ""));
    List<Long> restarts = new ArrayList<>();

    Snapshot s = snapshots.upload("up-1", file, new TransferListener() {
      @Override
      public void onProgress(long done, long total) {
      }

      @Override
      public void onRestart(long resumedAt) {
        restarts.add(resumedAt);
      }
    });

    assertThat(s.id()).isEqualTo("up-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    String expected = sha256(Files.readAllBytes(file));
    assertThat(sha256(take().getBody().readByteArray())).isEqualTo(expected);
    assertThat(sha256(take().getBody().readByteArray())).isEqualTo(expected);
    assertThat(restarts).containsExactly(0L);
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void aStreamUploadIsSentWithItsLengthAndNeverRetried() throws Exception {
    useRetryPolicy(RetryPolicy.builder().retryNonIdempotent(true).build());
    byte[] data = randomBytes(300_000, 7);
    server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream unavailable"));
    enqueueJson(201, Samples.snapshot("up-s", "uploaded", ""));

    assertThatThrownBy(() -> snapshots.upload("up-s", new ByteArrayInputStream(data), data.length,
        TransferListener.none())).isInstanceOf(ServerUnavailableException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest r = take();
    assertThat(r.getHeader("Content-Length")).isEqualTo("300000");
    assertThat(r.getHeader("Transfer-Encoding")).isNull();
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(sha256(r.getBody().readByteArray())).isEqualTo(sha256(data));
  }

  @Test
  void aStreamUploadSucceeds() throws Exception {
    byte[] data = randomBytes(100_000, 8);
    enqueueJson(201, Samples.snapshot("up-s", "uploaded", ""));
    Snapshot s = snapshots.upload("up-s", new ByteArrayInputStream(data), data.length, TransferListener.none());
    assertThat(s.status()).isEqualTo(SnapshotStatus.UPLOADED);
    assertThat(take().getBody().readByteArray()).isEqualTo(data);
  }

  @Test
  void aStreamShorterThanItsLengthIsATypedError() throws Exception {
    byte[] data = randomBytes(10_000, 9);
    enqueueJson(201, Samples.snapshot("up-s", "uploaded", ""));
    assertThatThrownBy(() -> snapshots.upload("up-s", new ByteArrayInputStream(data), 20_000,
        TransferListener.none()))
        .isInstanceOf(CloudifyTransportException.class)
        .hasMessageContaining("10000 of the 20000 bytes");
  }

  @Test
  void uploadFromUrlSendsTheUrlAndAnEmptyBody() throws Exception {
    URI url = new URI("https", "files.example.com", "/backups/nightly 1.zip", "X-Amz-Signature=ab+c&x=1", null);
    enqueueJson(201, Samples.snapshot("from-url", "uploaded", ""));

    Snapshot s = snapshots.uploadFromUrl("from-url", url);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/api/v3.1/snapshots/from-url/archive");
    assertThat(r.getRequestUrl().querySize()).isEqualTo(1);
    assertThat(r.getRequestUrl().queryParameter("snapshot_archive_url")).isEqualTo(url.toASCIIString());
    assertThat(r.getHeader("Content-Length")).isEqualTo("0");
    assertThat(r.getHeader("Transfer-Encoding")).isNull();
    assertThat(r.getBodySize()).isZero();
    assertThat(s.id()).isEqualTo("from-url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "backups/a.zip", "/backups/a.zip", "http:///a.zip", "http:a.zip",
      "gopher://example.com/a.zip", "mailto:a@example.com", "//example.com/a.zip"})
  void uploadFromUrlRejectsBadUrlsBeforeSending(String url) {
    assertThatThrownBy(() -> snapshots.uploadFromUrl("from-url", URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("archiveUrl");
    assertThat(server.getRequestCount()).isZero();
  }
}
