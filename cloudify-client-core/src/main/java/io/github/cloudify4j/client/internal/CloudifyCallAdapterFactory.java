package io.github.cloudify4j.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Lets Retrofit interfaces return values directly, executed synchronously, with every failure mapped by
 * {@link ErrorMapper} into the typed exceptions. Supported return types:
 * <ul>
 *   <li>{@code T}: the parsed body of a 2xx answer (null for 204);</li>
 *   <li>{@code Response<T>}: the same, with status and headers;</li>
 *   <li>{@code ResponseBody} (with {@code @Streaming}): the open body, for the caller to stream and close.</li>
 * </ul>
 */
final class CloudifyCallAdapterFactory extends CallAdapter.Factory {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final ObjectMapper mapper;
  private final ClientConfig config;

  CloudifyCallAdapterFactory(ObjectMapper mapper, ClientConfig config) {
    this.mapper = mapper;
    this.config = config;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == Call.class) {
      return null;
    }
    if (raw == Response.class) {
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalArgumentException("Response must be parameterized");
      }
      Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new Adapter(bodyType, true);
    }
    return new Adapter(returnType, false);
  }

  private final class Adapter implements CallAdapter<ResponseBody, Object> {
    private final Type bodyType;
    private final boolean wrap;
    private final JavaType javaType;

    Adapter(Type bodyType, boolean wrap) {
      this.bodyType = bodyType;
      this.wrap = wrap;
      this.javaType = bodyType == ResponseBody.class || bodyType == Void.class ? null
          : mapper.getTypeFactory().constructType(bodyType);
    }

    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public Object adapt(Call<ResponseBody> call) {
      Request request = call.request();
      String method = request.method();
      RequestOptions options = EffectiveOptions.of(request, config.defaults());
      options.timeout().ifPresent(t -> call.timeout().timeout(t.toMillis(), TimeUnit.MILLISECONDS));

      Response<ResponseBody> response;
      try {
        response = call.execute();
      } catch (AllNodesFailedException e) {
        throw new CloudifyTransportException(method, Redaction.url(request.url()), e.failures(),
            e.getCause() != null ? e.getCause() : e);
      } catch (InterruptedIOException e) {
        String url = Redaction.url(request.url());
        if (Thread.currentThread().isInterrupted()) {
          throw new CloudifyInterruptedException("interrupted during " + method + " " + url, e);
        }
        throw new CloudifyTransportException(method, url,
            Collections.singletonMap(config.nodes().label(config.nodes().current()),
                "call timed out" + (e.getMessage() == null ? "" : ": " + e.getMessage())), e);
      } catch (IOException e) {
        throw new CloudifyTransportException(method, Redaction.url(request.url()),
            Collections.singletonMap(config.nodes().label(config.nodes().current()),
                FailoverInterceptor.describe(e)), e);
      }
      int code = response.code();
      if (!response.isSuccessful()) {
        throw ErrorMapper.map(code, errorBody(response), method, Redaction.url(response.raw().request().url()));
      }
      ResponseBody body = response.body();
      Object value;
      if (bodyType == ResponseBody.class) {
        value = body;
      } else if (bodyType == Void.class || code == 204 || body == null) {
        closeQuietly(body);
        value = null;
      } else {
        value = parse(body, response.raw());
      }
      return wrap ? Response.success(value, response.raw()) : value;
    }

    private Object parse(ResponseBody body, okhttp3.Response raw) {
      int code = raw.code();
      String method = raw.request().method();
      try (ResponseBody b = body; InputStream in = b.byteStream()) {
        BufferedSource source = b.source();
        if (source.exhausted()) {
          throw new CloudifyInvalidResponseException("The manager sent an empty body where JSON was expected",
              code, method, Redaction.url(raw.request().url()), null);
        }
        Object value = mapper.readValue(in, javaType);
        if (value == null) {
          throw new CloudifyInvalidResponseException("The manager sent null where a JSON value was expected",
              code, method, Redaction.url(raw.request().url()), null);
        }
        return value;
      } catch (CloudifyException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new CloudifyInvalidResponseException("The manager's answer could not be read as "
            + simpleName(bodyType) + ": " + describeReadFailure(e), code, method, Redaction.url(raw.request().url()), null);
      }
    }

    private String errorBody(Response<ResponseBody> response) {
      try (ResponseBody error = response.errorBody()) {
        if (error == null) {
          return "";
        }
        BufferedSource source = error.source();
        source.request(MAX_ERROR_BODY);
        Buffer buffer = source.getBuffer().clone();
        long size = Math.min(buffer.size(), MAX_ERROR_BODY);
        return buffer.readUtf8(size);
      } catch (IOException e) {
        return "";
      }
    }
  }

  private static String simpleName(Type type) {
    String name = type.getTypeName();
    return name.replaceAll("[a-zA-Z0-9_]+\\.", "");
  }

  /**
   * What was wrong with a body, without quoting it: Jackson's own messages repeat the offending value, which may
   * be a secret (the body is not even kept as the cause, since the cause's message would carry it too).
   */
  static String describeReadFailure(Throwable e) {
    if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
      return "truncated JSON" + location((com.fasterxml.jackson.core.JsonProcessingException) e);
    }
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException) {
      com.fasterxml.jackson.databind.JsonMappingException m = (com.fasterxml.jackson.databind.JsonMappingException) e;
      StringBuilder path = new StringBuilder();
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      String where = path.length() == 0 ? "at the top level" : "at `" + path + "`";
      if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
          && ((com.fasterxml.jackson.databind.exc.MismatchedInputException) e).getTargetType() != null) {
        return "unexpected value " + where + " (expected " + simpleName(
            ((com.fasterxml.jackson.databind.exc.MismatchedInputException) e).getTargetType()) + ")";
      }
      Throwable cause = e.getCause();
      if (cause != null && cause.getMessage() != null && !(cause instanceof IOException)) {
        // a model's own check (Immutables: "some of required attributes are not set [id]")
        return "invalid value " + where + ": " + firstLine(cause.getMessage());
      }
      return "invalid value " + where;
    }
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      return "malformed JSON" + location((com.fasterxml.jackson.core.JsonProcessingException) e);
    }
    return e.getClass().getSimpleName();
  }

  private static String location(com.fasterxml.jackson.core.JsonProcessingException e) {
    com.fasterxml.jackson.core.JsonLocation l = e.getLocation();
    return l == null || l.getLineNr() < 0 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return Redaction.redactText(line.length() > 300 ? line.substring(0, 300) + "…" : line);
  }

  private static void closeQuietly(ResponseBody body) {
    if (body != null) {
      body.close();
    }
  }
}
