package io.github.cloudify4j.snapshots.backup;

import io.github.cloudify4j.snapshots.archive.ArchiveInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What a {@link BackupJob} run did. Immutable. */
public final class BackupReport {

  /** How the run ended. */
  public enum Outcome {
    /** A new snapshot was created, downloaded and verified. */
    CREATED,
    /**
     * The snapshot of this slot already existed on the manager ({@code creating} or {@code created}, from an earlier
     * or concurrent run): it was followed and/or downloaded, not created again.
     */
    RESUMED,
    /** The verified archive of this slot was already in the directory: nothing was created or downloaded. */
    ALREADY_DONE,
    /** The run failed; see {@link BackupFailedException}. */
    FAILED
  }

  private final Outcome outcome;
  private final String snapshotId;
  private final Instant slot;
  private final String createExecutionId;
  private final Path archive;
  private final Path checksumFile;
  private final long bytes;
  private final Long typicalBytes;
  private final String sha256;
  private final ArchiveInfo archiveInfo;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final Map<BackupStep, Duration> durations;
  private final List<String> deletedOnManager;
  private final Map<String, String> skippedOnManager;
  private final List<Path> deletedLocally;
  private final List<String> warnings;
  private final BackupStep failedStep;
  private final String failure;

  private BackupReport(Builder b) {
    outcome = b.outcome;
    snapshotId = b.snapshotId;
    slot = b.slot;
    createExecutionId = b.createExecutionId;
    archive = b.archive;
    checksumFile = b.checksumFile;
    bytes = b.bytes;
    typicalBytes = b.typicalBytes;
    sha256 = b.sha256;
    archiveInfo = b.archiveInfo;
    startedAt = b.startedAt;
    finishedAt = b.finishedAt;
    durations = Collections.unmodifiableMap(new EnumMap<>(b.durations));
    deletedOnManager = Collections.unmodifiableList(new ArrayList<>(b.deletedOnManager));
    skippedOnManager = Collections.unmodifiableMap(new LinkedHashMap<>(b.skippedOnManager));
    deletedLocally = Collections.unmodifiableList(new ArrayList<>(b.deletedLocally));
    warnings = Collections.unmodifiableList(new ArrayList<>(b.warnings));
    failedStep = b.failedStep;
    failure = b.failure;
  }

  /** {@return what the run did: created, resumed, already done, or failed} */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * {@link Outcome#ALREADY_DONE}: the run changed nothing but (possibly) retention.
   *
   * @return whether the run found its work already done
   */
  public boolean isNoOp() {
    return outcome == Outcome.ALREADY_DONE;
  }

  /**
   * {@link Outcome#RESUMED}: an existing snapshot of this slot was used instead of creating one. Named like {@code
   * RestoreReport.resumed()}.
   *
   * @return whether the run followed a snapshot that existed already
   */
  public boolean resumed() {
    return outcome == Outcome.RESUMED;
  }

  /** {@return the snapshot id, prefix + slot stamp, e.g. {@code daily-20261125}} */
  public String snapshotId() {
    return snapshotId;
  }

  /** {@return the start of the time slot (UTC) the snapshot is named after} */
  public Instant slot() {
    return slot;
  }

  /** {@return the {@code create_snapshot} execution, when this run created the snapshot} */
  public Optional<String> createExecutionId() {
    return Optional.ofNullable(createExecutionId);
  }

  /** {@return where the archive is (or would have been, for a failed run)} */
  public Path archive() {
    return archive;
  }

  /** {@return the {@code sha256sum}-format file beside the archive} */
  public Path checksumFile() {
    return checksumFile;
  }

  /** {@return the archive's size in bytes; 0 when no archive was verified} */
  public long bytes() {
    return bytes;
  }

  /** The archive's SHA-256, lower-case hex, once verified. */
  /**
   * The typical size of this job's earlier archives in the directory: the median of the newest 7, once there are
   * at least 3. {@link #warnings()} says when {@link #bytes()} is far from it.
   *
   * @return the median size, or empty with fewer than 3 earlier archives
   */
  public OptionalLong typicalBytes() {
    return typicalBytes == null ? OptionalLong.empty() : OptionalLong.of(typicalBytes);
  }

  /** {@return the archive's SHA-256, as written to its {@code .sha256}; empty for a failed run} */
  public Optional<String> sha256() {
    return Optional.ofNullable(sha256);
  }

  /** {@return what the archive holds (format, version, entity counts), once verified} */
  public Optional<ArchiveInfo> archiveInfo() {
    return Optional.ofNullable(archiveInfo);
  }

  /** {@return when the run started, by the client's clock (which also chose the slot)} */
  public Instant startedAt() {
    return startedAt;
  }

  /** {@return when the run ended, by the client's clock} */
  public Instant finishedAt() {
    return finishedAt;
  }

  /** {@return how long the run took; {@link #durations()} splits it by step} */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /** {@return how long each step that ran took, in order. Steps skipped (already done) are absent} */
  public Map<BackupStep, Duration> durations() {
    return durations;
  }

  /**
   * Snapshots retention deleted on the manager.
   *
   * @return the deleted snapshots' ids
   */
  public List<String> deletedOnManager() {
    return deletedOnManager;
  }

  /**
   * Snapshots retention should have deleted but could not, with the reason (e.g. 400 {@code snapshot_action_error}:
   * an execution uses it). They are tried again by the next run.
   *
   * @return each snapshot id with the reason it stayed
   */
  public Map<String, String> skippedOnManager() {
    return skippedOnManager;
  }

  /**
   * Archives and {@code .sha256} files retention deleted in the directory.
   *
   * @return the deleted files
   */
  public List<Path> deletedLocally() {
    return deletedLocally;
  }

  /**
   * Things worth a look that did not fail the run (a retention listing that failed, a replaced failed snapshot …).
   *
   * @return the warnings, in words
   */
  public List<String> warnings() {
    return warnings;
  }

  /** {@return the step that failed, for a FAILED run} */
  public Optional<BackupStep> failedStep() {
    return Optional.ofNullable(failedStep);
  }

  /** {@return why the run failed, secrets masked; the same text as the exception's message} */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "BackupReport{outcome=" + outcome + ", snapshotId=" + snapshotId + ", slot=" + slot
        + (createExecutionId == null ? "" : ", createExecutionId=" + createExecutionId)
        + ", archive=" + archive + ", bytes=" + bytes + (typicalBytes == null ? "" : ", typicalBytes=" + typicalBytes)
        + (sha256 == null ? "" : ", sha256=" + sha256)
        + ", duration=" + duration() + ", durations=" + durations
        + ", deletedOnManager=" + deletedOnManager + ", skippedOnManager=" + skippedOnManager
        + ", deletedLocally=" + deletedLocally
        + (warnings.isEmpty() ? "" : ", warnings=" + warnings)
        + (failedStep == null ? "" : ", failedStep=" + failedStep + ", failure=" + failure) + "}";
  }

  /** The mutable state of one run; {@link #build} takes a snapshot of it. */
  static final class Builder {
    Outcome outcome = Outcome.CREATED;
    final String snapshotId;
    final Instant slot;
    String createExecutionId;
    final Path archive;
    final Path checksumFile;
    long bytes;
    Long typicalBytes;
    String sha256;
    ArchiveInfo archiveInfo;
    final Instant startedAt;
    Instant finishedAt;
    final Map<BackupStep, Duration> durations = new EnumMap<>(BackupStep.class);
    final List<String> deletedOnManager = new ArrayList<>();
    final Map<String, String> skippedOnManager = new LinkedHashMap<>();
    final List<Path> deletedLocally = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    BackupStep failedStep;
    String failure;

    Builder(String snapshotId, Instant slot, Path archive, Path checksumFile, Instant startedAt) {
      this.snapshotId = snapshotId;
      this.slot = slot;
      this.archive = archive;
      this.checksumFile = checksumFile;
      this.startedAt = startedAt;
      this.finishedAt = startedAt;
    }

    BackupReport build(Instant now) {
      finishedAt = now;
      return new BackupReport(this);
    }
  }
}
