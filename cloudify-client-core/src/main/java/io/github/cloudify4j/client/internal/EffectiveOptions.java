package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.spi.CallOptions;
import okhttp3.Request;

/** What the interceptors and {@link Exchange} ask of a request: its options, its method, its body. */
final class EffectiveOptions {
  private EffectiveOptions() {}

  /**
   * The options in force for {@code request}: those of its {@link CallOptions} tag, already merged with the
   * defaults of the client view that made it; the root client's defaults for a request without one.
   */
  static RequestOptions of(Request request, RequestOptions clientDefaults) {
    CallOptions call = request.tag(CallOptions.class);
    return call == null ? clientDefaults : call.options();
  }

  static RetryPolicy retryPolicy(RequestOptions options, RetryPolicy clientPolicy) {
    return options.retryPolicy().orElse(clientPolicy);
  }

  static boolean isSafe(Request request) {
    return request.method().equals("GET") || request.method().equals("HEAD");
  }

  static boolean isOneShot(Request request) {
    return request.body() != null && request.body().isOneShot();
  }
}
