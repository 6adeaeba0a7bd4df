package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.spi.Arguments;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/** Builds the OkHttp chain and the Retrofit instance of a client. */
@InternalApi
public final class Transport {
  private final OkHttpClient okHttp;
  private final Retrofit retrofit;
  private final Exchange exchange;
  private final HttpUrl apiBase;
  private final Headers standardHeaders;

  private Transport(OkHttpClient okHttp, Retrofit retrofit, Exchange exchange, HttpUrl apiBase,
      Headers standardHeaders) {
    this.okHttp = okHttp;
    this.retrofit = retrofit;
    this.exchange = exchange;
    this.apiBase = apiBase;
    this.standardHeaders = standardHeaders;
  }

  /**
   * The chain, outermost first: headers and per-call timeouts → retry → failover across nodes → logging of each
   * attempt → network. {@code base} carries TLS, proxy and timeouts, and its pool is shared.
   */
  public static Transport create(OkHttpClient base, ClientConfig config, ObjectMapper mapper) {
    OkHttpClient.Builder b = base.newBuilder();
    b.interceptors().removeIf(i -> i instanceof HeadersInterceptor || i instanceof RetryInterceptor
        || i instanceof FailoverInterceptor || i instanceof LoggingInterceptor);
    HeadersInterceptor headers = new HeadersInterceptor(config);
    b.addInterceptor(headers)
        .addInterceptor(new RetryInterceptor(config))
        .addInterceptor(new FailoverInterceptor(config))
        .addInterceptor(new LoggingInterceptor())
        .retryOnConnectionFailure(true)
        .followRedirects(false);
    OkHttpClient okHttp = b.build();
    Exchange exchange = new Exchange(mapper, config);
    HttpUrl apiBase = config.nodes().apiBase();
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(apiBase)
        .client(okHttp)
        .addCallAdapterFactory(new CloudifyCallAdapterFactory(exchange))
        .addConverterFactory(CloudifyCallAdapterFactory.unreadBodyConverters())
        .addConverterFactory(new JsonBodies(mapper))
        .addConverterFactory(JacksonConverterFactory.create(mapper))
        .validateEagerly(true)
        .build();
    return new Transport(okHttp, retrofit, exchange, apiBase, headers.standard());
  }

  public OkHttpClient okHttp() {
    return okHttp;
  }

  public <T> T create(Class<T> service) {
    return retrofit.create(service);
  }

  /**
   * {@code GET <manager>/api/v3.1/<segments>}, parsed into {@code type}, through the same chain as the Retrofit
   * calls, built directly: Retrofit's per-call request building (URL resolution, path checks, its own copy of the
   * body) is most of what separates a Retrofit call from hand-written OkHttp code (benchmarks/README.md).
   */
  public <T> T get(Class<T> type, RequestOptions options, String... pathSegments) {
    HttpUrl.Builder url = apiBase.newBuilder();
    for (String segment : pathSegments) {
      // Percent-encoded here, the same way SnapshotsApi's @Path ids are, so a read and a delete of one id send
      // the same bytes (OkHttp's own encoding leaves sub-delimiters such as ';' '+' '=' raw).
      url.addEncodedPathSegment(Arguments.encodePathSegment(Arguments.requirePathSegment(segment, "path segment")));
    }
    Request.Builder request = new Request.Builder().url(url.build()).tag(RequestOptions.class, options);
    if (options == RequestOptions.none()) {
      request.headers(standardHeaders); // what HeadersInterceptor would add: it passes the request on as it is
    }
    return type.cast(exchange.execute(okHttp, request.build(), exchange.mapper().constructType(type)));
  }

  /** Frees the pool and the dispatcher's threads. */
  public void shutdown() {
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    try {
      okHttp.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
