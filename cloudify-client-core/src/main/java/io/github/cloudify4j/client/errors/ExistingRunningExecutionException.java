package io.github.cloudify4j.client.errors;

/** 400 {@code existing_running_execution_error}: a system workflow (snapshot create, restore) cannot start while other executions run; queue it or wait. */
public class ExistingRunningExecutionException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public ExistingRunningExecutionException(ErrorResponse response) {
    super(response);
  }
}
