package io.github.cloudify4j.client.errors;

/**
 * 400: the manager refused the request as sent. Known codes have a subtype ({@link BadParametersException},
 * {@link ExistingRunningExecutionException}, {@link SnapshotActionException}); any other 400 code
 * ({@code illegal_action_error}, {@code invalid_exception_status_update} …) or a 400 page without one arrives as
 * this type, the code in {@link #errorCode()}.
 */
public class BadRequestException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public BadRequestException(ErrorResponse response) {
    super(response);
  }
}
