package io.github.cloudify4j.client.internal;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG (method, URL, status, duration) and, at TRACE, the headers with every secret
 * header's value masked (and any secret inside the others', e.g. a {@code Location} with user info). Bodies are never logged: they may hold the database password of snapshot workflows.
 */
final class LoggingInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.cloudify4j.client.http");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String url = Redaction.url(request.url());
    LOG.debug("--> {} {}", request.method(), url);
    if (LOG.isTraceEnabled()) {
      LOG.trace("--> headers {}", headers(request.headers()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- FAILED {} {} ({} ms): {}", request.method(), url, (System.nanoTime() - start) / 1_000_000,
          FailoverInterceptor.describe(e));
      throw e;
    }
    LOG.debug("<-- {} {} {} ({} ms)", response.code(), request.method(), url,
        (System.nanoTime() - start) / 1_000_000);
    if (LOG.isTraceEnabled()) {
      LOG.trace("<-- headers {}", headers(response.headers()));
    }
    return response;
  }

  static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < headers.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String name = headers.name(i);
      sb.append(name).append('=')
          .append(Redaction.isSecretHeader(name) ? Redaction.MASK : Redaction.redactText(headers.value(i)));
    }
    return sb.append('}').toString();
  }
}
