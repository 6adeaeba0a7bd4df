package io.github.cloudify4j.client.errors;

/** 304: the manager had nothing to change (maintenance mode already on or already off). */
public class NotModifiedException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /** An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does. */
  public NotModifiedException(ErrorResponse response) {
    super(response);
  }
}
