package io.github.cloudify4j.client.errors;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manager answered with an HTTP error. Carries what the server said ({@link #response()}): the status, the
 * Cloudify {@code error_code} (e.g. {@code not_found_error}), its message and traceback, the response headers and
 * the start of the body, and the request that failed (method and URL). Every text it carries is masked
 * (passwords, tokens, cookies, credentials the server echoed back).
 *
 * <p>The type says what happened, chosen by the {@code error_code} first and by the HTTP status when the code is
 * absent or not one the client knows: every 404 is a {@link NotFoundException}, every 409 a
 * {@link ConflictException}, every 400 a {@link BadRequestException}, every 401, 403 and 500 their type, every
 * 502, 503 and 504 without a maintenance code a {@link ServerUnavailableException}. Other statuses with an
 * unknown code arrive as this type. {@link #errorCode()} is always the code the server sent.
 *
 * <p>To construct one in a test, build an {@link ErrorResponse} and call {@link ErrorResponse#toException()} (the
 * type the client would choose) or a subclass's constructor.
 */
public class CloudifyServiceException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final ErrorResponse response;

  /**
   * An exception for this answer; prefer {@link ErrorResponse#toException()}, which picks the type.
   *
   * @param response what the manager answered (already masked)
   * @throws NullPointerException if {@code response} is null
   */
  public CloudifyServiceException(ErrorResponse response) {
    super(describe(requireNonNull(response, "response == null")));
    this.response = response;
  }

  private static String describe(ErrorResponse r) {
    StringBuilder sb = new StringBuilder().append(r.statusCode());
    r.errorCode().ifPresent(code -> sb.append(' ').append(code));
    if (!r.serverMessage().isEmpty()) {
      sb.append(": ").append(r.serverMessage());
    }
    if (r.requestMethod() != null) {
      sb.append(" [").append(r.requestMethod()).append(' ').append(r.requestUrl()).append(']');
    }
    return sb.toString();
  }

  /**
   * Everything the manager answered, masked.
   *
   * @return the response this exception was made from
   */
  public ErrorResponse response() {
    return response;
  }

  /**
   * The HTTP status.
   *
   * @return the status, e.g. 404
   */
  public int statusCode() {
    return response.statusCode();
  }

  /**
   * The Cloudify {@code error_code}, absent when the body was not a Cloudify error (HTML, empty). Match on it
   * rather than on the message, which the server may reword.
   *
   * @return the code as sent, known to the client or not
   */
  public Optional<String> errorCode() {
    return response.errorCode();
  }

  /**
   * The server's message, or a short excerpt of a non-JSON body.
   *
   * @return the masked message, never null
   */
  public String serverMessage() {
    return response.serverMessage();
  }

  /**
   * The Python traceback the REST service sent, if any (only 500s carry a useful one).
   *
   * @return the masked traceback, or empty
   */
  public Optional<String> serverTraceback() {
    return response.serverTraceback();
  }

  /**
   * The response headers, names case-insensitive, secret values masked.
   *
   * @return header name to values, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /**
   * The start of the body as text, masked, at most {@value ErrorResponse#MAX_BODY_CHARS} characters.
   *
   * @return the body excerpt, never null
   */
  public String body() {
    return response.body();
  }

  /**
   * The method of the failed request.
   *
   * @return {@code GET}, {@code PUT}, … or null when the response was built without a request
   */
  public String requestMethod() {
    return response.requestMethod();
  }

  /**
   * The URL of the failed request (no user info, secret query values masked).
   *
   * @return the masked URL, or null when the response was built without a request
   */

  public String requestUrl() {
    return response.requestUrl();
  }
}
