package io.github.cloudify4j.snapshots;

/**
 * Progress of an archive transfer. Called on the transferring thread after each chunk (about every 256 KiB): keep
 * it fast. {@code bytesDone} only grows within one attempt; a retried transfer calls {@link #onRestart()} first.
 */
@FunctionalInterface
public interface TransferListener {

  /** {@code totalBytes} is -1 when the server did not say (no {@code Content-Length}). */
  void onProgress(long bytesDone, long totalBytes);

  /** The transfer starts over (a retry after a failure); {@code bytesDone} restarts from {@code resumedAt}. */
  default void onRestart(long resumedAt) {
  }

  static TransferListener none() {
    return (done, total) -> { };
  }
}
