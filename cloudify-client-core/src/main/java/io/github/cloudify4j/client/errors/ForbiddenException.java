package io.github.cloudify4j.client.errors;

/** 403 {@code forbidden_error}: the user lacks the permission (snapshot operations are sys-admin only) or the tenant does not exist. */
public class ForbiddenException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
