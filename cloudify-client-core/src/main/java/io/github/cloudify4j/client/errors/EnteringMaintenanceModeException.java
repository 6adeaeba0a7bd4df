package io.github.cloudify4j.client.errors;

/**
 * 503 {@code entering_maintenance_mode}: maintenance mode is {@code activating} (executions still run), and the
 * request would start work: snapshot create or restore, an execution, a deployment. Wait until it is
 * {@code activated}.
 */
public class EnteringMaintenanceModeException extends MaintenanceModeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public EnteringMaintenanceModeException(ErrorResponse response) {
    super(response);
  }
}
