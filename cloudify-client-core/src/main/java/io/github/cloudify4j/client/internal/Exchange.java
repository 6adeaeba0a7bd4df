package io.github.cloudify4j.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ResponseTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Sends one request and turns its exchange into a value or a typed exception: the single place where transport
 * failures, error answers and unreadable bodies are told apart, for every call of every module. Retrofit builds
 * the requests ({@link Transport}); {@link CloudifyCallAdapterFactory} hands each one here with the {@link Shape}
 * its interface method declared.
 */
final class Exchange {
  private static final int MAX_ERROR_BODY = 64 * 1024;
  /** A request body this large (or of unknown length) is a bulk transfer: see {@link #clientFor}. */
  static final long BULK_BODY = 1024 * 1024;

  private final OkHttpClient client;
  private final OkHttpClient transfers;
  private final ObjectMapper mapper;
  private final ClientConfig config;

  Exchange(OkHttpClient client, OkHttpClient transfers, ObjectMapper mapper, ClientConfig config) {
    this.client = client;
    this.transfers = transfers;
    this.mapper = mapper;
    this.config = config;
  }

  /**
   * The chain for {@code request}: bulk transfers (an answer handed over open, a body of unknown length or of at
   * least {@link #BULK_BODY} bytes: archives) take the one with buffered sockets, when the client has one;
   * everything else the plain one. Both share the interceptors and the dispatcher; the transfers have a connection
   * pool of their own.
   */
  OkHttpClient clientFor(Request request, Shape shape) {
    if (transfers == client) {
      return client;
    }
    if (shape.streaming) {
      return transfers;
    }
    okhttp3.RequestBody body = request.body();
    if (body == null) {
      return client;
    }
    long length;
    try {
      length = body.contentLength();
    } catch (IOException e) {
      length = -1; // OkHttp will ask again, and fail the call then
    }
    return length < 0 || length >= BULK_BODY ? transfers : client;
  }

  /**
   * What a method's return type asks of an answer, worked out once per method: the Jackson type to parse (null
   * for a raw body or {@code Void}), whether to wrap it in a Retrofit {@code Response}, whether to hand the body
   * over open.
   */
  static final class Shape {
    final JavaType type;
    final boolean rawBody;
    final boolean wrap;
    final boolean streaming;

    private Shape(JavaType type, boolean rawBody, boolean wrap, boolean streaming) {
      this.type = type;
      this.rawBody = rawBody;
      this.wrap = wrap;
      this.streaming = streaming;
    }
  }

  Shape shape(Type bodyType, boolean wrap, boolean streaming) {
    boolean rawBody = bodyType == ResponseBody.class;
    JavaType type = rawBody || bodyType == Void.class ? null : mapper.getTypeFactory().constructType(bodyType);
    return new Shape(type, rawBody, wrap, streaming);
  }

  /**
   * Sends {@code request} through the client's chain, under the call timeout of its options, and returns what
   * {@code shape} asks for: a 2xx answer's parsed body, or its raw body (open when streaming, else read into
   * memory within the size limit), wrapped in a {@code Response} if asked. Null only for {@code Void}, or for a
   * 204/205 answer to a method that can tell (a {@code Response} or a raw body); a bare value never is.
   * Anything else is a typed exception: a non-2xx answer through {@link ErrorMapper}, a failed exchange as a
   * transport error, a body that is not the expected JSON as an invalid response.
   */
  Object execute(Request request, Shape shape) {
    RequestObserver.Watch watch = config.observer().start(request);
    if (watch == RequestObserver.Watch.NOOP) {
      return send(request, shape, watch);
    }
    // As Observation.observe does it: the scope (the current span, for tracing) closes before the stop.
    RequestObserver.Scope scope = watch.openScope();
    try {
      return send(request.newBuilder().tag(RequestObserver.Watch.class, watch).build(), shape, watch);
    } catch (RuntimeException e) {
      watch.error(e);
      throw e;
    } finally {
      scope.close();
      watch.stop();
    }
  }

  private Object send(Request request, Shape shape, RequestObserver.Watch watch) {
    Call call = clientFor(request, shape).newCall(request);
    RequestOptions options = EffectiveOptions.of(request, config.defaults());
    if (options.callTimeout().isPresent()) {
      call.timeout().timeout(options.callTimeout().get().toMillis(), TimeUnit.MILLISECONDS);
    }
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw failure(request, e);
    }
    int code = response.code();
    watch.status(code);
    ResponseBody body = response.body();
    if (!response.isSuccessful()) {
      try (ResponseBody error = body) {
        throw ErrorMapper.map(code, response.headers(), errorText(error), request.method(),
            Redaction.url(response.request().url()));
      }
    }
    boolean noContent = code == 204 || code == 205;
    Object value;
    if ((shape.type == null && !shape.rawBody) || ((noContent || body == null) && (shape.wrap || shape.rawBody))) {
      if (body != null) {
        body.close(); // none wanted, or none sent where the caller can tell: the connection goes back to the pool
      }
      value = null;
    } else if (shape.rawBody) {
      value = shape.streaming ? body : buffered(body, response.request(), code);
    } else {
      // A bare value never comes back null: no content where JSON was expected is a broken answer, said so here.
      value = parse(body, response, shape.type);
    }
    return shape.wrap ? retrofit2.Response.success(value, response) : value;
  }

  /**
   * Parses a successful answer straight from the connection, and closes it. An I/O failure on the way is the
   * network's (a transport error); a body that is not the expected JSON is the manager's (an invalid response).
   */
  Object parse(ResponseBody body, Response raw, JavaType type) {
    int code = raw.code();
    Request request = raw.request();
    long limit = config.maxResponseBytes();
    try (ResponseBody b = body; InputStream in = new LimitedInputStream(b.byteStream(), limit)) {
      if (b.contentLength() > limit) {
        throw tooLarge(limit, b.contentLength(), code, request); // announced: refused before reading a byte
      }
      BufferedSource source = b.source();
      if (source.exhausted()) {
        throw new CloudifyInvalidResponseException("The manager sent an empty body where JSON was expected",
            code, request.method(), Redaction.url(request.url()), null);
      }
      Object value;
      try (JsonParser parser = new CountingParser(mapper.getFactory().createParser(in), maxValues(limit, type))) {
        value = mapper.readValue(parser, type);
      }
      if (value == null) {
        throw new CloudifyInvalidResponseException("The manager sent null where a JSON value was expected",
            code, request.method(), Redaction.url(request.url()), null);
      }
      return value;
    } catch (CloudifyException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (causedBy(e, LimitedInputStream.TooLarge.class)) {
        throw tooLarge(limit, -1, code, request);
      }
      if (causedBy(e, CountingParser.TooManyValues.class)) {
        throw new ResponseTooLargeException("The manager's answer holds more than " + maxValues(limit, type)
            + " JSON values, more than the client reads (limit " + ResponseTooLargeException.humanBytes(limit)
            + ", CloudifyClient.Builder.maxResponseSize, allows one value per " + (buildsTree(type) ? 64 : 12)
            + " bytes)", limit, code, request.method(), Redaction.url(request.url()));
      }
      IOException network = networkCause(e);
      if (network != null) {
        throw failure(request, network); // the connection failed while the body was read
      }
      throw unreadable(type, e, code, request);
    }
  }

  /**
   * The JSON values an answer may hold. A value bound into a map or a tree costs some 50 bytes of heap however
   * few bytes it takes on the wire ({@code 1,} is two), so the byte limit alone would let a 16 MiB answer take
   * hundreds of MiB. Values skipped (unknown fields) are not counted. Budget: one value per 12 bytes of the limit
   * (1,398,101 at 16 MiB; real answers run about 14 bytes a value, and a page of 1,000 executions holds about
   * 80,000), one per 64 when the whole answer is read as a tree, at least 65,536.
   */
  static long maxValues(long limit, JavaType type) {
    return Math.max(65_536, limit / (buildsTree(type) ? 64 : 12));
  }

  /** Whether reading {@code type} builds a tree: JsonNode, Object or a Map anywhere in it. */
  static boolean buildsTree(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class || java.util.Map.class.isAssignableFrom(raw)) {
      return true;
    }
    for (int i = 0; i < type.containedTypeCount(); i++) {
      if (buildsTree(type.containedType(i))) {
        return true;
      }
    }
    return false;
  }

  /** Counts the values a tree is built from, and fails past a budget. */
  static final class CountingParser extends JsonParserDelegate {
    private long remaining;

    CountingParser(JsonParser parser, long budget) {
      super(parser);
      this.remaining = budget;
    }

    private JsonToken count(JsonToken token) throws TooManyValues {
      if (token != null && --remaining < 0) {
        throw new TooManyValues();
      }
      return token;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      return count(delegate.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
      return count(delegate.nextValue());
    }

    @Override
    public String nextFieldName() throws IOException {
      String name = delegate.nextFieldName();
      if (name != null) {
        count(JsonToken.FIELD_NAME);
      }
      return name;
    }

    /** The budget was passed; never a network failure. */
    static final class TooManyValues extends IOException {
      private static final long serialVersionUID = 1L;

      TooManyValues() {
        super("value budget passed");
      }
    }
  }

  /** The I/O failure under a read failure, if any: Jackson wraps what a nested deserializer's read throws. */
  private static IOException networkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException && !(t instanceof JsonProcessingException)) {
        return (IOException) t;
      }
    }
    return null;
  }

  private static CloudifyInvalidResponseException unreadable(JavaType type, Exception e, int code, Request request) {
    return new CloudifyInvalidResponseException("The manager's answer could not be read as "
        + simpleName(type.toCanonical()) + ": " + describeReadFailure(e), code, request.method(),
        Redaction.url(request.url()), null);
  }

  /**
   * A body read into memory (and the connection released), for answers known to be small: at most the client's
   * {@link ClientConfig#maxResponseBytes() limit}, else a {@link ResponseTooLargeException}.
   */
  ResponseBody buffered(ResponseBody body, Request request, int code) {
    long limit = config.maxResponseBytes();
    try (ResponseBody b = body) {
      if (b.contentLength() > limit) {
        throw tooLarge(limit, b.contentLength(), code, request);
      }
      BufferedSource source = b.source();
      if (limit < Long.MAX_VALUE && source.request(limit + 1)) {
        throw tooLarge(limit, -1, code, request);
      }
      Buffer buffer = new Buffer();
      buffer.writeAll(source);
      return ResponseBody.create(buffer, b.contentType(), buffer.size());
    } catch (IOException e) {
      throw failure(request, e);
    }
  }

  private static ResponseTooLargeException tooLarge(long limit, long announced, int code, Request request) {
    String size = announced >= 0 ? "announced " + ResponseTooLargeException.humanBytes(announced)
        : "more than " + ResponseTooLargeException.humanBytes(limit) + " after decompression";
    return new ResponseTooLargeException("The manager's answer is larger than the client reads (" + size
        + "; limit " + ResponseTooLargeException.humanBytes(limit)
        + ", CloudifyClient.Builder.maxResponseSize)", limit, code, request.method(), Redaction.url(request.url()));
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts what the parser reads and fails past a limit: Jackson builds whatever the bytes describe, so the bytes
   * it may read are what bounds the memory an answer can take (a gzip body is counted as it inflates).
   */
  static final class LimitedInputStream extends FilterInputStream {
    private long remaining;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --remaining < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        remaining -= n;
        if (remaining < 0) {
          throw new TooLarge();
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      remaining -= Math.max(0, skipped);
      if (remaining < 0) {
        throw new TooLarge();
      }
      return skipped;
    }

    /** The limit was passed; never a network failure. */
    static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;

      TooLarge() {
        super("size limit passed");
      }
    }
  }

  /** A failure of the exchange itself: sending, or reading the answer (its body included). */
  CloudifyException failure(Request request, IOException e) {
    String method = request.method();
    String url = Redaction.url(request.url());
    if (e instanceof AllNodesFailedException) {
      AllNodesFailedException all = (AllNodesFailedException) e;
      return new CloudifyTransportException(method, url, all.failures(), e.getCause() != null ? e.getCause() : e);
    }
    String failure = FailoverInterceptor.describe(e);
    if (e instanceof InterruptedIOException) {
      if (Thread.currentThread().isInterrupted()) {
        return new CloudifyInterruptedException("interrupted during " + method + " " + url, e);
      }
      failure = "call timed out" + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return new CloudifyTransportException(method, url,
        Collections.singletonMap(config.nodes().label(config.nodes().current()), failure), e);
  }

  /** The start of an error answer, for {@link ErrorMapper}; empty when it cannot be read. */
  static String errorText(ResponseBody error) {
    if (error == null) {
      return "";
    }
    try {
      BufferedSource source = error.source();
      source.request(MAX_ERROR_BODY);
      Buffer buffer = source.getBuffer().clone();
      long size = Math.min(buffer.size(), MAX_ERROR_BODY);
      return buffer.readUtf8(size);
    } catch (IOException e) {
      return "";
    }
  }

  /** {@code Page<Snapshot>} for {@code io.github.cloudify4j.client.model.Page<io.github...Snapshot>}. */
  private static String simpleName(String typeName) {
    return typeName.replaceAll("[a-zA-Z0-9_]+\\.", "");
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
            ((com.fasterxml.jackson.databind.exc.MismatchedInputException) e).getTargetType().getTypeName()) + ")";
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

}
