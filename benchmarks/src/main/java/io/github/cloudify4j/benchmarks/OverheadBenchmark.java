package io.github.cloudify4j.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-call overhead: {@code Snapshots.get} and a 1000-item {@code Snapshots.list} page against hand-written OkHttp
 * + Jackson code sending the same request (same headers) to the same loopback nginx and parsing into equivalent
 * POJOs (the same fields, {@code created_at} as an {@link Instant}). Fork, warm-up and measurement settings come
 * from {@link BenchmarkMain}; the server URL from the system property {@code cloudify4j.bench.url}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {
  static final String URL_PROPERTY = "cloudify4j.bench.url";

  private CloudifyClient client;
  private Snapshots snapshots;
  /** The SDK on OkHttp's plain sockets (a caller's OkHttpClient with a socket factory of its own). */
  private CloudifyClient plainClient;
  private Snapshots plainSnapshots;
  private ListParams listParams;

  private OkHttpClient raw;
  private ObjectMapper mapper;
  private Request rawGet;
  private Request rawList;

  @Setup(Level.Trial)
  public void setUp() {
    String base = System.getProperty(URL_PROPERTY);
    if (base == null) {
      throw new IllegalStateException("-D" + URL_PROPERTY + "=http://127.0.0.1:<port> is not set");
    }
    client = CloudifyClient.builder().manager(base).basicAuth("admin", "admin").build();
    snapshots = Snapshots.of(client);
    plainClient = CloudifyClient.builder().manager(base).basicAuth("admin", "admin")
        .okHttpClient(new OkHttpClient.Builder().socketFactory(new PlainSockets()).build()).build();
    plainSnapshots = Snapshots.of(plainClient);
    listParams = ListParams.builder().size(1000).build();

    raw = new OkHttpClient();
    mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    String auth = Credentials.basic("admin", "admin");
    String ua = "raw-okhttp";
    rawGet = new Request.Builder().url(base + "/api/v3.1/snapshots/" + Nginx.GET_ID)
        .header("User-Agent", ua).header("Accept", "application/json").header("Authorization", auth)
        .header("Tenant", "default_tenant").build();
    rawList = new Request.Builder().url(base + "/api/v3.1/" + io.github.cloudify4j.client.spi.RelativeUrl.list("snapshots", listParams, null, null))
        .header("User-Agent", ua).header("Accept", "application/json").header("Authorization", auth)
        .header("Tenant", "default_tenant").build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    plainClient.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
  }

  @Benchmark
  public Snapshot sdkGet() {
    return snapshots.get(Nginx.GET_ID);
  }

  @Benchmark
  public RawSnapshot rawGet() throws IOException {
    return call(rawGet, RawSnapshot.class);
  }

  @Benchmark
  public Page<Snapshot> sdkList() {
    return snapshots.list(listParams);
  }

  @Benchmark
  public RawPage rawList() throws IOException {
    return call(rawList, RawPage.class);
  }

  /** {@code sdkGet} on plain sockets, for {@link InterleavedCpu}'s with/without comparison. */
  public Snapshot sdkGetPlainSockets() {
    return plainSnapshots.get(Nginx.GET_ID);
  }

  /** {@code sdkList} on plain sockets. */
  public Page<Snapshot> sdkListPlainSockets() {
    return plainSnapshots.list(listParams);
  }

  /** The JDK's plain sockets, from a factory that is not {@link SocketFactory#getDefault()}. */
  static final class PlainSockets extends SocketFactory {
    private final SocketFactory d = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      return d.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return d.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return d.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return d.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return d.createSocket(address, port, localAddress, localPort);
    }
  }

  private <T> T call(Request request, Class<T> type) throws IOException {
    try (Response response = raw.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      try (InputStream in = response.body().byteStream()) {
        return mapper.readValue(in, type);
      }
    }
  }

  /** What a hand-written client would parse a snapshot into. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class RawSnapshot {
    @JsonProperty("id") public String id;
    @JsonProperty("status") public String status;
    @JsonProperty("created_at") public Instant createdAt;
    @JsonProperty("error") public String error;
    @JsonProperty("visibility") public String visibility;
    @JsonProperty("tenant_name") public String tenantName;
    @JsonProperty("created_by") public String createdBy;
  }

  /** A page of snapshots with its pagination. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class RawPage {
    @JsonProperty("items") public List<RawSnapshot> items;
    @JsonProperty("metadata") public Metadata metadata;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Metadata {
      @JsonProperty("pagination") public Pagination pagination;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Pagination {
      @JsonProperty("total") public long total;
      @JsonProperty("size") public long size;
      @JsonProperty("offset") public long offset;
    }
  }
}
