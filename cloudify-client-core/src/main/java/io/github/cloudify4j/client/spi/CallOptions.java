package io.github.cloudify4j.client.spi;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.client.RequestOptions;

/**
 * The options in force for one call, as the {@code @Tag} parameter of every Retrofit method bound with
 * {@link ClientContext#create(Class)}: the client view's defaults with the caller's per-call options laid over
 * them. Get one from {@link ClientContext#callOptions(RequestOptions)}.
 *
 * <p>Why a type of its own and not a {@code @Tag RequestOptions}: every view of a client
 * ({@code withOptions}, {@code pinnedTo}) shares one Retrofit instance and one interceptor chain, so a view's
 * defaults can reach the wire only inside the request. A bare {@code RequestOptions} would be ambiguous (the
 * caller's options alone, or already merged with the view's?) and forgetting the merge would silently drop a
 * view's pinned node or maintenance bypass. With this type, a Retrofit method cannot be called without options
 * that went through the view.
 */
@InternalApi
public final class CallOptions {
  private final RequestOptions options;

  private CallOptions(RequestOptions options) {
    this.options = options;
  }

  /**
   * Options already merged with a view's defaults. For {@link ClientContext} implementations; resource code asks
   * {@link ClientContext#callOptions(RequestOptions)}, which does the merge.
   *
   * @param inForce every option in force for the call
   * @return the tag value
   */
  public static CallOptions of(RequestOptions inForce) {
    return new CallOptions(requireNonNull(inForce, "inForce == null"));
  }

  /**
   * Every option in force for the call: nothing else is layered over these on the way to the wire.
   *
   * @return the merged options
   */
  public RequestOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "CallOptions{" + options + "}";
  }
}
