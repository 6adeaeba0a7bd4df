package io.github.cloudify4j.client.errors;

/** 403 ({@code forbidden_error} or another 403 code such as {@code forbidden_while_cancelling}): the user lacks the permission (snapshot operations are sys-admin only) or the tenant does not exist. */
public class ForbiddenException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public ForbiddenException(ErrorResponse response) {
    super(response);
  }
}
