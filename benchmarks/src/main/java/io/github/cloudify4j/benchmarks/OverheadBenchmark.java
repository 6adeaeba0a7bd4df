package io.github.cloudify4j.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.internal.BufferedSocketFactory;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import java.io.IOException;
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
  /**
   * The SDK with every call on the buffered sockets the client keeps for archive transfers (a caller's
   * OkHttpClient whose own socket factory is the buffered one): what small calls would cost on them.
   */
  private CloudifyClient bufferedClient;
  private Snapshots bufferedSnapshots;
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
    bufferedClient = CloudifyClient.builder().manager(base).basicAuth("admin", "admin")
        .okHttpClient(new OkHttpClient.Builder().socketFactory(new BufferedSocketFactory()).build()).build();
    bufferedSnapshots = Snapshots.of(bufferedClient);
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
    bufferedClient.close();
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

  /** {@code sdkGet} with the buffered sockets, for {@link InterleavedCpu}'s with/without comparison. */
  public Snapshot sdkGetBufferedSockets() {
    return bufferedSnapshots.get(Nginx.GET_ID);
  }

  /** {@code sdkList} with the buffered sockets. */
  public Page<Snapshot> sdkListBufferedSockets() {
    return bufferedSnapshots.list(listParams);
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
