package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import okhttp3.Request;

/** The options in force for one request: the client's defaults overridden by the call's. */
final class EffectiveOptions {
  private EffectiveOptions() {}

  static RequestOptions of(Request request, RequestOptions clientDefaults) {
    RequestOptions call = request.tag(RequestOptions.class);
    return call == null ? clientDefaults : clientDefaults.overriddenBy(call);
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
