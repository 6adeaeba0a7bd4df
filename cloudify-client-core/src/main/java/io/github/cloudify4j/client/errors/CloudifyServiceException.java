package io.github.cloudify4j.client.errors;

import io.github.cloudify4j.client.internal.Redaction;
import java.util.Optional;

/**
 * The manager answered with an HTTP error. Carries what the server said: the status, the Cloudify
 * {@code error_code} (e.g. {@code not_found_error}), its message and traceback, and the request that failed
 * (method and URL; never headers or bodies). Every text it carries is masked (passwords, tokens, credentials the
 * server echoed back), {@link #serverMessage()} and {@link #serverTraceback()} included.
 *
 * <p>Known error codes have their own subclass; an unknown code arrives as this type with {@link #errorCode()}
 * set, so callers can still test for it. Non-JSON answers (an nginx HTML 502, an empty 304) have no error code.
 */
public class CloudifyServiceException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  private final String serverMessage;
  private final String serverTraceback;
  private final String method;
  private final String url;

  public CloudifyServiceException(int statusCode, String errorCode, String serverMessage, String serverTraceback,
      String method, String url) {
    super(describe(statusCode, errorCode, serverMessage, method, url));
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.serverMessage = Redaction.redactText(serverMessage);
    this.serverTraceback = Redaction.redactText(serverTraceback);
    this.method = method;
    this.url = url;
  }

  private static String describe(int status, String code, String message, String method, String url) {
    StringBuilder sb = new StringBuilder().append(status);
    if (code != null) {
      sb.append(' ').append(code);
    }
    if (message != null && !message.isEmpty()) {
      sb.append(": ").append(message);
    }
    if (method != null) {
      sb.append(" [").append(method).append(' ').append(url).append(']');
    }
    return sb.toString();
  }

  /** The HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** The Cloudify {@code error_code}, absent when the body was not a Cloudify error (HTML, empty). */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The server's message, or a short excerpt of a non-JSON body. */
  public String serverMessage() {
    return serverMessage == null ? "" : serverMessage;
  }

  /** The Python traceback the REST service sent, if any (only 500s carry a useful one). */
  public Optional<String> serverTraceback() {
    return Optional.ofNullable(serverTraceback);
  }

  /** The method of the failed request. */
  public String requestMethod() {
    return method;
  }

  /** The URL of the failed request. */
  public String requestUrl() {
    return url;
  }
}
