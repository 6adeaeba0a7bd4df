package io.github.cloudify4j.client.errors;

/** 500 ({@code internal_server_error} or another 500 code): an unhandled error in the REST service; {@link #serverTraceback()} says where. */
public class InternalServerErrorException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public InternalServerErrorException(ErrorResponse response) {
    super(response);
  }
}
