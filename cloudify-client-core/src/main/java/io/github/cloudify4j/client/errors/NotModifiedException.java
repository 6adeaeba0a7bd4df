package io.github.cloudify4j.client.errors;

/** 304: the manager had nothing to change (maintenance mode already on or already off). */
public class NotModifiedException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public NotModifiedException(ErrorResponse response) {
    super(response);
  }
}
