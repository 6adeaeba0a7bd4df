package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.spi.CallOptions;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import retrofit2.Retrofit;
import retrofit2.http.Tag;

/**
 * The one request path of a client, shared by all its views: an OkHttp chain, one Retrofit instance that turns
 * each declared endpoint into an {@code okhttp3.Request}, and one {@link Exchange} that sends every such request
 * and reads its answer.
 *
 * <p>Retrofit builds, it does not send: its call factory is {@link UnsentCall}, and {@link
 * CloudifyCallAdapterFactory} hands the built request to {@link Exchange}. So every endpoint is declared once (an
 * annotated interface method), and every call, whichever module declared it, goes through the same interceptors,
 * the same timeout handling, the same error mapping and the same bounded parsing. Per-call options travel in the
 * request as its {@code CallOptions} tag; a client view ({@code withOptions}) differs only in the defaults it puts
 * there, so it shares this object and costs no Retrofit of its own.
 */
@InternalApi
public final class Transport {
  private final OkHttpClient okHttp;
  private final OkHttpClient transfers;
  private final boolean ownsBase;
  private final Retrofit retrofit;
  private final ConcurrentMap<Class<?>, Object> services = new ConcurrentHashMap<>();

  private Transport(OkHttpClient okHttp, OkHttpClient transfers, boolean ownsBase, Retrofit retrofit) {
    this.okHttp = okHttp;
    this.transfers = transfers;
    this.ownsBase = ownsBase;
    this.retrofit = retrofit;
  }

  /**
   * The chain, outermost first: headers and per-call read/write timeouts → retry → failover across nodes →
   * logging of each attempt → network. {@code base} carries TLS, proxy and timeouts, and its pool is shared.
   * {@code config} is the root client's: its defaults apply to a request that carries no {@code CallOptions}.
   *
   * <p>With {@code bufferedTransfers}, bulk transfers (a streamed answer, a request body of unknown length or of
   * {@link Exchange#BULK_BODY} bytes and more) go through a sibling of the chain whose sockets are
   * {@link BufferedSocketFactory buffered}: the same interceptors and dispatcher, a connection pool of its own
   * (OkHttp's pool would hand a plain connection to a transfer: a pooled connection's address ignores the socket
   * factory), and, when {@code base} speaks HTTP/1.1, HTTP/1.1 with upload write timeouts kept by the sockets
   * (one more interceptor, innermost: {@link SocketWriteTimeouts.Interceptor}). Every other call keeps {@code base}'s sockets, where the buffers cost CPU and
   * save nothing.
   * {@code ownsBase}: whether {@link #shutdown()} may stop {@code base}'s dispatcher and pool.
   */
  public static Transport create(OkHttpClient base, ClientConfig config, ObjectMapper mapper,
      boolean bufferedTransfers, boolean ownsBase) {
    OkHttpClient.Builder b = base.newBuilder();
    b.interceptors().removeIf(i -> i instanceof HeadersInterceptor || i instanceof RetryInterceptor
        || i instanceof FailoverInterceptor || i instanceof LoggingInterceptor
        || i instanceof SocketWriteTimeouts.Interceptor);
    b.addInterceptor(new HeadersInterceptor(config))
        .addInterceptor(new RetryInterceptor(config))
        .addInterceptor(new FailoverInterceptor(config))
        .addInterceptor(new LoggingInterceptor())
        .retryOnConnectionFailure(true)
        .followRedirects(false);
    OkHttpClient okHttp = b.build();
    // Transfers speak HTTP/1.1 where the base client does: no HTTP/2 flow-control windows in the way of a
    // gigabyte, and the sockets can keep the write timeout (SocketWriteTimeouts).
    boolean http1 = okHttp.protocols().contains(Protocol.HTTP_1_1);
    OkHttpClient transfers = okHttp;
    if (bufferedTransfers) {
      OkHttpClient.Builder t = okHttp.newBuilder().socketFactory(new BufferedSocketFactory())
          .connectionPool(new ConnectionPool());
      if (http1) {
        t.protocols(Collections.singletonList(Protocol.HTTP_1_1)).addInterceptor(new SocketWriteTimeouts.Interceptor());
      }
      transfers = t.build();
    }
    Exchange exchange = new Exchange(okHttp, transfers, mapper, config);
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(config.nodes().apiBase())
        .callFactory(UnsentCall::new)
        .addCallAdapterFactory(new CloudifyCallAdapterFactory(exchange))
        .addConverterFactory(new JsonBodies(mapper))
        .validateEagerly(true)
        .build();
    return new Transport(okHttp, transfers, ownsBase, retrofit);
  }

  /** The OkHttp client small calls are sent with (archive transfers may take a sibling: see {@link #create}). */
  public OkHttpClient okHttp() {
    return okHttp;
  }

  /**
   * The implementation of a Retrofit interface, made once per interface and shared by every view of the client:
   * {@code validateEagerly} checks each method's annotations the first time, and not again.
   */
  public <T> T create(Class<T> service) {
    return service.cast(services.computeIfAbsent(service, s -> retrofit.create(requireCallOptions(s))));
  }

  /**
   * Refuses an interface with a method that takes no {@code @Tag CallOptions}: the interceptors read the call's
   * options from that tag only, so such a method (or one tagged with a bare {@code RequestOptions}) would send
   * its calls without the caller's options or the view's defaults, and nothing would say so.
   */
  private static Class<?> requireCallOptions(Class<?> service) {
    for (Method method : service.getMethods()) {
      if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Class<?>[] types = method.getParameterTypes();
      Annotation[][] annotations = method.getParameterAnnotations();
      boolean tagged = false;
      for (int i = 0; i < types.length && !tagged; i++) {
        for (Annotation a : annotations[i]) {
          tagged |= a instanceof Tag && types[i] == CallOptions.class;
        }
      }
      if (!tagged) {
        throw new IllegalArgumentException(service.getSimpleName() + "." + method.getName() + " takes no"
            + " @Tag CallOptions parameter: every call must carry its options (ClientContext.callOptions)");
      }
    }
    return service;
  }

  /**
   * Frees the transfers' pool, and when the base client is this transport's own, its pool and the dispatcher's
   * threads.
   */
  public void shutdown() {
    if (transfers != okHttp) {
      transfers.connectionPool().evictAll();
    }
    if (!ownsBase) {
      return;
    }
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    try {
      okHttp.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
