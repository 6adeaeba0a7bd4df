package io.github.cloudify4j.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Converter;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Streaming;

/**
 * Lets Retrofit interfaces return values directly, executed synchronously, with every failure mapped by
 * {@link Exchange} into the typed exceptions. Supported return types:
 * <ul>
 *   <li>{@code T}: the parsed body of a 2xx answer (null for 204);</li>
 *   <li>{@code Response<T>}: the same, with status and headers;</li>
 *   <li>{@code ResponseBody}: with {@code @Streaming}, the open body, for the caller to stream and close; without,
 *   the body read into memory (small answers only).</li>
 * </ul>
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
      return null;
    }
    boolean streaming = false;
    for (Annotation a : annotations) {
      streaming |= a instanceof Streaming;
    }
    if (raw == Response.class) {
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalArgumentException("Response must be parameterized");
      }
      Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new Adapter(bodyType, true, streaming);
    }
    return new Adapter(returnType, false, streaming);
  }

  /**
   * The converters for {@link UnreadBody}, to add before any other: Retrofit would otherwise copy every successful
   * body into memory before the adapter sees it, and parse its {@code Content-Type} twice on the way. The adapter
   * parses JSON straight from the connection, and buffers a plain {@code ResponseBody} itself unless the method is
   * {@code @Streaming}.
   */
  static Converter.Factory unreadBodyConverters() {
    return new Converter.Factory() {
      @Override
      public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
          Retrofit retrofit) {
        return type == UnreadBody.class ? (Converter<ResponseBody, UnreadBody>) UnreadBody::new : null;
      }
    };
  }

  /** A successful body as it came off the connection, not read yet. */
  static final class UnreadBody {
    final ResponseBody body;

    UnreadBody(ResponseBody body) {
      this.body = body;
    }
  }

  private final class Adapter implements CallAdapter<UnreadBody, Object> {
    private final Type bodyType;
    private final boolean wrap;
    private final boolean streaming;
    private final JavaType javaType;

    Adapter(Type bodyType, boolean wrap, boolean streaming) {
      this.bodyType = bodyType;
      this.wrap = wrap;
      this.streaming = streaming;
      this.javaType = bodyType == ResponseBody.class || bodyType == Void.class ? null
          : exchange.mapper().getTypeFactory().constructType(bodyType);
    }

    @Override
    public Type responseType() {
      return UnreadBody.class;
    }

    @Override
    public Object adapt(Call<UnreadBody> call) {
      Request request = call.request();
      exchange.applyCallTimeout(call.timeout(), request);
      Response<UnreadBody> response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw exchange.failure(request, e);
      }
      int code = response.code();
      if (!response.isSuccessful()) {
        try (ResponseBody error = response.errorBody()) {
          throw ErrorMapper.map(code, response.headers(), Exchange.errorText(error), request.method(),
              Redaction.url(response.raw().request().url()));
        }
      }
      ResponseBody body = response.body() == null ? null : response.body().body;
      Object value;
      if (bodyType == ResponseBody.class) {
        value = streaming || body == null ? body : exchange.buffered(body, request, code);
      } else if (bodyType == Void.class || code == 204 || body == null) {
        if (body != null) {
          body.close();
        }
        value = null;
      } else {
        value = exchange.parse(body, response.raw(), javaType);
      }
      return wrap ? Response.success(value, response.raw()) : value;
    }
  }
}
