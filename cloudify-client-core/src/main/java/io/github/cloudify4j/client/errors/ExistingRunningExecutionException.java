package io.github.cloudify4j.client.errors;

/** 400 {@code existing_running_execution_error}: a system workflow (snapshot create, restore) cannot start while other executions run; queue it or wait. */
public class ExistingRunningExecutionException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public ExistingRunningExecutionException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
