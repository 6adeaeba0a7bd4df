package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.RequestOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Adds what every request carries: user agent, credentials, tenant, the maintenance bypass, the caller's headers;
 * and applies per-call read/write timeouts.
 */
final class HeadersInterceptor implements Interceptor {
  static final String BYPASS_MAINTENANCE = "X-BYPASS-MAINTENANCE";

  private final ClientConfig config;
  /** The headers of the options seen last, for a request with none of its own: see {@link #standard}. */
  private volatile Standard last;

  HeadersInterceptor(ClientConfig config) {
    this.config = config;
    this.last = new Standard(config.defaults(), headers(Headers.of(), config.defaults()));
  }

  /**
   * What a request without headers of its own carries under {@code options}. Computed once per options object and
   * kept for the next request: a client view passes the same object on every call made with its defaults alone,
   * so its requests reuse one {@code Headers} instead of rebuilding it (a one-entry cache; views used in turn only
   * recompute).
   */
  private Headers standard(RequestOptions options) {
    Standard s = last;
    if (s.options != options) {
      s = new Standard(options, headers(Headers.of(), options));
      last = s;
    }
    return s.headers;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestOptions options = EffectiveOptions.of(request, config.defaults());
    Chain c = chain;
    if (options.readTimeout().isPresent()) {
      c = c.withReadTimeout((int) Math.min(Integer.MAX_VALUE, options.readTimeout().get().toMillis()),
          TimeUnit.MILLISECONDS);
    }
    if (options.writeTimeout().isPresent()) {
      c = c.withWriteTimeout((int) Math.min(Integer.MAX_VALUE, options.writeTimeout().get().toMillis()),
          TimeUnit.MILLISECONDS);
    }
    Headers own = request.headers();
    Request.Builder b = request.newBuilder()
        .headers(own.size() == 0 ? standard(options) : headers(own, options));
    if (request.body() != null && !EffectiveOptions.isSafe(request) && !request.body().isOneShot()
        && !EffectiveOptions.retryPolicy(options, config.retryPolicy()).retryNonIdempotent()) {
      // OkHttp itself resends a request whose connection failed after it was sent, unless its body is one-shot.
      // Creating a snapshot or starting a restore twice is not harmless: only the caller may allow it.
      b.method(request.method(), new OneShotBody(request.body()));
    }
    return c.proceed(b.build());
  }

  /** One options object and the headers a request without its own gets under it. */
  private static final class Standard {
    final RequestOptions options;
    final Headers headers;

    Standard(RequestOptions options, Headers headers) {
      this.options = options;
      this.headers = headers;
    }
  }

  /** {@code base} with what every request carries under {@code options}. */
  private Headers headers(Headers base, RequestOptions options) {
    Headers.Builder h = base.newBuilder();
    h.set("User-Agent", config.userAgent());
    if (base.get("Accept") == null) {
      h.set("Accept", "application/json");
    }
    if (options.authenticate().orElse(true)) {
      if (config.authHeaderName() != null) {
        h.set(config.authHeaderName(), config.authHeaderValue());
      }
      String tenant = options.tenant().orElse(config.tenant());
      if (tenant != null) {
        h.set("Tenant", tenant);
      }
    } else {
      h.removeAll("Authorization").removeAll("Authentication-Token").removeAll("Tenant");
    }
    if (options.bypassMaintenance().orElse(false)) {
      h.set(BYPASS_MAINTENANCE, "true");
    }
    for (Map.Entry<String, String> e : options.headers().entrySet()) {
      h.set(e.getKey(), e.getValue());
    }
    return h.build();
  }

  /** A body that OkHttp must not send twice on its own. */
  private static final class OneShotBody extends RequestBody {
    private final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }
  }
}
