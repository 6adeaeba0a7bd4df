package io.github.cloudify4j.client.errors;

/**
 * The manager answered with a success status but a body cloudify4j cannot use: not JSON, truncated, wrong types,
 * or missing a field the call needs. Never silently replaced by a default value.
 */
public class CloudifyInvalidResponseException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String method;
  private final String url;

  /**
   * An exception for an unusable success answer. The message gets {@code [status method url]} appended.
   *
   * @param message what was wrong with the body (which field, which type), never the body itself in full
   * @param statusCode the HTTP status the manager answered with (a 2xx)
   * @param method the request's method
   * @param url the request's URL, already masked (no user info, no secret query values)
   * @param cause the parse failure, or null
   */
  public CloudifyInvalidResponseException(String message, int statusCode, String method, String url,
      Throwable cause) {
    super(message + " [" + statusCode + " " + method + " " + url + "]", cause);
    this.statusCode = statusCode;
    this.method = method;
    this.url = url;
  }

  /**
   * The HTTP status of the unusable answer: a success status, since errors become
   * {@link CloudifyServiceException}.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The method of the request whose answer was unusable.
   *
   * @return {@code GET}, {@code PUT}, …
   */
  public String requestMethod() {
    return method;
  }

  /**
   * The URL of the request whose answer was unusable, masked as every URL cloudify4j reports.
   *
   * @return the URL without user info, secret query values masked
   */
  public String requestUrl() {

    return url;
  }
}
