package io.github.cloudify4j.client.errors;

/**
 * 404: no such resource ({@code not_found_error}), no such route (an HTML page from the REST service or nginx), or
 * another 404 code ({@code deployment_parent_not_found_error}, {@code community_only_error} …; see
 * {@link #errorCode()}). A community manager's premium-only endpoint is the subtype
 * {@link PremiumFeatureRequiredException}.
 */
public class NotFoundException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public NotFoundException(ErrorResponse response) {
    super(response);
  }
}
