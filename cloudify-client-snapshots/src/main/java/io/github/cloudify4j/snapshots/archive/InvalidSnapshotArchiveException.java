package io.github.cloudify4j.snapshots.archive;

import io.github.cloudify4j.client.errors.CloudifyException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

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
 * as {@link io.github.cloudify4j.client.errors.CloudifyLocalIoException} instead: there the archive may well be
 * fine.
 */
public class InvalidSnapshotArchiveException extends CloudifyException {

  private static final long serialVersionUID = 1L;

  private final transient Path archive;
  private final String reason;
  private final ArchiveProblem.Code code;

  /**
   * Creates the exception.
   *
   * @param archive the archive that was read
   * @param reason what is wrong with it, as a sentence fragment
   * @param cause the underlying parser or zip error, may be null
   */
  public InvalidSnapshotArchiveException(Path archive, String reason, Throwable cause) {
    this(archive, null, reason, cause);
  }

  /**
   * Creates the exception with the kind of problem, for programs that react to particular ones.
   *
   * @param archive the archive that was read
   * @param code the kind of problem, may be null
   * @param reason what is wrong with it, as a sentence fragment
   * @param cause the underlying parser or zip error, may be null
   */
  public InvalidSnapshotArchiveException(Path archive, ArchiveProblem.Code code, String reason, Throwable cause) {
    super("Not a valid Cloudify snapshot archive: " + Objects.requireNonNull(archive, "archive == null")
        + ": " + Objects.requireNonNull(reason, "reason == null")
        + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
    this.archive = archive;
    this.reason = reason;
    this.code = code;
  }

  /**
   * Returns the kind of problem when it has one: {@link ArchiveProblem.Code#MALFORMED_ZIP},
   * {@link ArchiveProblem.Code#OVERLAPPING_ENTRIES}, {@link ArchiveProblem.Code#TOO_MANY_ENTRIES},
   * {@link ArchiveProblem.Code#INFLATES_TOO_MUCH}, {@link ArchiveProblem.Code#METADATA_TOO_LARGE}.
    *
    * @return the code, or empty for a plain read failure
   */
  public Optional<ArchiveProblem.Code> code() {
    return Optional.ofNullable(code);
  }

  /**
   * Returns the archive that could not be read.
   *
   * @return the path that was inspected
   */
  public Path archive() {
    return archive;
  }

  /**
   * Returns what is wrong with it, without the file name.
   *
   * @return the reason, e.g. that the central directory is missing
   */
  public String reason() {
    return reason;
  }
}
