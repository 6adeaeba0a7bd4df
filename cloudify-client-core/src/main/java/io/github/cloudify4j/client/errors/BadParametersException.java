package io.github.cloudify4j.client.errors;

/** 400 {@code bad_parameters_error}: the manager rejected the request's parameters. */
public class BadParametersException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public BadParametersException(ErrorResponse response) {
    super(response);
  }
}
