package io.github.cloudify4j.snapshots.backup;

/** A failure of a backup step with a message of ours (the step is added by the runner). */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Refusal(String message) {
    super(message);
  }

  Refusal(String message, Throwable cause) {
    super(message, cause);
  }
}
