package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.RequestOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

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
    Credentials credentials = config.credentials();
    if (authenticate) {
      credentials.header().ifPresent(h -> b.header(h[0], h[1]));
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
    return c.proceed(b.build());
  }
}
