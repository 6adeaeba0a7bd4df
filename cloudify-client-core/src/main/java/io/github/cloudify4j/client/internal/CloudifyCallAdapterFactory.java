package io.github.cloudify4j.client.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Streaming;

/**
 * Lets Retrofit interfaces return values directly: Retrofit builds the request, {@link Exchange} sends it and
 * reads the answer synchronously, with every failure mapped into the typed exceptions. Supported return types:
 * <ul>
 *   <li>{@code T}: the parsed body of a 2xx answer (null for 204/205);</li>
 *   <li>{@code Response<T>}: the same, with status and headers;</li>
 *   <li>{@code ResponseBody}: with {@code @Streaming}, the open body, for the caller to stream and close; without,
 *   the body read into memory (small answers only).</li>
 * </ul>
 * A {@code Call<T>} return type is refused when the interface is bound: its {@code execute()} would bypass
 * {@link Exchange}, and there would be two request paths again.
 */
final class CloudifyCallAdapterFactory extends CallAdapter.Factory {
  private final Exchange exchange;

  CloudifyCallAdapterFactory(Exchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == Call.class) {
      throw new IllegalArgumentException("return the value (or Response<T>), not Call<T>: every cloudify4j call is"
          + " sent by its Exchange");
    }
    boolean streaming = false;
    for (Annotation a : annotations) {
      streaming |= a instanceof Streaming;
    }
    if (raw == Response.class) {
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalArgumentException("Response must be parameterized");
      }
      return new Adapter(exchange.shape(getParameterUpperBound(0, (ParameterizedType) returnType), true,
          streaming));
    }
    return new Adapter(exchange.shape(returnType, false, streaming));
  }

  /** Hands the request Retrofit built to {@link Exchange}; Retrofit's own response handling is never reached. */
  private final class Adapter implements CallAdapter<ResponseBody, Object> {
    private final Exchange.Shape shape;

    Adapter(Exchange.Shape shape) {
      this.shape = shape;
    }

    /** What Retrofit checks a converter exists for; never converted, since Retrofit does not send the call. */
    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public Object adapt(Call<ResponseBody> call) {
      return exchange.execute(call.request(), shape);
    }
  }

}
