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
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
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

/**
 * One run of a {@link BackupJob}: the steps in order through the shared {@link StepRunner}, a failed step turned
 * into the {@link BackupFailedException} with the report so far.
 */
final class BackupRun extends BackupRetention {

  BackupRun(BackupJob job, AtomicBoolean cancelled) {
    super(job, cancelled);
  }

  /** Runs the steps of the current slot and returns the report, or throws the failure. */
  BackupReport run() {
    Instant started = clock.instant();
    Instant slot = slots.start(started);
    String id = prefix + slots.stamp(slot);
    Path archive = directory.resolve(id + ZIP);
    Path checksum = directory.resolve(id + ZIP + SHA256);
    BackupReport.Builder r = new BackupReport.Builder(id, slot, archive, checksum, started);
    Run run = new Run(r, cancelled);
    LOG.info("Backup {}: starting (archive {})", id, archive);
    Optional<Optional<Snapshot>> todo = run.result(BackupStep.CHECK,
        () -> check(r) ? Optional.of(existingSnapshot(r)) : Optional.<Optional<Snapshot>>empty());
    if (todo.isPresent()) {
      Optional<Snapshot> existing = todo.get();
      if (!existing.isPresent()) {
        run.step(BackupStep.CREATE, () -> {
          create(r);
          return null;
        });
      }
      if (!existing.isPresent() || !existing.get().status().isRestorable()) {
        run.step(BackupStep.WAIT, () -> {
          await(r, cancelled);
          return null;
        });
      }
      Path staging = directory.resolve("." + archive.getFileName() + STAGING);
      DownloadResult download = run.result(BackupStep.DOWNLOAD, () -> download(r, staging, cancelled));
      run.step(BackupStep.VERIFY, () -> {
        verifyAndPublish(r, download, staging);
        return null;
      });
    }
    run.step(BackupStep.PRUNE_MANAGER, () -> {
      pruneManager(r);
      return null;
    });
    run.step(BackupStep.PRUNE_LOCAL, () -> {
      pruneLocal(r);
      return null;
    });
    BackupReport report = r.build(clock.instant());
    LOG.info("Backup {}: {} in {} ({} bytes, sha256 {}); retention deleted {} on the manager{}, {} locally",
        id, report.outcome(), report.duration(), report.bytes(), report.sha256().orElse("-"),
        report.deletedOnManager(), report.skippedOnManager().isEmpty() ? ""
            : " (skipped " + report.skippedOnManager().keySet() + ")",
        report.deletedLocally());
    return report;
  }


  /** A failure in words: the server's answer for a service error, our message for a refusal. */
  static String failureText(Exception e) {
    if (e instanceof CloudifyServiceException) {
      CloudifyServiceException s = (CloudifyServiceException) e;
      return s.statusCode() + s.errorCode().map(c -> " " + c).orElse("") + ": " + s.serverMessage();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /**
   * Runs steps through the shared {@link StepRunner} (cancellation, listener, timing, log) and turns a failed step
   * into the {@link BackupFailedException} with the report so far.
   */
  private final class Run {
    private final BackupReport.Builder r;
    private final StepRunner<BackupStep> steps;

    Run(BackupReport.Builder r, AtomicBoolean cancelled) {
      this.r = r;
      this.steps = new StepRunner<>("Backup " + r.snapshotId, listener, clock, cancelled::get,
          result -> r.durations.merge(result.step(), result.duration(), Duration::plus), BackupRun::failureText)
          .observedBy(SnapshotsObserver.of(ClientContext.of(client)), "backup");
    }

    void step(BackupStep step, StepRunner.Work<?> work) {
      result(step, work);
    }

    <T> T result(BackupStep step, StepRunner.Work<T> work) {
      try {
        return steps.call(step, work);
      } catch (StepRunner.StepFailedException f) {
        throw failure(step, f);
      }
    }

    private BackupFailedException failure(BackupStep step, StepRunner.StepFailedException f) {
      // the runner masked the detail: the one text the exception, the report and the ERROR line carry
      String message = f.result().detail();
      Throwable cause = f.getCause() instanceof Refusal ? f.getCause().getCause() : f.getCause();
      r.outcome = BackupReport.Outcome.FAILED;
      r.failedStep = step;
      r.failure = message;
      r.bytes = 0;
      r.sha256 = null;
      LOG.error("Backup {}: failed at {}: {}", r.snapshotId, step, message);
      return new BackupFailedException(step, r.build(clock.instant()), message, cause);
    }
  }

}
