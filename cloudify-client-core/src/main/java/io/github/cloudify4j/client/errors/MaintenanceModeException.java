package io.github.cloudify4j.client.errors;

/**
 * 503 because of maintenance mode. Not a transient failure: the manager stays this way until an operator acts,
 * so cloudify4j never retries it blindly.
 */
public class MaintenanceModeException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public MaintenanceModeException(int statusCode, String errorCode, String serverMessage, String serverTraceback,
      String method, String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
