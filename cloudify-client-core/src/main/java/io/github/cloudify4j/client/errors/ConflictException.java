package io.github.cloudify4j.client.errors;

/**
 * 409: the resource exists already (e.g. a snapshot id: {@code conflict_error}), or another conflict
 * ({@code storage_error} for a duplicate key, {@code ambiguous_name}; see {@link #errorCode()}).
 */
public class ConflictException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public ConflictException(ErrorResponse response) {
    super(response);
  }
}
