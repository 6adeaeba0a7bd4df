package io.github.cloudify4j.client.errors;

/** 502, 503 or 504 without a maintenance error code (none, or e.g. {@code in_snapshot_restore_error}, {@code insufficient_memory_error}): the REST service or its proxy is not answering (restarting during a restore, overloaded). Safe requests are retried before this is thrown. */
public class ServerUnavailableException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public ServerUnavailableException(ErrorResponse response) {
    super(response);
  }
}
