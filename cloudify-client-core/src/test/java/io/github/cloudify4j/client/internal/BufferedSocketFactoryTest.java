package io.github.cloudify4j.client.internal;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Streaming;
import retrofit2.http.Tag;
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
 * The buffered sockets under TLS (the JDK's SSLSocket layered on them), and which calls get them: bulk transfers
 * (a streamed answer, an upload of unknown length or of 1 MiB and more) of a client built without an OkHttpClient
 * or from one without a socket factory of its own; never small calls, never a client whose factory is the
 * caller's.
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

  /** Calls of each kind a resource module can declare: small JSON ones and bulk transfers. */
  interface Calls {
    @GET("maintenance-mode")
    JsonNode status(@Tag CallOptions options);

    @POST("maintenance-mode/activate")
    JsonNode activate(@Body Map<String, Object> body, @Tag CallOptions options);

    @Streaming
    @GET("snapshots/a/archive")
    ResponseBody download(@Tag CallOptions options);

    @PUT("snapshots/a/archive")
    JsonNode upload(@Body RequestBody archive, @Tag CallOptions options);
  }

  /** What each call of {@link Calls} ran on: whether its connection's socket was a buffered one. */
  private List<Boolean> bufferedPerCall(OkHttpClient base, RequestBody upload) throws IOException {
    SocketsSeen seen = new SocketsSeen();
    OkHttpClient listening = base.newBuilder().eventListener(seen).build();
    try (CloudifyClient client = clientFrom(listening)) {
      ClientContext context = ClientContext.of(client);
      Calls calls = context.create(Calls.class);
      CallOptions none = context.callOptions(RequestOptions.none());
      calls.status(none);
      calls.activate(Collections.singletonMap("reason", "x"), none);
      try (ResponseBody body = calls.download(none)) {
        assertThat(body.bytes()).hasSize(3 * 1024 * 1024);
      }
      calls.upload(upload, none);
      calls.status(none);
    }
    List<Boolean> buffered = new ArrayList<>();
    for (Socket s : seen.sockets) {
      buffered.add(BufferedSocketFactory.isBuffered(s));
    }
    return buffered;
  }

  private void enqueueCalls() throws IOException {
    String status = Samples.json("maintenance_deactivated");
    server.enqueue(json(status));
    server.enqueue(json(status));
    server.enqueue(new MockResponse().setBody(new Buffer().write(random(3 * 1024 * 1024, 3))));
    server.enqueue(json("{}"));
    server.enqueue(json(status));
    server.start();
  }

  @Test
  void onlyBulkTransfersRunOnTheBufferedSocketsOfACallersClientWithoutAFactoryOfItsOwn() throws Exception {
    enqueueCalls();
    OkHttpClient base = new OkHttpClient();

    // status, activate (small JSON body), download (streamed), upload (2 MiB body), status again
    assertThat(bufferedPerCall(base, RequestBody.create(random(2 * 1024 * 1024, 4),
        MediaType.get("application/octet-stream")))).containsExactly(false, false, true, true, false);
    assertThat(base.socketFactory()).as("the caller's client is not changed").isSameAs(SocketFactory.getDefault());
  }

  @Test
  void anUploadOfUnknownLengthIsABulkTransfer() throws Exception {
    enqueueCalls();
    RequestBody streamed = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/octet-stream");
      }

      @Override
      public void writeTo(okio.BufferedSink sink) throws IOException {
        sink.write(random(100, 5));
      }
    };

    assertThat(bufferedPerCall(new OkHttpClient(), streamed)).containsExactly(false, false, true, true, false);
  }

  @Test
  void aSmallUploadBodyIsNot() throws Exception {
    enqueueCalls();
    RequestBody small = RequestBody.create(new byte[(int) Exchange.BULK_BODY - 1],
        MediaType.get("application/octet-stream"));

    assertThat(bufferedPerCall(new OkHttpClient(), small)).containsExactly(false, false, true, false, false);
  }

  @Test
  void aCallersOwnSocketFactoryIsKeptAsItIsForEveryCall() throws Exception {
    enqueueCalls();
    Recording own = new Recording(SocketFactory.getDefault());

    assertThat(bufferedPerCall(new OkHttpClient.Builder().socketFactory(own).build(),
        RequestBody.create(random(2 * 1024 * 1024, 4), MediaType.get("application/octet-stream"))))
        .containsExactly(false, false, false, false, false);
    assertThat(own.sockets).isNotEmpty().noneMatch(BufferedSocketFactory::isBuffered);
  }
}
