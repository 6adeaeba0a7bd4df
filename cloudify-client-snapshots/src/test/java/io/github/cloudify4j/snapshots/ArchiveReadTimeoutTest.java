package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.Protocol;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An archive download leaves the body's read timeout to the socket ({@code SO_TIMEOUT}) instead of Okio's
 * watchdog, which it woke on every 8 KiB read (benchmarks/README.md). These pin what must not change with it, on
 * plain HTTP, on HTTP/1.1 over TLS (what a manager's nginx speaks) and against a server that offers HTTP/2 (archive
 * transfers still speak HTTP/1.1 on connections of their own): a body that stalls still fails after the read
 * timeout, and the connection's next transfer still has its read timeout. Real time, with a 300 ms read timeout
 * against pauses of 3 s; nothing sleeps.
 */
class ArchiveReadTimeoutTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  private static final byte[] DATA = io.github.cloudify4j.snapshots.support.ZipBytes.random(256 * 1024, 99);

  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  /** "http", "https" (HTTP/1.1 over TLS, as a manager's nginx speaks) or "h2" (HTTP/2 over TLS). */
  private CloudifyClient client(String mode) throws Exception {
    boolean tls = !mode.equals("http");
    CloudifyClient.Builder b = CloudifyClient.builder()
        .basicAuth("admin", "s3cret")
        .retryPolicy(RetryPolicy.none())
        .timeouts(Timeouts.builder().connect(Duration.ofSeconds(5)).read(READ_TIMEOUT).build());
    if (tls) {
      HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
      HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
          .addSubjectAlternativeName("localhost").build();
      server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
      server.setProtocols(mode.equals("h2") ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1)
          : List.of(Protocol.HTTP_1_1));
      server.start();
      Path pem = dir.resolve("ca.pem");
      Files.writeString(pem, ca.certificatePem());
      return b.manager("https://localhost:" + server.getPort()).tls(TlsConfig.trustPem(pem)).build();
    }
    server.start();
    return b.manager(server.url("/").uri()).build();
  }

  private static MockResponse archive() {
    return new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(new Buffer().write(DATA));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http", "https", "h2"})
  void aBodyThatStallsFailsAfterTheReadTimeoutAndLeavesNothing(String mode) throws Exception {
    // 64 KiB every 3 s: a download without a read timeout would wait through the pauses and succeed.
    server.enqueue(archive().throttleBody(64 * 1024, 3, TimeUnit.SECONDS));
    Path target = dir.resolve("snap.zip");
    try (CloudifyClient client = client(mode)) {
      assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
          assertThatThrownBy(() -> Snapshots.of(client).download("s", target,
              DownloadOptions.builder().maxAttempts(1).build()))
              .isInstanceOf(CloudifyTransportException.class)
              .hasMessageContaining("broke off after"));
    }
    assertThat(target).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http", "https", "h2"})
  void theConnectionsNextCallStillHasItsReadTimeout(String mode) throws Exception {
    server.enqueue(archive());
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    Path target = dir.resolve("snap.zip");
    try (CloudifyClient client = client(mode)) {
      Snapshots snapshots = Snapshots.of(client);
      DownloadResult result = snapshots.download("s", target, DownloadOptions.defaults());
      assertThat(result.bytes()).isEqualTo(DATA.length);
      assertThat(Files.readAllBytes(target)).isEqualTo(DATA);

      // Archive transfers have connections of their own (HTTP/1.1 even where the server offers HTTP/2): the
      // next call on the download's connection is the next transfer.
      assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
          assertThatThrownBy(() -> snapshots.download("s", dir.resolve("again.zip"),
              DownloadOptions.builder().maxAttempts(1).build())).isInstanceOf(CloudifyTransportException.class));
    }
    RecordedRequest download = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest again = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(download.getPath()).isEqualTo("/api/v3.1/snapshots/s/archive");
    assertThat(again.getPath()).isEqualTo("/api/v3.1/snapshots/s/archive");
    assertThat(again.getSequenceNumber()).as("the second went on the first's connection").isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
