package io.github.cloudify4j.snapshots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A completed download: where the archive is, its size and SHA-256, how long it took, how many attempts. */
public final class DownloadResult {
  private final Path path;
  private final long bytes;
  private final String sha256;
  private final Duration duration;
  private final int attempts;

  /**
   * A result; made by the download, public so that a test can stand one in.
   *
   * @param path the complete archive
   * @param bytes its size in bytes
   * @param sha256 its lower-case hex SHA-256, or null when not computed
   * @param duration how long the download took, retries included
   * @param attempts how many requests it took, 1 or more
   */
  public DownloadResult(Path path, long bytes, String sha256, Duration duration, int attempts) {
    this.path = path;
    this.bytes = bytes;
    this.sha256 = sha256;
    this.duration = duration;
    this.attempts = attempts;
  }

  /**
   * Where the archive is: the target asked for, written in full (a failed download leaves no file there).
   *
   * @return the archive's path
   */
  public Path path() {
    return path;
  }

  /**
   * The archive's size.
   *
   * @return bytes written, 0 or more
   */
  public long bytes() {
    return bytes;
  }

  /**
   * Lower-case hex SHA-256 of the archive, when {@link DownloadOptions.Builder#sha256(boolean)} asked for it:
   * computed while writing, so checking it costs no second read of the file.
   *
   * @return 64 hex characters, or empty
   */
  public Optional<String> sha256() {
    return Optional.ofNullable(sha256);
  }

  /**
   * How long the download took, on the client's clock, from the first request to the last byte, retries and
   * their waits included.
   *
   * @return the duration
   */
  public Duration duration() {
    return duration;
  }

  /**
   * How many requests the download took: more than 1 means it was resumed or restarted after a failure.
   *
   * @return 1 or more
   */
  public int attempts() {

    return attempts;
  }

  @Override
  public String toString() {
    return "DownloadResult{path=" + path + ", bytes=" + bytes + ", sha256=" + sha256 + ", duration=" + duration
        + ", attempts=" + attempts + "}";
  }
}
