package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.RequestOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  HeadersInterceptor(ClientConfig config) {
    this.config = config;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestOptions options = EffectiveOptions.of(request, config.defaults());
    Request.Builder b = request.newBuilder();
    b.header("User-Agent", config.userAgent());
    if (request.header("Accept") == null) {
      b.header("Accept", "application/json");
    }
    boolean authenticate = options.authenticate().orElse(true);
    if (authenticate) {
      if (config.authHeaderName() != null) {
        b.header(config.authHeaderName(), config.authHeaderValue());
      }
      String tenant = options.tenant().orElse(config.tenant());
      if (tenant != null) {
        b.header("Tenant", tenant);
      }
    } else {
      b.removeHeader("Authorization").removeHeader("Authentication-Token").removeHeader("Tenant");
    }
    if (options.bypassMaintenance().orElse(false)) {
      b.header(BYPASS_MAINTENANCE, "true");
    }
    for (Map.Entry<String, String> h : options.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    Chain c = chain;
    if (options.readTimeout().isPresent()) {
      c = c.withReadTimeout((int) Math.min(Integer.MAX_VALUE, options.readTimeout().get().toMillis()),
          TimeUnit.MILLISECONDS);
    }
    if (options.writeTimeout().isPresent()) {
      c = c.withWriteTimeout((int) Math.min(Integer.MAX_VALUE, options.writeTimeout().get().toMillis()),
          TimeUnit.MILLISECONDS);
    }
    if (request.body() != null && !EffectiveOptions.isSafe(request) && !request.body().isOneShot()
        && !EffectiveOptions.retryPolicy(options, config.retryPolicy()).retryNonIdempotent()) {
      // OkHttp itself resends a request whose connection failed after it was sent, unless its body is one-shot.
      // Creating a snapshot or starting a restore twice is not harmless: only the caller may allow it.
      b.method(request.method(), new OneShotBody(request.body()));
    }
    return c.proceed(b.build());
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
