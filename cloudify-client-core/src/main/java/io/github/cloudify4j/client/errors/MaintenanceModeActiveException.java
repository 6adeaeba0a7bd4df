package io.github.cloudify4j.client.errors;

/**
 * 503 {@code maintenance_mode_active}: maintenance mode is {@code activated} and the endpoint is not on its
 * allow-list (executions, events, tokens, tenants, users … are blocked; snapshots and snapshot-status are not).
 * A sys-admin can pass with {@code RequestOptions.builder().bypassMaintenance(true)}.
 */
public class MaintenanceModeActiveException extends MaintenanceModeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public MaintenanceModeActiveException(ErrorResponse response) {
    super(response);
  }
}
