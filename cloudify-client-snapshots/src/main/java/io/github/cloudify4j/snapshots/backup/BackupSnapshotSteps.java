package io.github.cloudify4j.snapshots.backup;

import static java.util.Objects.requireNonNull;
import io.github.cloudify4j.client.spi.Secrets;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.ConflictException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.errors.SnapshotActionException;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.SnapshotStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.workflow.internal.StepRunner;
import io.github.cloudify4j.snapshots.archive.ArchiveInfo;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CHECK, CREATE and WAIT: what already exists, the snapshot on the manager, and waiting until it is created. */
abstract class BackupSnapshotSteps extends BackupRunState {

  BackupSnapshotSteps(BackupJob job, AtomicBoolean cancelled) {
    super(job, cancelled);
  }

  // ------------------------------------------------------------------ CHECK

  /** Whether the archive still has to be made. Fails when a file that is not ours holds its name. */
  boolean check(BackupReport.Builder r) throws IOException {
    BackupJob.requireUsableDirectory(directory);
    removeLeftovers(r.archive);
    if (!Files.exists(r.archive, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    Optional<String> why = notOurs(r.archive, r.checksumFile);
    if (why.isPresent()) {
      throw new Refusal(r.archive + " already exists and is not a verified archive of this job (" + why.get()
          + "); it is left untouched. Move it away, or use another prefix or directory");
    }
    r.outcome = BackupReport.Outcome.ALREADY_DONE;
    r.bytes = Files.size(r.archive);
    r.sha256 = sha256Of(r.archive);
    try {
      r.archiveInfo = SnapshotArchive.inspect(r.archive);
    } catch (InvalidSnapshotArchiveException e) {
      throw new Refusal(r.archive + " matches its .sha256 but is not a valid snapshot archive (" + e.reason()
          + "); it is left untouched");
    }
    LOG.info("Backup {}: the verified archive {} is already there; nothing to create or download",
        r.snapshotId, r.archive);
    return false;
  }

  /** Empty when {@code archive} is a regular file whose SHA-256 is the one in {@code checksum}. */
  static Optional<String> notOurs(Path archive, Path checksum) throws IOException {
    if (!Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("not a regular file");
    }
    if (!Files.isRegularFile(checksum, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("no " + checksum.getFileName());
    }
    String line = new String(Files.readAllBytes(checksum), StandardCharsets.UTF_8).trim();
    Matcher m = Pattern.compile("([0-9a-f]{64})  \\*?(.+)").matcher(line);
    if (!m.matches() || !m.group(2).equals(archive.getFileName().toString())) {
      return Optional.of(checksum.getFileName() + " is not a sha256sum line for " + archive.getFileName());
    }
    if (!m.group(1).equals(sha256Of(archive))) {
      return Optional.of("its SHA-256 differs from " + checksum.getFileName());
    }
    return Optional.empty();
  }

  /** Staging files and the downloader's {@code .part} files of this archive, left by an interrupted run. */
  void removeLeftovers(Path archive) throws IOException {
    String name = archive.getFileName().toString();
    String staging = "." + name + STAGING;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path p : entries) {
        String n = p.getFileName().toString();
        boolean leftover = n.equals(staging) || n.equals("." + name + SHA256 + ".tmp")
            || (n.startsWith("." + name + ".") && n.endsWith(".part"))
            || (n.startsWith(staging + ".") && n.endsWith(".part"));
        if (leftover && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          LOG.info("Removing {} left by an interrupted backup", p);
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The snapshot of this slot on the manager, if any; a {@code failed} one is deleted (and reported). */
  Optional<Snapshot> existingSnapshot(BackupReport.Builder r) {
    Optional<Snapshot> existing = snapshots.find(r.snapshotId);
    if (!existing.isPresent()) {
      return existing;
    }
    Snapshot s = existing.get();
    if (SnapshotStatus.FAILED.equals(s.status())) {
      String warning = "snapshot " + r.snapshotId + " of this slot had failed earlier (" + errorText(s)
          + "); it was deleted and created again";
      LOG.warn("Backup {}: {}", r.snapshotId, warning);
      snapshots.delete(r.snapshotId);
      r.warnings.add(warning);
      return Optional.empty();
    }
    r.outcome = BackupReport.Outcome.RESUMED;
    LOG.info("Backup {}: the snapshot is already on the manager ({}); resuming", r.snapshotId, s.status());
    return existing;
  }

  // ------------------------------------------------------------------ CREATE, WAIT

  void create(BackupReport.Builder r) {
    try {
      Execution e = snapshots.create(r.snapshotId, createOptions);
      r.createExecutionId = e.id();
      LOG.info("Backup {}: create_snapshot execution {} is {}", r.snapshotId, e.id(), e.status());
    } catch (ConflictException e) {
      // Created meanwhile by someone else (a concurrent run): follow that one.
      r.outcome = BackupReport.Outcome.RESUMED;
      LOG.info("Backup {}: the snapshot was created meanwhile by someone else; following it", r.snapshotId);
    }
  }

  void await(BackupReport.Builder r, AtomicBoolean cancelled) {
    Instant deadline = clock.instant().plus(createTimeout);
    PollOptions poll = PollOptions.builder().maxWait(createTimeout).maxDelay(Duration.ofSeconds(30)).build();
    try {
      Snapshot s = snapshots.waitUntilCreated(r.snapshotId, poll, event -> {
        if (cancelled.get()) {
          throw new CloudifyInterruptedException("cancelled while waiting for snapshot " + r.snapshotId, null);
        }
        event.value().ifPresent(v -> listener.onProgress(BackupStep.WAIT, "snapshot " + r.snapshotId + " "
            + v.status()));
      });
      LOG.info("Backup {}: snapshot {}", r.snapshotId, s.status());
    } catch (WaitFailedException e) {
      throw new Refusal(e.getMessage(), e);
    } catch (WaitTimeoutException e) {
      String last = e.lastObserved(Snapshot.class).map(o -> o.status().toString()).orElse("unknown");
      throw new Refusal("snapshot " + r.snapshotId + " was not created within " + createTimeout + " (last status: "
          + last + "); it is left on the manager and the next run of this slot follows it again", e);
    }
    if (r.createExecutionId != null) {
      awaitExecution(r, deadline, cancelled);
    }
  }

  /**
   * Before 5.1.0 a failed create could look like a success, and on 7.0.0 the snapshot was marked {@code created}
   * before its last step: the execution must have ended {@code terminated} too. Best effort: {@code /executions}
   * is refused in maintenance mode, and then the archive checks decide.
   */
  void awaitExecution(BackupReport.Builder r, Instant deadline, AtomicBoolean cancelled) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.compareTo(Duration.ofSeconds(1)) < 0) {
      left = Duration.ofSeconds(1);
    }
    Execution e;
    try {
      e = client.poller().until("create_snapshot execution " + r.createExecutionId + " to end",
              () -> client.executions().get(r.createExecutionId))
          .succeedWhen(Execution::isTerminal, "ended")
          .options(PollOptions.builder().maxWait(left).maxDelay(Duration.ofSeconds(30)).build())
          .cancelWhen(cancelled::get)
          .await();
    } catch (WaitTimeoutException | CloudifyServiceException ex) {
      String warning = "could not confirm that execution " + r.createExecutionId + " ended: " + ex.getMessage();
      LOG.warn("Backup {}: {}", r.snapshotId, warning);
      r.warnings.add(warning);
      return;
    }
    if (!e.status().isSuccess()) {
      throw new Refusal("snapshot " + r.snapshotId + " is created but its create_snapshot execution "
          + e.id() + " ended " + e.status() + (e.error().isEmpty() ? "" : ": " + firstLine(Secrets.mask(e.error()))));
    }
  }

}
