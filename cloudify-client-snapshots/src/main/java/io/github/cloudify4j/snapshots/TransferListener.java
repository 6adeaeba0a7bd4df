package io.github.cloudify4j.snapshots;

/**
 * Progress of an archive transfer. Called on the transferring thread after each chunk (about every 256 KiB): keep
 * it fast. {@code bytesDone} only grows within one attempt; a retried transfer calls {@link #onRestart(long)} first.
 */
@FunctionalInterface
public interface TransferListener {

  /**
   * Bytes transferred so far.
   *
   * @param bytesDone bytes transferred, counted from the start of the archive (a resumed download continues from
   *     what it kept)
   * @param totalBytes the archive's size, or -1 when the server did not say (no {@code Content-Length})
   */
  void onProgress(long bytesDone, long totalBytes);

  /**
   * The transfer starts over (a retry after a failure); {@code bytesDone} restarts from {@code resumedAt}. Does
   * nothing by default.
   *
   * @param resumedAt bytes kept from the failed attempt: 0 when starting from the beginning, more when a download
   *     resumes with a range request
   */
  default void onRestart(long resumedAt) {
  }

  /**
   * A listener that ignores progress: the default of every transfer.
   *
   * @return a listener that does nothing
   */
  static TransferListener none() {

    return (done, total) -> { };
  }
}
