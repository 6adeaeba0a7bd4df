package io.github.cloudify4j.client.errors;

/** 401 ({@code unauthorized_error} or another 401 code): missing, wrong or expired credentials. After a legacy restore the admin credentials are those of the snapshot's manager. */
public class UnauthorizedException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public UnauthorizedException(ErrorResponse response) {
    super(response);
  }
}
