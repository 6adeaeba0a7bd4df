package io.github.cloudify4j.client.errors;

/**
 * The calling thread was interrupted (or the operation cancelled) while waiting. The interrupt flag is restored
 * before this is thrown.
 */
public class CloudifyInterruptedException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception for an interrupted wait. The thrower restores the thread's interrupt flag first.
   *
   * @param message what was being waited for
   * @param cause the {@link InterruptedException} (or cancellation) that ended the wait
   */
  public CloudifyInterruptedException(String message, Throwable cause) {

    super(message, cause);
  }
}
