package io.github.cloudify4j.client.errors;

/**
 * 404 {@code missing_premium_package_error}: a community-edition manager does not serve this endpoint ("This
 * feature exists only in the premium edition of Cloudify": {@code /users}, {@code /user-groups},
 * {@code /license}, the cluster status …). Not a transient failure and not a missing resource of yours: the
 * edition decides. It is a {@link NotFoundException}, as every 404 is, so catch this type first where the two mean
 * different things (a {@code find} that turns "not found" into "absent" must not hide it).
 */
public class PremiumFeatureRequiredException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public PremiumFeatureRequiredException(ErrorResponse response) {
    super(response);
  }
}
