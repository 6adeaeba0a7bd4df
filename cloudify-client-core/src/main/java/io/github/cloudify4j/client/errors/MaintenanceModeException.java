package io.github.cloudify4j.client.errors;

/**
 * 503 because of maintenance mode. Not a transient failure: the manager stays this way until an operator acts,
 * so cloudify4j never retries it blindly.
 */
public class MaintenanceModeException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public MaintenanceModeException(ErrorResponse response) {
    super(response);
  }
}
