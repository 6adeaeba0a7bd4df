package io.github.cloudify4j.snapshots;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.spi.Arguments;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How {@link Snapshots#download} writes the archive.
 *
 * <p>By default a download is checked as what it claims to be, because a file named {@code x.zip} that is a
 * proxy's login page, or half an archive, is worse than no file: the answer must have an archive content type
 * ({@code application/octet-stream}, as every manager sends, or a zip type), a well-formed {@code Content-Length}
 * if any, a size that fits the limit, and the file must end with a zip's central directory consistent with its
 * length. Each check can be turned off for servers that need it.
 *
 * <p>An immutable value: {@link #toBuilder()} copies it to change one option; {@link #equals(Object)} compares
 * every option (the listener by its own {@code equals}, usually identity).
 */
public final class DownloadOptions {
  /** One instance, so that options built without a listener are equal. */
  private static final TransferListener NO_LISTENER = TransferListener.none();
  private static final DownloadOptions DEFAULTS = builder().build();

  private final boolean overwrite;
  private final boolean verifyZip;
  private final boolean checkContentType;
  private final long maxBytes;
  private final boolean sha256;
  private final int maxAttempts;
  private final TransferListener listener;

  private DownloadOptions(Builder b) {
    overwrite = b.overwrite;
    verifyZip = b.verifyZip;
    checkContentType = b.checkContentType;
    maxBytes = b.maxBytes;
    sha256 = b.sha256;
    maxAttempts = b.maxAttempts;
    listener = b.listener;
  }

  /**
   * Never overwrite; zip and content type checked; at most the target file store's usable space less a margin;
   * no checksum; 3 attempts (resuming where the server allows it); no listener.
   *
   * @return the shared default options
   */
  public static DownloadOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder that starts from {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with every option of this one} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.overwrite = overwrite;
    b.verifyZip = verifyZip;
    b.checkContentType = checkContentType;
    b.maxBytes = maxBytes;
    b.sha256 = sha256;
    b.maxAttempts = maxAttempts;
    b.listener = listener;
    return b;
  }

  /** {@return whether an existing file at the target is replaced (see {@link Builder#overwrite(boolean)})} */
  public boolean overwrite() {
    return overwrite;
  }

  /** {@return whether the file is checked to be a whole zip (see {@link Builder#verifyZip(boolean)})} */
  public boolean verifyZip() {
    return verifyZip;
  }

  /** {@return whether the answer's content type is checked (see {@link Builder#checkContentType(boolean)})} */
  public boolean checkContentType() {
    return checkContentType;
  }

  /** {@return the most bytes the archive may have, if set; empty means "what the target's file store has room for"} */
  public OptionalLong maxBytes() {
    return maxBytes > 0 ? OptionalLong.of(maxBytes) : OptionalLong.empty();
  }

  /** {@return whether a SHA-256 of the archive is computed (see {@link Builder#sha256(boolean)})} */
  public boolean sha256() {
    return sha256;
  }

  /**
   * Attempts in all when the transfer breaks off (see {@link Builder#maxAttempts(int)}).
   *
   * @return at least 1; default 3
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Told of the transfer's progress; {@link TransferListener#none()} by default.
   *
   * @return the listener
   */
  public TransferListener listener() {
    return listener;
  }

  /** Equal when every option is equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DownloadOptions)) {
      return false;
    }
    DownloadOptions other = (DownloadOptions) o;
    return overwrite == other.overwrite && verifyZip == other.verifyZip
        && checkContentType == other.checkContentType && maxBytes == other.maxBytes && sha256 == other.sha256
        && maxAttempts == other.maxAttempts && listener.equals(other.listener);
  }

  /** A hash of every option, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(overwrite, verifyZip, checkContentType, maxBytes, sha256, maxAttempts, listener);
  }

  /** The options, for logs. */
  @Override
  public String toString() {
    return "DownloadOptions{overwrite=" + overwrite + ", verifyZip=" + verifyZip + ", checkContentType="
        + checkContentType + ", maxBytes=" + (maxBytes > 0 ? String.valueOf(maxBytes) : "free space")
        + ", sha256=" + sha256 + ", maxAttempts=" + maxAttempts + "}";
  }

  /** Builds {@link DownloadOptions}. */
  public static final class Builder {
    private boolean overwrite;
    private boolean verifyZip = true;
    private boolean checkContentType = true;
    private long maxBytes;
    private boolean sha256;
    private int maxAttempts = 3;
    private TransferListener listener = NO_LISTENER;

    private Builder() {}

    /**
     * Replace an existing file at the target (atomically). Off by default: an existing archive is kept.
     *
     * @param overwrite true to replace an existing file; default false
     * @return this builder
     */
    public Builder overwrite(boolean overwrite) {
      this.overwrite = overwrite;
      return this;
    }

    /**
     * Before moving the file into place, check that it ends with a zip's end-of-central-directory record and that
     * the central directory it points to lies where the file's length says, entry after entry: a body cut short
     * (which a server that sends no {@code Content-Length} cannot be caught at) or an error page fails this. On by
     * default; reads only the central directory, not the data. Failing it is an
     * {@link io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException} and nothing is left on disk.
     *
     * @param verifyZip false to skip the check; default true
     * @return this builder
     */
    public Builder verifyZip(boolean verifyZip) {
      this.verifyZip = verifyZip;
      return this;
    }

    /**
     * Refuse an answer whose {@code Content-Type} is not an archive type: {@code application/octet-stream} (what
     * every manager sends, through nginx or not), {@code binary/octet-stream}, {@code application/zip},
     * {@code application/x-zip-compressed}, {@code application/x-zip}. An answer without the header passes (the zip
     * check still applies). On by default: a {@code 200 text/html} login page of a proxy is a
     * {@link DownloadRefusedException}, before a byte is written.
     *
     * @param checkContentType false to accept any content type; default true
     * @return this builder
     */
    public Builder checkContentType(boolean checkContentType) {
      this.checkContentType = checkContentType;
      return this;
    }

    /**
     * The most bytes the archive may have. An announced {@code Content-Length} over it is refused before anything
     * is written; a body without one is cut off once it passes the limit. Either way it is a
     * {@link io.github.cloudify4j.client.errors.ResponseTooLargeException} and nothing is left on disk. By default
     * the limit is the usable space of the target's file store when the download starts, less a margin (5 % of
     * the store, between 64 MiB and 1 GiB) so that a download never fills the disk; when the file store does not
     * say, there is none.
     *
     * @param maxBytes the limit in bytes, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Compute the archive's SHA-256 while writing it ({@link DownloadResult#sha256()}); costs CPU.
     *
     * @param sha256 true to compute it; default false
     * @return this builder
     */
    public Builder sha256(boolean sha256) {
      this.sha256 = sha256;
      return this;
    }

    /**
     * Attempts in all when the transfer breaks off; a retry resumes with a {@code Range} request when the server
     * honours it, and starts over otherwise. It waits between attempts as the client's {@code RetryPolicy} backs
     * off.
     *
     * @param maxAttempts 1 (no retry) to 100; default 3
     * @return this builder
     * @throws IllegalArgumentException when it is outside 1..100
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Arguments.requireRange(maxAttempts, 1, 100, "maxAttempts");
      return this;
    }

    /**
     * Told of the transfer's progress (bytes so far, total if known); {@link TransferListener#none()} by default.
     *
     * @param listener the listener; called on the downloading thread, keep it fast
     * @return this builder
     * @throws NullPointerException when {@code listener} is null
     */
    public Builder listener(TransferListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /** {@return the options} */
    public DownloadOptions build() {
      return new DownloadOptions(this);
    }
  }
}
