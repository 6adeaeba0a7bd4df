package io.github.cloudify4j.client.errors;

/** 404 {@code not_found_error}: no such resource. */
public class NotFoundException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
