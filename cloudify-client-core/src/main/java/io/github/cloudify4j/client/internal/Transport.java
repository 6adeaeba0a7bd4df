package io.github.cloudify4j.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/** Builds the OkHttp chain and the Retrofit instance of a client. */
public final class Transport {
  private final OkHttpClient okHttp;
  private final Retrofit retrofit;

  private Transport(OkHttpClient okHttp, Retrofit retrofit) {
    this.okHttp = okHttp;
    this.retrofit = retrofit;
  }

  /**
   * The chain, outermost first: headers and per-call timeouts → retry → failover across nodes → logging of each
   * attempt → network. {@code base} carries TLS, proxy and timeouts, and its pool is shared.
   */
  public static Transport create(OkHttpClient base, ClientConfig config, ObjectMapper mapper) {
    OkHttpClient.Builder b = base.newBuilder();
    b.interceptors().removeIf(i -> i instanceof HeadersInterceptor || i instanceof RetryInterceptor
        || i instanceof FailoverInterceptor || i instanceof LoggingInterceptor);
    b.addInterceptor(new HeadersInterceptor(config))
        .addInterceptor(new RetryInterceptor(config))
        .addInterceptor(new FailoverInterceptor(config))
        .addInterceptor(new LoggingInterceptor())
        .retryOnConnectionFailure(true)
        .followRedirects(false);
    OkHttpClient okHttp = b.build();
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(config.nodes().apiBase())
        .client(okHttp)
        .addCallAdapterFactory(new CloudifyCallAdapterFactory(mapper, config))
        .addConverterFactory(JacksonConverterFactory.create(mapper))
        .validateEagerly(true)
        .build();
    return new Transport(okHttp, retrofit);
  }

  public OkHttpClient okHttp() {
    return okHttp;
  }

  public <T> T create(Class<T> service) {
    return retrofit.create(service);
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
