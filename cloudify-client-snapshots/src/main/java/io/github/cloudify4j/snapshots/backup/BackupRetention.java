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

/** PRUNE_MANAGER and PRUNE_LOCAL: this job's older snapshots and archives, and the size trend of the archives. */
abstract class BackupRetention extends BackupArchiveSteps {

  BackupRetention(BackupJob job, AtomicBoolean cancelled) {
    super(job, cancelled);
  }

  // ------------------------------------------------------------------ retention

  /**
   * Keeps the newest {@code keepOnManager} {@code created} snapshots of this job (same prefix, id = prefix + stamp)
   * and deletes its older ones, and every {@code failed} one of this job (a failed snapshot cannot be downloaded or
   * restored, so it never counts as a backup). {@code creating} and {@code uploaded} snapshots, and all others, are
   * never touched.
   */
  void pruneManager(BackupReport.Builder r) {
    List<Snapshot> all;
    try (Stream<Snapshot> s = snapshots.listAll(ListParams.none())) {
      all = s.collect(Collectors.toList());
    } catch (CloudifyException e) {
      String warning = "retention on the manager skipped: the snapshots could not be listed: " + e.getMessage();
      LOG.warn("Backup {}: {}", r.snapshotId, warning);
      r.warnings.add(warning);
      return;
    }
    TreeMap<Instant, List<Snapshot>> created = new TreeMap<>(Comparator.reverseOrder());
    List<String> doomed = new ArrayList<>();
    for (Snapshot s : all) {
      Optional<Instant> t = ownStamp(ownId, s.id());
      if (!t.isPresent() || s.id().equals(r.snapshotId)) {
        continue;
      }
      if (SnapshotStatus.CREATED.equals(s.status())) {
        created.computeIfAbsent(t.get(), k -> new ArrayList<>()).add(s);
      } else if (SnapshotStatus.FAILED.equals(s.status())) {
        doomed.add(s.id());
      }
    }
    int kept = 1; // this run's snapshot
    for (Map.Entry<Instant, List<Snapshot>> e : created.entrySet()) {
      for (Snapshot s : e.getValue()) {
        if (kept < keepOnManager) {
          kept++;
        } else {
          doomed.add(s.id());
        }
      }
    }
    doomed.sort(Comparator.naturalOrder());
    for (String id : doomed) {
      try {
        snapshots.delete(id);
        r.deletedOnManager.add(id);
        LOG.info("Backup {}: retention deleted snapshot {} on the manager", r.snapshotId, id);
      } catch (NotFoundException e) {
        LOG.info("Backup {}: snapshot {} was already gone", r.snapshotId, id);
      } catch (SnapshotActionException e) {
        r.skippedOnManager.put(id, e.serverMessage());
        LOG.warn("Backup {}: retention skipped snapshot {}: {}", r.snapshotId, id, e.serverMessage());
      } catch (CloudifyException e) {
        r.skippedOnManager.put(id, e.getMessage());
        LOG.warn("Backup {}: retention could not delete snapshot {}: {}", r.snapshotId, id, e.getMessage());
      }
    }
  }

  /**
   * Keeps the newest {@code keepLocally} archives of this job in the directory ({@code <prefix><stamp>.zip}, regular
   * files) and deletes the older ones with their {@code .sha256}. Nothing else in the directory is touched.
   */
  void pruneLocal(BackupReport.Builder r) {
    TreeMap<Instant, List<Path>> archives;
    try {
      archives = earlierArchives(r);
    } catch (IOException | UncheckedIOException e) {
      String warning = "local retention skipped: " + directory + " could not be listed: " + e;
      LOG.warn("Backup {}: {}", r.snapshotId, warning);
      r.warnings.add(warning);
      return;
    }
    sizeTrend(r, archives);
    int kept = 1; // this run's archive
    for (List<Path> same : archives.values()) {
      same.sort(Comparator.naturalOrder());
      for (Path p : same) {
        if (kept < keepLocally) {
          kept++;
          continue;
        }
        for (Path f : new Path[] {p, p.resolveSibling(p.getFileName() + SHA256)}) {
          try {
            if (Files.deleteIfExists(f)) {
              r.deletedLocally.add(f);
              LOG.info("Backup {}: retention deleted {}", r.snapshotId, f);
            }
          } catch (IOException e) {
            String warning = "local retention could not delete " + f + ": " + e;
            LOG.warn("Backup {}: {}", r.snapshotId, warning);
            r.warnings.add(warning);
          }
        }
      }
    }
  }

  /** This job's other archives in the directory, newest slot first. */
  TreeMap<Instant, List<Path>> earlierArchives(BackupReport.Builder r) throws IOException {
    TreeMap<Instant, List<Path>> archives = new TreeMap<>(Comparator.reverseOrder());
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!name.endsWith(ZIP) || p.equals(r.archive) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Matcher m = ownArchive.matcher(name);
        if (m.matches()) {
          Optional<Instant> t = Slots.parse(m.group(1));
          t.ifPresent(instant -> archives.computeIfAbsent(instant, k -> new ArrayList<>()).add(p));
        }
      }
    }
    return archives;
  }

  /**
   * Records the typical size of the earlier archives (the median of the newest 7, once there are 3) and warns when
   * this run's archive is far from it (user-pain 8.5: the disk fills up during create). A run that found its
   * archive already done does not warn again.
   */
  void sizeTrend(BackupReport.Builder r, TreeMap<Instant, List<Path>> archives) {
    List<Long> sizes = new ArrayList<>();
    for (List<Path> same : archives.values()) {
      for (Path p : same) {
        if (sizes.size() < 7) {
          try {
            sizes.add(Files.size(p));
          } catch (IOException e) {
            LOG.debug("Backup {}: size of {} unknown: {}", r.snapshotId, p, e.toString());
          }
        }
      }
    }
    if (sizes.size() < 3 || r.bytes <= 0) {
      return;
    }
    Collections.sort(sizes);
    long typical = sizes.get(sizes.size() / 2);
    r.typicalBytes = typical;
    if (r.outcome == BackupReport.Outcome.ALREADY_DONE || typical <= 0) {
      return;
    }
    double ratio = (double) r.bytes / typical;
    if (ratio > sizeWarningFactor || ratio < 1 / sizeWarningFactor) {
      String warning = String.format(java.util.Locale.ROOT,
          "archive size %d bytes is %.1f times the typical %d bytes of the last %d archives%s", r.bytes, ratio,
          typical, sizes.size(), ratio > 1 ? ": check the manager's free disk space before the next create"
              : ": check that the snapshot holds what it should");
      LOG.warn("Backup {}: {}", r.snapshotId, warning);
      r.warnings.add(warning);
    }
  }

  static Optional<Instant> ownStamp(Pattern ownId, String id) {
    Matcher m = ownId.matcher(id);
    return m.matches() ? Slots.parse(m.group(1)) : Optional.empty();
  }

}
