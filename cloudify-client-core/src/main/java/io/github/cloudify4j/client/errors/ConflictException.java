package io.github.cloudify4j.client.errors;

/** 409 {@code conflict_error}: the resource exists already (e.g. a snapshot id). */
public class ConflictException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public ConflictException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
