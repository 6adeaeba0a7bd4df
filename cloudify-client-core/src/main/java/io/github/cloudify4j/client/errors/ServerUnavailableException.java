package io.github.cloudify4j.client.errors;

/** 502, 503 or 504 without a maintenance error code: the REST service or its proxy is not answering (restarting during a restore, overloaded). Safe requests are retried before this is thrown. */
public class ServerUnavailableException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public ServerUnavailableException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
