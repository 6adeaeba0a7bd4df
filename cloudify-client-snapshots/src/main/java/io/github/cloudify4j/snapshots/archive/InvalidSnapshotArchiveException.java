package io.github.cloudify4j.snapshots.archive;

import io.github.cloudify4j.client.errors.CloudifyException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The file is not a readable Cloudify snapshot archive: not a zip, a truncated or empty zip, a zip
 * without {@code metadata.json}, or a snapshot whose metadata or entity dump files are not the
 * JSON a manager writes.
 *
 * <p>Thrown before anything touches a manager, so the right reaction is to fix or replace the
 * local file (download it again, check the transfer), not to retry the restore. The message names
 * the file and what is wrong with it.
 *
 * <p>Problems with the file system itself (the file does not exist, cannot be read) are reported
 * as {@link java.io.UncheckedIOException} instead: there the archive may well be fine.
 */
public class InvalidSnapshotArchiveException extends CloudifyException {

  private static final long serialVersionUID = 1L;

  private final transient Path archive;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param archive the archive that was read
   * @param reason what is wrong with it, as a sentence fragment
   * @param cause the underlying parser or zip error, may be null
   */
  public InvalidSnapshotArchiveException(Path archive, String reason, Throwable cause) {
    super("Not a valid Cloudify snapshot archive: " + Objects.requireNonNull(archive, "archive == null")
        + ": " + Objects.requireNonNull(reason, "reason == null")
        + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
    this.archive = archive;
    this.reason = reason;
  }

  /** Returns the archive that could not be read. */
  public Path archive() {
    return archive;
  }

  /** Returns what is wrong with it, without the file name. */
  public String reason() {
    return reason;
  }
}
