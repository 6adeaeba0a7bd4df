package io.github.cloudify4j.client.errors;

/** 400 {@code bad_parameters_error}: the manager rejected the request's parameters. */
public class BadParametersException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public BadParametersException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
