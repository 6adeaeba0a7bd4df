package io.github.cloudify4j.client.errors;

/** 500 {@code internal_server_error}: an unhandled error in the REST service; {@link #serverTraceback()} says where. */
public class InternalServerErrorException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public InternalServerErrorException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
