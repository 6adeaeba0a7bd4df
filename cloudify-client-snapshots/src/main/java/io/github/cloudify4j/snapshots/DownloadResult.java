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

  public DownloadResult(Path path, long bytes, String sha256, Duration duration, int attempts) {
    this.path = path;
    this.bytes = bytes;
    this.sha256 = sha256;
    this.duration = duration;
    this.attempts = attempts;
  }

  public Path path() {
    return path;
  }

  public long bytes() {
    return bytes;
  }

  /** Lower-case hex SHA-256 of the archive, when {@link DownloadOptions.Builder#sha256(boolean)} asked for it. */
  public Optional<String> sha256() {
    return Optional.ofNullable(sha256);
  }

  public Duration duration() {
    return duration;
  }

  public int attempts() {
    return attempts;
  }

  @Override
  public String toString() {
    return "DownloadResult{path=" + path + ", bytes=" + bytes + ", sha256=" + sha256 + ", duration=" + duration
        + ", attempts=" + attempts + "}";
  }
}
