package io.github.cloudify4j.client.internal;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.internal.BufferedSocketFactory.SingleReadInputStream;
import io.github.cloudify4j.client.testing.Samples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The buffered sockets under TLS (the JDK's SSLSocket layered on them), and which clients get them: a client built
 * without an OkHttpClient or from one without a socket factory of its own, never one whose factory is the caller's.
 * The CI runs these on JDK 17 and 25 (the TLS engine is the JDK's).
 */
class BufferedSocketFactoryTest {
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Records every socket a delegate factory makes. */
  private static final class Recording extends SocketFactory {
    final SocketFactory delegate;
    final List<Socket> sockets = new CopyOnWriteArrayList<>();

    Recording(SocketFactory delegate) {
      this.delegate = delegate;
    }

    private Socket keep(Socket s) {
      sockets.add(s);
      return s;
    }

    @Override
    public Socket createSocket() throws IOException {
      return keep(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return keep(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return keep(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return keep(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return keep(delegate.createSocket(address, port, localAddress, localPort));
    }
  }

  /** Records the socket of every connection a call acquires. */
  private static final class SocketsSeen extends EventListener {
    final List<Socket> sockets = new CopyOnWriteArrayList<>();

    @Override
    public void connectionAcquired(Call call, Connection connection) {
      sockets.add(connection.socket());
    }
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void tlsRecordsReadAndWrittenThroughTheBufferedStreamsArriveIntact() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
    HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
        .addSubjectAlternativeName("localhost").build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
    // 3 MiB each way: about 200 TLS records of 16 KiB, read by Okio 8 KiB at a time, 5-byte record headers
    // straddling the 256 KiB buffer's refills.
    byte[] down = random(3 * 1024 * 1024 + 123, 1);
    byte[] up = random(3 * 1024 * 1024 + 456, 2);
    server.enqueue(new MockResponse().setBody(new Buffer().write(down)));
    server.enqueue(new MockResponse().setBody("ok"));
    server.start();
    HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
    Recording raw = new Recording(new BufferedSocketFactory());
    OkHttpClient client = new OkHttpClient.Builder()
        .socketFactory(raw)
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .build();
    String base = "https://localhost:" + server.getPort();

    try (Response r = client.newCall(new Request.Builder().url(base + "/down").build()).execute()) {
      assertThat(r.handshake()).isNotNull();
      assertThat(r.body().bytes()).isEqualTo(down);
    }
    try (Response r = client.newCall(new Request.Builder().url(base + "/up")
        .put(RequestBody.create(up, MediaType.get("application/octet-stream"))).build()).execute()) {
      assertThat(r.body().string()).isEqualTo("ok");
    }

    server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest upload = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(upload.getBody().readByteArray()).isEqualTo(up);
    assertThat(upload.getSequenceNumber()).as("one connection for both").isEqualTo(1);
    assertThat(raw.sockets).hasSize(1);
    Socket socket = raw.sockets.get(0);
    assertThat(BufferedSocketFactory.isBuffered(socket)).isTrue();
    SingleReadInputStream in = (SingleReadInputStream) socket.getInputStream();
    assertThat(in.limit).as("the TLS engine read the socket through the buffer").isPositive();
    client.connectionPool().evictAll();
  }

  private CloudifyClient clientFrom(OkHttpClient base) {
    return CloudifyClient.builder().manager(server.url("/").uri()).okHttpClient(base)
        .retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void aCallersOkHttpClientWithoutASocketFactoryOfItsOwnGetsTheBufferedSockets() throws Exception {
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    server.start();
    SocketsSeen seen = new SocketsSeen();
    OkHttpClient base = new OkHttpClient.Builder().eventListener(seen).build();

    try (CloudifyClient client = clientFrom(base)) {
      client.maintenance().status();
    }

    assertThat(seen.sockets).hasSize(1);
    assertThat(BufferedSocketFactory.isBuffered(seen.sockets.get(0))).isTrue();
    assertThat(base.socketFactory()).as("the caller's client is not changed").isSameAs(SocketFactory.getDefault());
  }

  @Test
  void aCallersOwnSocketFactoryIsKeptAsItIs() throws Exception {
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    server.start();
    SocketsSeen seen = new SocketsSeen();
    Recording own = new Recording(SocketFactory.getDefault());
    OkHttpClient base = new OkHttpClient.Builder().socketFactory(own).eventListener(seen).build();

    try (CloudifyClient client = clientFrom(base)) {
      client.maintenance().status();
    }

    assertThat(own.sockets).hasSize(1);
    assertThat(seen.sockets).containsExactlyElementsOf(own.sockets);
    assertThat(BufferedSocketFactory.isBuffered(own.sockets.get(0))).isFalse();
  }
}
