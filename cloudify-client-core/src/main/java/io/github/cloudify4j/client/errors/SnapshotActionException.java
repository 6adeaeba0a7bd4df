package io.github.cloudify4j.client.errors;

/** 400 {@code snapshot_action_error}: the snapshot cannot be downloaded, restored or deleted in its state (e.g. {@code failed}). */
public class SnapshotActionException extends CloudifyServiceException {
  private static final long serialVersionUID = 1L;

  public SnapshotActionException(int statusCode, String errorCode, String serverMessage, String serverTraceback, String method,
      String url) {
    super(statusCode, errorCode, serverMessage, serverTraceback, method, url);
  }
}
