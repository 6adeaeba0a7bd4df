package io.github.cloudify4j.client.errors;

/** 400 {@code snapshot_action_error}: the snapshot cannot be downloaded, restored or deleted in its state (e.g. {@code failed}). */
public class SnapshotActionException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for this answer; in tests, {@link ErrorResponse#toException()} picks the type as the client does.
   *
   * @param response what the manager answered (already masked); its status and {@code error_code} are not checked
   *     against this type
   * @throws NullPointerException if {@code response} is null
   */
  public SnapshotActionException(ErrorResponse response) {
    super(response);
  }
}
