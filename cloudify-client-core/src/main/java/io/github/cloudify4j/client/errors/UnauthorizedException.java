package io.github.cloudify4j.client.errors;

/** 401 {@code unauthorized_error}: missing, wrong or expired credentials. After a legacy restore the admin credentials are those of the snapshot's manager. */
public class UnauthorizedException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
