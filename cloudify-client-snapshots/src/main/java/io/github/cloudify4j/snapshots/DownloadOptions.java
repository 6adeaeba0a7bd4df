package io.github.cloudify4j.snapshots;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.spi.Arguments;

/** How {@link Snapshots#download} writes the archive. */
public final class DownloadOptions {
  private static final DownloadOptions DEFAULTS = builder().build();

  private final boolean overwrite;
  private final boolean verifyZip;
  private final boolean sha256;
  private final int maxAttempts;
  private final TransferListener listener;

  private DownloadOptions(Builder b) {
    overwrite = b.overwrite;
    verifyZip = b.verifyZip;
    sha256 = b.sha256;
    maxAttempts = b.maxAttempts;
    listener = b.listener;
  }

  /** Never overwrite, no zip check, no checksum, 3 attempts (resuming where the server allows it), no listener. */
  public static DownloadOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean overwrite() {
    return overwrite;
  }

  public boolean verifyZip() {
    return verifyZip;
  }

  public boolean sha256() {
    return sha256;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public TransferListener listener() {
    return listener;
  }

  /** Builds {@link DownloadOptions}. */
  public static final class Builder {
    private boolean overwrite;
    private boolean verifyZip;
    private boolean sha256;
    private int maxAttempts = 3;
    private TransferListener listener = TransferListener.none();

    private Builder() {}

    /** Replace an existing file at the target (atomically). Off by default: an existing archive is kept. */
    public Builder overwrite(boolean overwrite) {
      this.overwrite = overwrite;
      return this;
    }

    /** Before moving into place, check that the file opens as a zip archive (its central directory reads). */
    public Builder verifyZip(boolean verifyZip) {
      this.verifyZip = verifyZip;
      return this;
    }

    /** Compute the archive's SHA-256 while writing it ({@link DownloadResult#sha256()}); costs CPU. */
    public Builder sha256(boolean sha256) {
      this.sha256 = sha256;
      return this;
    }

    /**
     * Attempts in all when the transfer breaks off; a retry resumes with a {@code Range} request when the server
     * honours it, and starts over otherwise. It waits between attempts as the client's {@code RetryPolicy} backs
     * off.
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Arguments.requireRange(maxAttempts, 1, 100, "maxAttempts");
      return this;
    }

    public Builder listener(TransferListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    public DownloadOptions build() {
      return new DownloadOptions(this);
    }
  }
}
