package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a request that failed on the way (no answer from any node, or 502/503/504), when that is safe: see
 * {@link RetryPolicy}. Waits through the client's sleeper and measures through its clock, so tests never sleep.
 */
final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.cloudify4j.client.http");

  private final ClientConfig config;

  RetryInterceptor(ClientConfig config) {
    this.config = config;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestOptions options = EffectiveOptions.of(request, config.defaults());
    RetryPolicy policy = EffectiveOptions.retryPolicy(options, config.retryPolicy());
    boolean repeatable = (EffectiveOptions.isSafe(request) || policy.retryNonIdempotent())
        && !EffectiveOptions.isOneShot(request);
    Instant start = config.clock().instant();

    for (int attempt = 1; ; attempt++) {
      boolean mayRetry = repeatable && attempt < policy.maxAttempts();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (!mayRetry || !isRetryable(e) || chain.call().isCanceled()) {
          throw e; // a cancelled call (or one past its whole-call timeout) is over: never wait to repeat it
        }
        Duration delay = jittered(policy.backoff(attempt), policy.jitter());
        if (!withinBudget(start, delay, policy)) {
          throw e;
        }
        RequestObserver.of(request).retry(FailoverInterceptor.describe(e) + "; retry " + (attempt + 1) + "/"
            + policy.maxAttempts());
        LOG.debug("{} {} failed ({}); retry {}/{} in {} ms", request.method(), Redaction.url(request.url()),
            FailoverInterceptor.describe(e), attempt + 1, policy.maxAttempts(), delay.toMillis());
        sleep(delay);
        continue;
      }
      if (!mayRetry || !policy.retryStatuses().contains(response.code()) || chain.call().isCanceled()
          || (response.code() == 503 && ErrorMapper.isMaintenanceError(FailoverInterceptor.peek(response)))) {
        return response;
      }
      Duration delay = retryAfter(response, policy).orElse(jittered(policy.backoff(attempt), policy.jitter()));
      if (!withinBudget(start, delay, policy)) {
        return response;
      }
      LOG.debug("{} {} answered {}; retry {}/{} in {} ms", request.method(), Redaction.url(request.url()),
          response.code(), attempt + 1, policy.maxAttempts(), delay.toMillis());
      RequestObserver.of(request).retry("HTTP " + response.code() + "; retry " + (attempt + 1) + "/"
          + policy.maxAttempts());
      response.close();
      sleep(delay);
    }
  }

  private boolean withinBudget(Instant start, Duration delay, RetryPolicy policy) {
    Duration elapsed = Duration.between(start, config.clock().instant());
    return elapsed.plus(delay).compareTo(policy.maxElapsed()) <= 0;
  }

  private void sleep(Duration delay) throws InterruptedIOException {
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      io.initCause(e);
      throw io;
    }
  }

  static boolean isRetryable(IOException e) {
    if (e instanceof AllNodesFailedException) {
      Throwable cause = e.getCause();
      return !(cause instanceof IOException) || isRetryable((IOException) cause);
    }
    if (e instanceof SSLException && !(e.getCause() instanceof java.net.SocketException)) {
      return false; // a certificate problem does not fix itself
    }
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return false; // cancelled or whole-call timeout
    }
    return true;
  }

  static Duration jittered(Duration base, double jitter) {
    if (jitter == 0) {
      return base;
    }
    double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    return Duration.ofMillis(Math.max(0, (long) (base.toMillis() * factor)));
  }

  /** {@code Retry-After} in seconds or as an HTTP date, clamped to the policy's maximum. */
  java.util.Optional<Duration> retryAfter(Response response, RetryPolicy policy) {
    String value = response.header("Retry-After");
    if (value == null || value.trim().isEmpty()) {
      return java.util.Optional.empty();
    }
    Duration d;
    try {
      d = Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        d = Duration.between(config.clock().instant(), at);
      } catch (DateTimeParseException e2) {
        return java.util.Optional.empty();
      }
    }
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.compareTo(policy.maxRetryAfter()) > 0) {
      d = policy.maxRetryAfter();
    }
    return java.util.Optional.of(d);
  }
}
