package io.github.cloudify4j.client.errors;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.internal.ErrorMapper;
import io.github.cloudify4j.client.internal.Redaction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * What the manager answered to a request that failed: the status, the Cloudify {@code error_code}, message and
 * traceback, the response headers, the start of the body, and the request (method and URL). Every
 * {@link CloudifyServiceException} carries one ({@link CloudifyServiceException#response()}).
 *
 * <p>Nothing secret survives construction, whoever builds it: the values of secret headers ({@code Set-Cookie},
 * {@code Authorization}, {@code Authentication-Token}, anything named like a token, password or cookie) are
 * replaced by {@code ****}; secrets in the message, traceback,
 * body and other header values are masked the same way as in logs; the URL loses its user info and secret query
 * values. The body is kept up to {@value #MAX_BODY_CHARS} characters, so a hostile server cannot make an exception
 * hold megabytes.
 *
 * <p>In your own tests, build one to construct the exception the client would throw:
 * <pre>{@code
 * CloudifyServiceException e = ErrorResponse.builder(404)
 *     .errorCode("not_found_error")
 *     .serverMessage("Requested `Snapshot` with ID `nightly` was not found")
 *     .request("GET", "https://manager/api/v3.1/snapshots/nightly")
 *     .build()
 *     .toException();          // a NotFoundException, exactly as the client maps it
 * }</pre>
 */
public final class ErrorResponse implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The most characters of the body kept (after masking). */
  public static final int MAX_BODY_CHARS = 16 * 1024;

  private final int statusCode;
  private final String errorCode;
  private final String serverMessage;
  private final String serverTraceback;
  private final Map<String, List<String>> headers;
  private final String body;
  private final String method;
  private final String url;

  private ErrorResponse(Builder b) {
    this.statusCode = b.statusCode;
    this.errorCode = b.errorCode;
    this.serverMessage = b.serverMessage == null ? "" : Redaction.redactText(b.serverMessage);
    this.serverTraceback = Redaction.redactText(b.serverTraceback);
    Map<String, List<String>> masked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    b.headers.forEach((name, values) -> {
      List<String> out = new ArrayList<>(values.size());
      for (String value : values) {
        out.add(Redaction.isSecretHeader(name) ? Redaction.MASK : Redaction.redactText(value));
      }
      masked.put(name, Collections.unmodifiableList(out));
    });
    this.headers = Collections.unmodifiableMap(masked);
    String text = Redaction.redactText(b.body == null ? "" : b.body); // masked first: a cut never reveals a part
    this.body = text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
    this.method = b.method;
    this.url = maskUrl(b.url);
  }

  private static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed != null ? Redaction.url(parsed) : Redaction.redactText(url);
  }

  /**
   * A response with this HTTP status; everything else is optional. For tests and for modules that map an answer
   * the client did not read itself.
   *
   * @param statusCode the HTTP status, 100 to 999 (a real error is 4xx or 5xx, but any status is kept as given)
   * @return a builder
   * @throws IllegalArgumentException if {@code statusCode} is outside 100–999
   */
  public static Builder builder(int statusCode) {
    return new Builder(statusCode);
  }

  /**
   * The exception the client throws for this answer: typed by {@code error_code} first, then by status (a 404
   * with any code is a {@link NotFoundException}), else a plain {@link CloudifyServiceException}.
   *
   * @return a new exception carrying this response; the caller throws it
   */
  public CloudifyServiceException toException() {
    return ErrorMapper.toException(this);
  }

  /**
   * The HTTP status.
   *
   * @return the status, 100 to 999
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The Cloudify {@code error_code}, absent when the body was not a Cloudify error (HTML, empty).
   *
   * @return the code as the server sent it (e.g. {@code not_found_error}), known to the client or not
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * The server's message (masked), a short excerpt of a non-JSON body, or empty.
   *
   * @return the message, never null
   */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * The Python traceback the REST service sent (masked), if any.
   *
   * @return the traceback, or empty
   */
  public Optional<String> serverTraceback() {
    return Optional.ofNullable(serverTraceback);
  }

  /**
   * The response headers, names case-insensitive, secret values masked. Useful ones: {@code Retry-After},
   * {@code Server} (nginx or the REST service), {@code X-Cloudify-Audit-*}.
   *
   * @return header name to values in the order received, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a response header (masked when secret), if present.
   *
   * @param name the header name, in any case
   * @return its first value, or empty
   * @throws NullPointerException if {@code name} is null
   */
  public Optional<String> header(String name) {
    requireNonNull(name, "name == null");
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The start of the body as text, masked, at most {@value #MAX_BODY_CHARS} characters; empty when none. Kept
   * short so that an exception never holds a whole (possibly hostile) body in memory.
   *
   * @return the body excerpt, never null
   */
  public String body() {
    return body;
  }

  /**
   * The method of the failed request, or null when not known.
   *
   * @return {@code GET}, {@code PUT}, … or null
   */
  public String requestMethod() {
    return method;
  }

  /**
   * The URL of the failed request, without user info or secret query values; null when not known.
   *
   * @return the masked URL, or null
   */
  public String requestUrl() {
    return url;
  }

  @Override
  public String toString() {
    return "ErrorResponse{" + statusCode + (errorCode == null ? "" : " " + errorCode)
        + (method == null ? "" : " " + method + " " + url) + "}";
  }

  /** Builds an {@link ErrorResponse}; every value is masked by {@link #build()}. */
  public static final class Builder {
    private final int statusCode;
    private String errorCode;
    private String serverMessage;
    private String serverTraceback;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String body;
    private String method;
    private String url;

    private Builder(int statusCode) {
      if (statusCode < 100 || statusCode > 999) {
        throw new IllegalArgumentException("statusCode must be an HTTP status (100–999): " + statusCode);
      }
      this.statusCode = statusCode;
    }

    /**
     * The Cloudify {@code error_code}; it picks the exception type in {@link ErrorResponse#toException()}.
     *
     * @param errorCode the code, e.g. {@code not_found_error}; null for none (the default)
     * @return this builder
     */
    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /**
     * The server's message, masked at {@link #build()}.
     *
     * @param serverMessage the message; null for none (the default, read back as empty)
     * @return this builder
     */
    public Builder serverMessage(String serverMessage) {
      this.serverMessage = serverMessage;
      return this;
    }

    /**
     * The server's traceback, masked at {@link #build()}.
     *
     * @param serverTraceback the traceback; null for none (the default)
     * @return this builder
     */
    public Builder serverTraceback(String serverTraceback) {
      this.serverTraceback = serverTraceback;
      return this;
    }

    /**
     * Adds a header value (headers may repeat). Secret headers ({@code Authorization}, {@code Set-Cookie}, …) are
     * masked at {@link #build()}.
     *
     * @param name the header name; names are case-insensitive
     * @param value one value
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code value} is null
     */
    public Builder header(String name, String value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Adds every value of every header, after those already added.
     *
     * @param headers header name to its values, e.g. OkHttp's {@code Headers.toMultimap()}
     * @return this builder
     * @throws NullPointerException if {@code headers} is null
     */
    public Builder headers(Map<String, ? extends List<String>> headers) {
      requireNonNull(headers, "headers == null");
      headers.forEach((name, values) -> values.forEach(v -> header(name, v)));
      return this;
    }

    /**
     * The body as text: masked, then cut to {@value ErrorResponse#MAX_BODY_CHARS} characters at
     * {@link #build()}.
     *
     * @param body the body; null for none (the default, read back as empty)
     * @return this builder
     */
    public Builder body(String body) {
      this.body = body;
      return this;
    }

    /**
     * The request that failed; without it, the exception's message names no request.
     *
     * @param method its method
     * @param url its URL; user info and secret query values are masked at {@link #build()}
     * @return this builder
     * @throws NullPointerException if {@code method} or {@code url} is null
     */
    public Builder request(String method, String url) {
      this.method = requireNonNull(method, "method == null");
      this.url = requireNonNull(url, "url == null");
      return this;
    }

    /**
     * The response, every text in it masked.
     *
     * @return a new, immutable response
     */
    public ErrorResponse build() {

      return new ErrorResponse(this);
    }
  }
}
