package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.errors.CloudifyLocalIoException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.errors.SnapshotActionException;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /snapshots/{id}/archive into a file: streaming, atomic move, checks, resumption. */
class SnapshotsDownloadTest extends MockManager {
  @TempDir
  Path dir;

  static final byte[] DATA = io.github.cloudify4j.snapshots.support.ZipBytes.random(1_000_000, 1234);

  /** Every progress event and restart, in order. */
  static final class Recorder implements TransferListener {
    final List<String> events = new ArrayList<>();
    final List<List<long[]>> attempts = new ArrayList<>(List.of(new ArrayList<>()));

    @Override
    public synchronized void onProgress(long done, long total) {
      attempts.get(attempts.size() - 1).add(new long[] {done, total});
    }

    @Override
    public synchronized void onRestart(long resumedAt) {
      events.add("restart@" + resumedAt);
      attempts.add(new ArrayList<>());
    }

    void assertMonotonicEndingAt(long total) {
      for (List<long[]> attempt : attempts) {
        for (int i = 1; i < attempt.size(); i++) {
          assertThat(attempt.get(i)[0]).isGreaterThanOrEqualTo(attempt.get(i - 1)[0]);
        }
      }
      List<long[]> last = attempts.get(attempts.size() - 1);
      assertThat(last).isNotEmpty();
      assertThat(last.get(last.size() - 1)[0]).isEqualTo(total);
    }
  }

  List<String> dirListing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  static MockResponse archiveResponse(byte[] data) {
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/octet-stream")
        .setBody(new Buffer().write(data));
  }

  @Test
  void downloadsWithContentLength() throws Exception {
    server.enqueue(archiveResponse(DATA));
    Path target = dir.resolve("snap.zip");
    Recorder rec = new Recorder();

    DownloadResult result = snapshots.download("snap-2024-05-02", target,
        DownloadOptions.builder().sha256(true).listener(rec).build());

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots/snap-2024-05-02/archive");
    assertThat(r.getHeader("Range")).isNull();
    assertThat(SnapshotsUploadTest.sha256(Files.readAllBytes(target))).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    assertThat(result.path()).isEqualTo(target);
    assertThat(result.bytes()).isEqualTo(DATA.length);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.sha256()).contains(SnapshotsUploadTest.sha256(DATA));
    assertThat(dirListing()).containsExactly("snap.zip");
    rec.assertMonotonicEndingAt(DATA.length);
    assertThat(rec.attempts.get(0).get(0)[1]).isEqualTo(DATA.length);
    assertThat(rec.events).isEmpty();
  }

  @Test
  void aLocalFileFailureIsACloudifyExceptionNamingThePathAndLeavesNothing() throws Exception {
    server.enqueue(archiveResponse(DATA));
    Path target = dir.resolve("snap.zip");
    // someone else creates the target while the archive arrives: the move must not overwrite it
    TransferListener racer = new TransferListener() {
      @Override
      public void onProgress(long done, long total) {
        try {
          if (done == total) {
            Files.write(target, new byte[] {1});
          }
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    };

    assertThatThrownBy(() -> snapshots.download("snap", target, DownloadOptions.builder().listener(racer).build()))
        .isInstanceOfSatisfying(CloudifyLocalIoException.class, e -> {
          assertThat(e.path()).contains(target);
          assertThat(e.getCause()).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
          assertThat(e.getMessage()).contains("snap", target.toString());
        });
    assertThat(take().getPath()).isEqualTo("/api/v3.1/snapshots/snap/archive");
    assertThat(Files.readAllBytes(target)).containsExactly(1); // theirs, untouched
    assertThat(dirListing()).containsExactly("snap.zip");   // no partial file left
  }

  @Test
  void downloadsAChunkedBodyWithoutContentLength() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody(new Buffer().write(DATA), 50_000));
    Path target = dir.resolve("snap.zip");
    Recorder rec = new Recorder();
    DownloadResult result = snapshots.download("s", target, DownloadOptions.builder().listener(rec).build());
    assertThat(SnapshotsUploadTest.sha256(Files.readAllBytes(target))).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    assertThat(result.bytes()).isEqualTo(DATA.length);
    assertThat(result.sha256()).isEmpty();
    rec.assertMonotonicEndingAt(DATA.length);
    assertThat(rec.attempts.get(0).get(0)[1]).isEqualTo(-1L);
  }

  @Test
  void refusesToOverwriteAnExistingFileBeforeSending() throws Exception {
    Path target = dir.resolve("snap.zip");
    Files.writeString(target, "keep me");
    assertThatThrownBy(() -> snapshots.download("s", target))
        .isInstanceOfSatisfying(CloudifyLocalIoException.class, e -> assertThat(e.path()).contains(target))
        .hasCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class)
        .hasMessageContaining("target exists and overwrite is off");
    assertThat(server.getRequestCount()).isZero();
    assertThat(Files.readString(target)).isEqualTo("keep me");
  }

  @Test
  void overwritesWhenAsked() throws Exception {
    Path target = dir.resolve("snap.zip");
    Files.writeString(target, "old");
    server.enqueue(archiveResponse(DATA));
    snapshots.download("s", target, DownloadOptions.builder().overwrite(true).build());
    assertThat(SnapshotsUploadTest.sha256(Files.readAllBytes(target))).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    assertThat(dirListing()).containsExactly("snap.zip");
  }

  @Test
  void aFailedOverwriteKeepsTheOldFile() throws Exception {
    Path target = dir.resolve("snap.zip");
    Files.writeString(target, "old");
    server.enqueue(archiveResponse(DATA).setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    assertThatThrownBy(() -> snapshots.download("s", target,
        DownloadOptions.builder().overwrite(true).maxAttempts(1).build()))
        .isInstanceOf(CloudifyTransportException.class);
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(dirListing()).containsExactly("snap.zip");
  }

  @Test
  void rejectsADirectoryOrAMissingParentBeforeSending() {
    assertThatThrownBy(() -> snapshots.download("s", dir))
        .isInstanceOf(CloudifyLocalIoException.class).hasMessageContaining("target is a directory");
    assertThatThrownBy(() -> snapshots.download("s", dir.resolve("no/such/dir/snap.zip")))
        .isInstanceOf(CloudifyLocalIoException.class).hasCauseInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("target's directory does not exist");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aBodyCutOffWithOneAttemptIsATransportErrorAndLeavesNothing() throws Exception {
    ArchiveServer archive = new ArchiveServer(DATA, 1, true, false);
    server.setDispatcher(archive);
    Path target = dir.resolve("snap.zip");

    assertThatThrownBy(() -> snapshots.download("s", target, DownloadOptions.builder().maxAttempts(1).build()))
        .isInstanceOf(CloudifyTransportException.class)
        .hasMessageContaining("broke off");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(dirListing()).isEmpty();
  }

  @Test
  void aChunkedBodyCutOffWithOneAttemptLeavesNothing() throws Exception {
    server.setDispatcher(new ArchiveServer(DATA, 1, true, true));
    Path target = dir.resolve("snap.zip");
    assertThatThrownBy(() -> snapshots.download("s", target, DownloadOptions.builder().maxAttempts(1).build()))
        .isInstanceOf(CloudifyTransportException.class);
    assertThat(dirListing()).isEmpty();
  }

  @Test
  void resumesWithARangeRequestWhenTheServerHonoursIt() throws Exception {
    ArchiveServer archive = new ArchiveServer(DATA, 1, true, false);
    server.setDispatcher(archive);
    Path target = dir.resolve("snap.zip");
    Recorder rec = new Recorder();

    DownloadResult result = snapshots.download("s", target,
        DownloadOptions.builder().maxAttempts(3).sha256(true).listener(rec).build());

    assertThat(SnapshotsUploadTest.sha256(Files.readAllBytes(target))).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    assertThat(result.sha256()).contains(SnapshotsUploadTest.sha256(DATA));
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(archive.ranges).hasSize(2);
    assertThat(archive.ranges.get(0)).isEqualTo("null");
    assertThat(archive.ranges.get(1)).matches("bytes=[1-9]\\d*-");
    long resumedAt = Long.parseLong(archive.ranges.get(1).replaceAll("\\D", ""));
    assertThat(resumedAt).isLessThan(DATA.length);
    assertThat(rec.events).containsExactly("restart@" + resumedAt);
    assertThat(rec.attempts.get(1).get(0)[1]).as("total from Content-Range").isEqualTo(DATA.length);
    rec.assertMonotonicEndingAt(DATA.length);
    assertThat(dirListing()).containsExactly("snap.zip");
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void startsOverWhenTheServerIgnoresRange() throws Exception {
    ArchiveServer archive = new ArchiveServer(DATA, 1, false, false);
    server.setDispatcher(archive);
    Path target = dir.resolve("snap.zip");
    Recorder rec = new Recorder();

    DownloadResult result = snapshots.download("s", target,
        DownloadOptions.builder().maxAttempts(3).sha256(true).listener(rec).build());

    assertThat(SnapshotsUploadTest.sha256(Files.readAllBytes(target))).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    assertThat(result.sha256()).contains(SnapshotsUploadTest.sha256(DATA));
    assertThat(result.bytes()).isEqualTo(DATA.length);
    assertThat(archive.ranges.get(1)).startsWith("bytes=");
    assertThat(rec.events).containsExactly("restart@0");
    rec.assertMonotonicEndingAt(DATA.length);
    assertThat(dirListing()).containsExactly("snap.zip");
  }

  @Test
  void givesUpAfterMaxAttempts() throws Exception {
    ArchiveServer archive = new ArchiveServer(DATA, 5, true, false);
    server.setDispatcher(archive);
    Path target = dir.resolve("snap.zip");
    assertThatThrownBy(() -> snapshots.download("s", target, DownloadOptions.builder().maxAttempts(3).build()))
        .isInstanceOf(CloudifyTransportException.class)
        .hasMessageContaining("3 attempts");
    assertThat(archive.ranges).hasSize(3);
    assertThat(dirListing()).isEmpty();
  }

  @Test
  void waitsBetweenAttemptsAsTheClientsRetryPolicyBacksOff() throws Exception {
    useRetryPolicy(io.github.cloudify4j.client.RetryPolicy.builder().jitter(0)
        .initialBackoff(java.time.Duration.ofSeconds(7)).multiplier(3).maxBackoff(java.time.Duration.ofSeconds(30))
        .build());
    ArchiveServer archive = new ArchiveServer(DATA, 2, true, false);
    server.setDispatcher(archive);

    snapshots.download("s", dir.resolve("snap.zip"), DownloadOptions.builder().maxAttempts(3).build());

    assertThat(time.sleeps).containsExactly(java.time.Duration.ofSeconds(7), java.time.Duration.ofSeconds(21));
  }

  /** A 206 whose range is not the one asked for must not be appended, nor taken for the whole archive. */
  @Test
  void aMismatchedPartialAnswerIsNotTakenForTheArchive() throws Exception {
    server.enqueue(archiveResponse(DATA)
        .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    byte[] tail = java.util.Arrays.copyOfRange(DATA, 10, DATA.length);
    server.enqueue(new MockResponse().setResponseCode(206).setBody(new Buffer().write(tail))
        .setHeader("Content-Range", "bytes 10-" + (DATA.length - 1) + "/" + DATA.length));
    server.enqueue(archiveResponse(DATA));
    Path target = dir.resolve("snap.zip");

    snapshots.download("s", target, DownloadOptions.builder().maxAttempts(3).build());

    assertThat(SnapshotsUploadTest.sha256(Files.readAllBytes(target))).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    assertThat(server.getRequestCount()).isEqualTo(3);
    take();
    assertThat(take().getHeader("Range")).startsWith("bytes=");
    assertThat(take().getHeader("Range")).as("started over without Range").isNull();
  }

  @Test
  void verifyZipRejectsANonZipAndLeavesNothing() throws Exception {
    server.enqueue(archiveResponse(SnapshotsUploadTest.randomBytes(100_000, 7)));
    Path target = dir.resolve("snap.zip");
    assertThatThrownBy(() -> snapshots.download("s", target, DownloadOptions.builder().verifyZip(true).build()))
        .isInstanceOf(InvalidSnapshotArchiveException.class);
    assertThat(dirListing()).isEmpty();
  }

  @Test
  void verifyZipAcceptsAZip() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("metadata.json"));
      zip.write("{\"snapshot_version\": \"7.0.4\"}".getBytes());
      zip.closeEntry();
    }
    server.enqueue(archiveResponse(bytes.toByteArray()));
    Path target = dir.resolve("snap.zip");
    snapshots.download("s", target, DownloadOptions.builder().verifyZip(true).build());
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes.toByteArray());
  }

  @Test
  void serverErrorsAreTypedAndLeaveNothing() throws Exception {
    enqueueJson(404, Samples.ERROR_NOT_FOUND);
    Path target = dir.resolve("snap.zip");
    assertThatThrownBy(() -> snapshots.download("nope", target)).isInstanceOf(NotFoundException.class);
    enqueueJson(400, "{\"message\": \"Failed snapshot cannot be downloaded\","
        + " \"error_code\": \"snapshot_action_error\", \"server_traceback\": null}");
    assertThatThrownBy(() -> snapshots.download("snap-broken", target))
        .isInstanceOf(SnapshotActionException.class);
    assertThat(dirListing()).isEmpty();
  }

  @Test
  void openArchiveStreamsWithContentLength() throws Exception {
    server.enqueue(archiveResponse(DATA));
    try (ArchiveStream in = snapshots.openArchive("snap-2024-05-02")) {
      assertThat(in.contentLength()).hasValue(DATA.length);
      assertThat(SnapshotsUploadTest.sha256(in.readAllBytes())).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    }
    RecordedRequest r = take();
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots/snap-2024-05-02/archive");
    assertThat(r.getHeader("Range")).isNull();
  }

  @Test
  void openArchiveWithoutContentLength() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200).setChunkedBody(new Buffer().write(DATA), 10_000));
    try (InputStream in = snapshots.openArchive("s")) {
      assertThat(((ArchiveStream) in).contentLength()).isEmpty();
      assertThat(SnapshotsUploadTest.sha256(in.readAllBytes())).isEqualTo(SnapshotsUploadTest.sha256(DATA));
    }
  }
}
