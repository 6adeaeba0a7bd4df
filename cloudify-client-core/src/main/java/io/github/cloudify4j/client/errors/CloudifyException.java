package io.github.cloudify4j.client.errors;

import io.github.cloudify4j.client.internal.Redaction;

/**
 * The root of every exception cloudify4j throws (besides {@link IllegalArgumentException} and
 * {@link NullPointerException} for bad arguments, which are thrown before anything is sent).
 *
 * <p>All are unchecked. Catch a subtype to act on one case ({@link NotFoundException},
 * {@link MaintenanceModeActiveException}, {@link CloudifyTransportException} …), or this type to catch all.
 * Messages never contain credentials, tokens or passwords: whatever a subclass or module builds its message from
 * (server text included), the message is masked here, once more, by the same function as everything else.
 */
public class CloudifyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CloudifyException(String message) {
    super(Redaction.redactText(message));
  }

  public CloudifyException(String message, Throwable cause) {
    super(Redaction.redactText(message), cause);
  }
}
