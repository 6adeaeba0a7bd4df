package io.github.cloudify4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PUT;
import retrofit2.http.Streaming;
import retrofit2.http.Tag;

/**
 * Archive uploads keep their write timeout in the buffered sockets ({@link SocketWriteTimeouts}) instead of Okio's
 * watchdog: an upload to a manager that stops reading still fails after the write timeout, over HTTP and over TLS,
 * and nothing is left armed on the thread afterwards. Real time: a 300 ms write timeout against a server that
 * never reads; nothing sleeps.
 */
class SocketWriteTimeoutsTest {
  private static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);

  @TempDir
  Path dir;

  private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  interface Archives {
    @PUT("snapshots/a/archive")
    JsonNode upload(@Body RequestBody archive, @Tag CallOptions options);

    @Streaming
    @GET("snapshots/a/archive")
    ResponseBody download(@Tag CallOptions options);

    @GET("status")
    JsonNode status(@Tag CallOptions options);
  }

  /** 256 MiB of zeros, of unknown length (a bulk transfer), written 64 KiB at a time. */
  private static RequestBody endless() {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/octet-stream");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 4096; i++) {
          sink.write(chunk);
        }
      }
    };
  }

  /** Accepts connections (handshaking TLS ones) and never reads from them. */
  private int deafServer(ServerSocket server) throws IOException {
    server.setReceiveBufferSize(4096);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    closing.add(server);
    CountDownLatch stop = new CountDownLatch(1);
    closing.add(0, stop::countDown);
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = server.accept();
          closing.add(s);
          if (s instanceof SSLSocket) {
            ((SSLSocket) s).startHandshake();
          }
        }
      } catch (IOException closed) {
        // the test is over
      }
    }, "deaf server");
    acceptor.setDaemon(true);
    acceptor.start();
    return server.getLocalPort();
  }

  private CloudifyClient client(String base, TlsConfig tls) {
    CloudifyClient.Builder b = CloudifyClient.builder().manager(base).basicAuth("admin", "s3cret")
        .retryPolicy(RetryPolicy.none())
        .timeouts(Timeouts.builder().connect(Duration.ofSeconds(5)).write(WRITE_TIMEOUT).build());
    if (tls != null) {
      b.tls(tls);
    }
    CloudifyClient client = b.build();
    closing.add(client);
    return client;
  }

  private static void assertWriteTimedOut(CloudifyClient client) {
    ClientContext context = ClientContext.of(client);
    Archives archives = context.create(Archives.class);
    long start = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> archives.upload(endless(), context.callOptions(RequestOptions.none())))
            .isInstanceOf(CloudifyTransportException.class)
            .hasRootCauseInstanceOf(IOException.class)
            .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SocketTimeoutException
                && String.valueOf(c.getMessage()).contains("write timed out"))));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(SocketWriteTimeouts.current()).as("nothing left armed on the thread").isZero();
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new CopyOnWriteArrayList<>();
    for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
      all.add(t);
      for (Throwable s : t.getSuppressed()) {
        all.add(s);
      }
    }
    return all;
  }

  @Test
  void anUploadToAServerThatStopsReadingFailsAfterTheWriteTimeout() throws Exception {
    int port = deafServer(new ServerSocket());

    assertWriteTimedOut(client("http://127.0.0.1:" + port, null));
  }

  @Test
  void overTlsToo() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
    HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
        .addSubjectAlternativeName("localhost").build();
    HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(cert).build();
    SSLServerSocket socket = (SSLServerSocket) server.sslContext().getServerSocketFactory().createServerSocket();
    int port = deafServer(socket);
    Path pem = dir.resolve("ca.pem");
    Files.writeString(pem, ca.certificatePem());

    assertWriteTimedOut(client("https://localhost:" + port, TlsConfig.trustPem(pem)));
  }

  @Test
  void transfersSpeakHttp11WhereOtherCallsMayUseHttp2() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
    HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
        .addSubjectAlternativeName("localhost").build();
    MockWebServer server = new MockWebServer();
    closing.add(server::shutdown);
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
    server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    server.enqueue(new MockResponse().setBody("{}"));
    server.enqueue(new MockResponse().setBody(new Buffer().write(new byte[1024])));
    server.enqueue(new MockResponse().setBody("{}"));
    server.start();
    HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
    List<Protocol> protocols = new CopyOnWriteArrayList<>();
    OkHttpClient base = new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .eventListener(new EventListener() {
          @Override
          public void connectionAcquired(Call call, Connection connection) {
            protocols.add(connection.protocol());
          }
        })
        .build();
    CloudifyClient client = CloudifyClient.builder().manager("https://localhost:" + server.getPort())
        .okHttpClient(base).retryPolicy(RetryPolicy.none()).build();
    closing.add(client);
    ClientContext context = ClientContext.of(client);
    Archives archives = context.create(Archives.class);
    CallOptions none = context.callOptions(RequestOptions.none());

    archives.status(none);
    try (ResponseBody body = archives.download(none)) {
      assertThat(body.bytes()).hasSize(1024);
    }
    archives.upload(RequestBody.create(new byte[(int) Exchange.BULK_BODY], MediaType.get("application/zip")), none);

    assertThat(protocols).containsExactly(Protocol.HTTP_2, Protocol.HTTP_1_1, Protocol.HTTP_1_1);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getPath()).isEqualTo("/api/v3.1/status");
  }
}
