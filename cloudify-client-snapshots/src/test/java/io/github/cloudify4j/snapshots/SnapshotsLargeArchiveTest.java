package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 12 MiB archive round-trips byte for byte through upload and download, including a resumed download. */
class SnapshotsLargeArchiveTest extends MockManager {
  static final int SIZE = 12 * 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void roundTripsThroughUploadAndDownload() throws Exception {
    byte[] data = io.github.cloudify4j.snapshots.support.ZipBytes.random(SIZE, 20240502L);
    String sha = SnapshotsUploadTest.sha256(data);
    Path source = dir.resolve("source.zip");
    Files.write(source, data);

    enqueueJson(201, Samples.snapshot("big", "uploaded", ""));
    snapshots.upload("big", source);
    RecordedRequest upload = take();
    assertThat(upload.getHeader("Content-Length")).isEqualTo(String.valueOf(SIZE));
    assertThat(upload.getChunkSizes()).isEmpty();
    byte[] received = upload.getBody().readByteArray();
    assertThat(received.length).isEqualTo(SIZE);
    assertThat(SnapshotsUploadTest.sha256(received)).isEqualTo(sha);

    ArchiveServer archive = new ArchiveServer(received, 1, true, false);
    server.setDispatcher(archive);
    Path target = dir.resolve("downloaded.zip");
    DownloadResult result = snapshots.download("big", target,
        DownloadOptions.builder().sha256(true).maxAttempts(3).build());

    assertThat(result.bytes()).isEqualTo(SIZE);
    assertThat(result.sha256()).contains(sha);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(archive.ranges.get(1)).startsWith("bytes=");
    assertThat(Files.size(target)).isEqualTo(SIZE);
    assertThat(SnapshotsUploadTest.sha256(Files.readAllBytes(target))).isEqualTo(sha);
  }

  @Test
  void aChunkedDownloadThatStartsOverIsByteExact() throws Exception {
    byte[] data = io.github.cloudify4j.snapshots.support.ZipBytes.random(SIZE, 99L);
    server.setDispatcher(new ArchiveServer(data, 1, false, true));
    Path target = dir.resolve("downloaded.zip");
    DownloadResult result = snapshots.download("big", target,
        DownloadOptions.builder().sha256(true).maxAttempts(2).build());
    assertThat(result.sha256()).contains(SnapshotsUploadTest.sha256(data));
    assertThat(Files.size(target)).isEqualTo(SIZE);
  }
}
