package io.github.cloudify4j.client.errors;

import io.github.cloudify4j.client.internal.Redaction;

/**
 * The root of every exception cloudify4j throws for what happens at run time. One rule:
 * <ul>
 *   <li>everything caused by the server ({@link CloudifyServiceException}, {@link CloudifyInvalidResponseException}),
 *       the network ({@link CloudifyTransportException}), the local file system ({@link CloudifyLocalIoException}),
 *       a wait ({@link WaitException}) or an interruption ({@link CloudifyInterruptedException}) is a
 *       {@code CloudifyException};</li>
 *   <li>programming errors are the JDK's: {@link NullPointerException} for a null argument (the message names it:
 *       {@code "snapshotId == null"}), {@link IllegalArgumentException} for a value that is wrong whatever the
 *       environment (a malformed id, a negative length, a relative URL; thrown before anything is sent), and
 *       {@link IllegalStateException} for a builder missing a required setting at {@code build()} or a one-shot
 *       object used twice.</li>
 * </ul>
 * A file that is missing, unreadable or already there is the environment's state, not the argument's fault: a
 * {@link CloudifyLocalIoException}, still found before anything is sent.
 *
 * <p>All are unchecked. Catch a subtype to act on one case ({@link NotFoundException},
 * {@link MaintenanceModeActiveException}, {@link CloudifyTransportException} …), or this type to catch all.
 * Messages never contain credentials, tokens or passwords: whatever a subclass or module builds its message from
 * (server text included), the message is masked here, once more, by the same function as everything else.
 */
public class CloudifyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with this message, masked before it is stored: a credential in it never reaches a log.
   *
   * @param message what happened, for a person; may quote server text
   */
  public CloudifyException(String message) {
    super(Redaction.redactText(message));
  }

  /**
   * An exception with this message (masked before it is stored) and the failure that caused it.
   *
   * @param message what happened, for a person; may quote server text
   * @param cause the underlying failure, or null; its own message is not masked here
   */
  public CloudifyException(String message, Throwable cause) {

    super(Redaction.redactText(message), cause);
  }
}
