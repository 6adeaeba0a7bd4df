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

  public CloudifyInvalidResponseException(String message, int statusCode, String method, String url,
      Throwable cause) {
    super(message + " [" + statusCode + " " + method + " " + url + "]", cause);
    this.statusCode = statusCode;
    this.method = method;
    this.url = url;
  }

  public int statusCode() {
    return statusCode;
  }

  public String requestMethod() {
    return method;
  }

  public String requestUrl() {
    return url;
  }
}
