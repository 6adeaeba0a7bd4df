package io.github.cloudify4j.snapshots.archive;

import java.util.Objects;

/**
 * One reason a snapshot archive should not (or cannot) be restored on a given manager, found
 * locally by {@link RestoreChecks#checkRestorable}. The {@link #message()} is a complete sentence
 * for a human: what is wrong, why it matters, and what to do.
 */
public final class ArchiveProblem {

  /** What kind of problem this is; stable, for programs that react to particular problems. */
  public enum Code {
    /** The zip does not look like anything a Cloudify manager writes. */
    NOT_A_SNAPSHOT,
    /** {@code metadata.json} has no usable {@code snapshot_version}; every manager needs it. */
    VERSION_MISSING,
    /** The snapshot comes from a newer manager than the target. */
    SNAPSHOT_NEWER_THAN_MANAGER,
    /** The snapshot comes from a manager older than 4.0, which no current manager restores. */
    SNAPSHOT_TOO_OLD,
    /** A legacy (database dump) snapshot on a Kubernetes / split-services manager. */
    LEGACY_ON_KUBERNETES,
    /**
     * A legacy snapshot whose metadata lacks one of the three schema revisions: a 7.x manager
     * would take it for a new-format snapshot and restore nothing.
     */
    LEGACY_METADATA_INCOMPLETE,
    /**
     * A new-format tenant folder has files but no directory entry: a 7.x manager finds tenants
     * only through directory entries and would silently skip that tenant's data.
     */
    TENANT_DIRECTORY_ENTRY_MISSING,
    /**
     * The file is not a whole zip: no end record, a central directory that is cut, padded or disagrees with
     * itself. Carried by {@link InvalidSnapshotArchiveException#code()}.
     */
    MALFORMED_ZIP,
    /**
     * Two entries of the zip share their data (a zip bomb's trick: one large compressed member read once per
     * entry). No zip tool writes this. Carried by {@link InvalidSnapshotArchiveException#code()}.
     */
    OVERLAPPING_ENTRIES,
    /**
     * The zip has more entries, or a larger central directory, than an inspection reads
     * ({@link SnapshotArchive#MAX_ENTRIES}, {@link SnapshotArchive#MAX_CENTRAL_DIRECTORY_BYTES}). Carried by
     * {@link InvalidSnapshotArchiveException#code()}.
     */
    TOO_MANY_ENTRIES,
    /**
     * The files an inspection reads inflate to more than {@link SnapshotArchive#INFLATE_RATIO} times the archive's
     * size (and {@link SnapshotArchive#MIN_INFLATE_BUDGET}): far beyond what JSON compresses to, so a compression
     * bomb. Carried by {@link InvalidSnapshotArchiveException#code()}.
     */
    INFLATES_TOO_MUCH,
    /**
     * {@code metadata.json} or {@code agents.json} is far larger than a manager writes, or names more than
     * {@link SnapshotArchive#MAX_TENANTS} tenants. Carried by {@link InvalidSnapshotArchiveException#code()}.
     */
    METADATA_TOO_LARGE
  }

  private final Code code;
  private final String message;

  private ArchiveProblem(Code code, String message) {
    this.code = code;
    this.message = message;
  }

  /**
   * Creates a problem.
   *
   * @param code the kind of problem
   * @param message a self-explaining sentence
   * @return the problem
   */
  public static ArchiveProblem of(Code code, String message) {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(message, "message == null");
    if (message.trim().isEmpty()) {
      throw new IllegalArgumentException("message is blank");
    }
    return new ArchiveProblem(code, message);
  }

  /**
   * Returns the kind of problem.
   *
   * @return the code; switch on it rather than on the message
   */
  public Code code() {
    return code;
  }

  /**
   * Returns the explanation, a complete sentence naming what to do.
   *
   * @return the message, never blank
   */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ArchiveProblem)) {
      return false;
    }
    ArchiveProblem that = (ArchiveProblem) o;
    return code == that.code && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, message);
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
