package io.github.cloudify4j.client.errors;

/** 304: the manager had nothing to change (maintenance mode already on or already off). */
public class NotModifiedException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public NotModifiedException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
