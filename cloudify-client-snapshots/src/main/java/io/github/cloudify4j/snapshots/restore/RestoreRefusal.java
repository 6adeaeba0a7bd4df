package io.github.cloudify4j.snapshots.restore;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.snapshots.archive.ArchiveProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Why a restore refused to go on, as a {@link Code} to decide on and a message to show. Refusals happen before the
 * restore starts changing the manager's data (the manager's own refusal of the restore request included); code on
 * {@link #code()}, never on {@link #message()}, whose wording may change.
 */
public final class RestoreRefusal {
  /** The kinds of refusal. */
  public enum Code {
    /** More than one manager node is configured and {@code confirmOtherNodesStopped(true)} was not given. */
    CLUSTER_NOT_CONFIRMED,
    /** The archive to upload is not a readable file. */
    ARCHIVE_NOT_READABLE,
    /** The archive cannot be restored on this manager (newer than it, or legacy on Kubernetes): see {@link
     * #archiveProblems()}. */
    ARCHIVE_NOT_RESTORABLE,
    /** Another snapshot's restore is running on the manager. */
    ANOTHER_RESTORE_RUNNING,
    /** {@code latestRestorableSnapshot()} found no created or uploaded snapshot. */
    NO_RESTORABLE_SNAPSHOT,
    /** The snapshot id to upload exists and the policy is {@link ExistingSnapshotPolicy#FAIL}. */
    SNAPSHOT_EXISTS,
    /** The snapshot to restore is not on the manager (and nothing is to be uploaded). */
    SNAPSHOT_NOT_FOUND,
    /** The snapshot is on the manager but neither created nor uploaded (failed, creating …). */
    SNAPSHOT_NOT_RESTORABLE,
    /** The manager already holds blueprints and {@code force} is off. */
    MANAGER_NOT_EMPTY,
    /** Maintenance mode did not become active in time (executions still running). */
    MAINTENANCE_NOT_ACTIVATED,
    /** The manager refused the restore request itself (for example: other executions are running). */
    MANAGER_REFUSED_RESTORE,
    /** {@link Migration}: the source manager is newer than the target, which cannot restore its snapshot. */
    SOURCE_NEWER_THAN_TARGET,
    /** {@link Migration}: the archive file to download into exists already. */
    ARCHIVE_EXISTS
  }

  private final Code code;
  private final String message;
  private final List<ArchiveProblem> archiveProblems;
  private final List<String> executionIds;

  RestoreRefusal(Code code, String message) {
    this(code, message, Collections.emptyList(), Collections.emptyList());
  }

  RestoreRefusal(Code code, String message, List<ArchiveProblem> archiveProblems, List<String> executionIds) {
    this.code = requireNonNull(code, "code == null");
    this.message = requireNonNull(message, "message == null");
    this.archiveProblems = Collections.unmodifiableList(new ArrayList<>(archiveProblems));
    this.executionIds = Collections.unmodifiableList(new ArrayList<>(executionIds));
  }

  /** {@return why the restore was refused} */
  public Code code() {
    return code;
  }

  /** {@return the refusal in words, for people} */
  public String message() {
    return message;
  }

  /**
   * For {@link Code#ARCHIVE_NOT_RESTORABLE}: each problem with its own code; empty otherwise.
   *
   * @return the problems, unmodifiable
   */
  public List<ArchiveProblem> archiveProblems() {
    return archiveProblems;
  }

  /**
   * The executions the refusal is about: for {@link Code#MAINTENANCE_NOT_ACTIVATED} those still running, for
   * {@link Code#ANOTHER_RESTORE_RUNNING} the other restore; empty otherwise.
   *
   * @return the executions' ids
   */
  public List<String> executionIds() {
    return executionIds;
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
