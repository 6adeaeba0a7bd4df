package io.github.cloudify4j.client.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;

/**
 * Retrofit's call factory: holds the request Retrofit built from an interface method, and never sends it.
 * {@link CloudifyCallAdapterFactory} takes the request and {@link Exchange} sends it with the client's
 * {@code OkHttpClient}. Retrofit thus keeps what it is good at (one declaration per endpoint, parameters, body
 * converters) while sending and reading happen in one place for every call, with none of Retrofit's response
 * wrapping (its copy of each successful body, its extra buffered source) on the way.
 */
final class UnsentCall implements Call {
  private final Request request;

  UnsentCall(Request request) {
    this.request = requireNonNull(request, "request == null");
  }

  @Override
  public Request request() {
    return request;
  }

  /** Never used: {@link Exchange} sends the request; a {@code Call<T>} return type is refused when binding. */
  @Override
  public Response execute() throws IOException {
    throw new UnsupportedOperationException("cloudify4j sends requests through its Exchange");
  }

  @Override
  public void enqueue(Callback responseCallback) {
    throw new UnsupportedOperationException("cloudify4j sends requests through its Exchange");
  }

  @Override
  public void cancel() {
    // nothing was sent
  }

  @Override
  public boolean isExecuted() {
    return false;
  }

  @Override
  public boolean isCanceled() {
    return false;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public Call clone() {
    return new UnsentCall(request);
  }
}
