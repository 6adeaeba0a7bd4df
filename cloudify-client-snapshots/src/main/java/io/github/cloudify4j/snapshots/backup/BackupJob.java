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

/**
 * The daily snapshot, verified and kept, as one call for a scheduler (cron, Quartz, Spring {@code @Scheduled}, a
 * Kubernetes CronJob running a {@code main}):
 *
 * <pre>{@code
 * BackupReport report = BackupJob.builder(client)
 *     .directory(Path.of("/var/backups/cloudify"))
 *     .prefix("daily-")
 *     .keepOnManager(7)
 *     .keepLocally(30)
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>{@link #run()} does, for the current time slot (one day by default, from the client's clock):
 * <ol>
 *   <li>{@link BackupStep#CHECK}: the snapshot id is the prefix plus the UTC start of the slot ({@code daily-20261125},
 *       or {@code nightly-20261125T0300Z} for slots shorter than a day). If {@code <id>.zip} is already in the
 *       directory with a matching {@code <id>.zip.sha256}, the run is a no-op ({@link BackupReport.Outcome#ALREADY_DONE});
 *       if a file is there without a matching checksum it is not ours: the run fails and leaves it untouched.</li>
 *   <li>{@link BackupStep#CREATE}: creates the snapshot unless the manager already has it ({@code creating} or
 *       {@code created}: {@link BackupReport.Outcome#RESUMED}). A {@code failed} snapshot of the same slot, left by
 *       an earlier run, is deleted and created again.</li>
 *   <li>{@link BackupStep#WAIT}: follows the snapshot (which works in maintenance mode) until {@code created}, within
 *       {@code createTimeout}; then, best effort, its execution until it ended {@code terminated}.</li>
 *   <li>{@link BackupStep#DOWNLOAD}: streams the archive to a hidden staging file in the directory, checking its
 *       length against {@code Content-Length} and that it opens as a zip, retrying broken transfers.</li>
 *   <li>{@link BackupStep#VERIFY}: the archive must hold a readable {@code metadata.json}; it is made owner-only
 *       (where the file system has POSIX permissions), its SHA-256 is written to {@code <id>.zip.sha256}
 *       ({@code sha256sum} format), and it is moved to {@code <id>.zip} without ever replacing a file.</li>
 *   <li>{@link BackupStep#PRUNE_MANAGER}, {@link BackupStep#PRUNE_LOCAL}: only once a verified archive exists. See
 *       {@link Builder#keepOnManager(int)} and {@link Builder#keepLocally(int)}. A deletion that fails is reported
 *       in the {@link BackupReport}, not thrown. Before pruning, the archive's size is compared with the earlier
 *       ones' ({@link Builder#sizeWarningFactor(double)}, {@link BackupReport#typicalBytes()}).</li>
 * </ol>
 *
 * <p>Any failure before the archive is verified throws {@link BackupFailedException} naming the step, with the
 * manager's error text for a {@code failed} snapshot; no file of this run is left in the directory. Running again
 * resumes: a snapshot already on the manager is not created twice.
 *
 * <p>A job holds no state between runs: build it once and call {@link #run()} from the scheduler. Two runs of the
 * same job must not overlap (the scheduler's concern); if they do, the second either follows the same snapshot or
 * fails without harming the first's files.
 */
public final class BackupJob {
  private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);
  /** Valid snapshot ids begin with an ASCII letter; the stamp adds at most 16 characters to the 256 allowed. */
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,199}");
  private static final String ZIP = ".zip";
  private static final String SHA256 = ".sha256";
  private static final String STAGING = ".download";

  private final CloudifyClient client;
  private final Snapshots snapshots;
  private final Clock clock;
  private final Path directory;
  private final String prefix;
  private final Duration slotLength;
  private final Slots slots;
  private final SnapshotCreateOptions createOptions;
  private final int keepOnManager;
  private final int keepLocally;
  private final double sizeWarningFactor;
  private final Duration createTimeout;
  private final int downloadAttempts;
  private final BackupListener listener;
  private final Pattern ownId;
  private final Pattern ownArchive;

  private BackupJob(Builder b) {
    client = b.client;
    snapshots = Snapshots.of(b.client);
    clock = b.client.poller().clock();
    directory = b.directory;
    prefix = b.prefix;
    slotLength = b.slotLength;
    slots = new Slots(b.slotLength);
    createOptions = b.createOptions;
    keepOnManager = b.keepOnManager;
    keepLocally = b.keepLocally;
    sizeWarningFactor = b.sizeWarningFactor;
    createTimeout = b.createTimeout;
    downloadAttempts = b.downloadAttempts;
    listener = b.listener;
    ownId = Pattern.compile(Pattern.quote(prefix) + Slots.STAMP);
    ownArchive = Pattern.compile(Pattern.quote(prefix) + Slots.STAMP + Pattern.quote(ZIP));
  }

  /** A builder; {@link Builder#directory(Path)} and {@link Builder#prefix(String)} are required. */
  public static Builder builder(CloudifyClient client) {
    requireNonNull(client, "client == null");
    return new Builder(client);
  }

  /** The snapshot id of the slot that holds {@code time}, e.g. {@code daily-20261125}. */
  public String snapshotIdAt(Instant time) {
    requireNonNull(time, "time == null");
    return prefix + slots.stamp(slots.start(time));
  }

  /** The snapshot id a run would use now (by the client's clock). */
  public String currentSnapshotId() {
    return snapshotIdAt(clock.instant());
  }

  /** The archive file of a snapshot id: {@code <directory>/<id>.zip}. */
  public Path archivePath(String snapshotId) {
    return directory.resolve(snapshotId + ZIP);
  }

  public Path directory() {
    return directory;
  }

  public String prefix() {
    return prefix;
  }

  public Duration slotLength() {
    return slotLength;
  }

  /**
   * Backs up the current slot: see the class description.
   *
   * @return what was done; {@link BackupReport#isNoOp()} when the verified archive of this slot was already there
   * @throws BackupFailedException when the snapshot could not be created, followed, downloaded or verified
   */
  public BackupReport run() {
    return run(new AtomicBoolean());
  }

  /**
   * Runs {@link #run()} on the executor and returns at once. The future completes with the report, or exceptionally
   * with the {@link BackupFailedException}; {@code cancel(...)} on it stops this run (not the job: it has no state
   * between runs) at its next step, poll or download chunk, as a failure of that step whose cause is a {@link
   * CloudifyInterruptedException}. A cancelled run cleans up as any failed one: nothing unverified is left in the
   * directory, and a snapshot being created stays on the manager for the next run of the slot to follow.
   */
  public CompletableFuture<BackupReport> runAsync(Executor executor) {
    requireNonNull(executor, "executor == null");
    AtomicBoolean cancelled = new AtomicBoolean();
    CompletableFuture<BackupReport> future = new CompletableFuture<BackupReport>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        cancelled.set(true);
        return super.cancel(mayInterruptIfRunning);
      }
    };
    try {
      executor.execute(() -> {
        try {
          future.complete(run(cancelled));
        } catch (RuntimeException | Error e) {
          future.completeExceptionally(e);
        }
      });
    } catch (RuntimeException rejected) {
      future.completeExceptionally(rejected);
    }
    return future;
  }

  private BackupReport run(AtomicBoolean cancelled) {
    Instant started = clock.instant();
    Instant slot = slots.start(started);
    String id = prefix + slots.stamp(slot);
    Path archive = archivePath(id);
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

  // ------------------------------------------------------------------ CHECK

  /** Whether the archive still has to be made. Fails when a file that is not ours holds its name. */
  private boolean check(BackupReport.Builder r) throws IOException {
    requireUsableDirectory(directory);
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
  private static Optional<String> notOurs(Path archive, Path checksum) throws IOException {
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
  private void removeLeftovers(Path archive) throws IOException {
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
  private Optional<Snapshot> existingSnapshot(BackupReport.Builder r) {
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

  private void create(BackupReport.Builder r) {
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

  private void await(BackupReport.Builder r, AtomicBoolean cancelled) {
    Instant deadline = clock.instant().plus(createTimeout);
    PollOptions poll = PollOptions.builder().maxWait(createTimeout).maxDelay(Duration.ofSeconds(30)).build();
    try {
      Snapshot s = snapshots.waitUntilCreated(r.snapshotId, poll, event -> {
        if (cancelled.get()) {
          throw new CloudifyInterruptedException("cancelled while waiting for snapshot " + r.snapshotId, null);
        }
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
  private void awaitExecution(BackupReport.Builder r, Instant deadline, AtomicBoolean cancelled) {
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

  // ------------------------------------------------------------------ DOWNLOAD, VERIFY

  private DownloadResult download(BackupReport.Builder r, Path staging, AtomicBoolean cancelled)
      throws IOException {
    Files.deleteIfExists(staging);
    DownloadOptions options = DownloadOptions.builder()
        .verifyZip(true)
        .sha256(true)
        .maxAttempts(downloadAttempts)
        .listener((done, total) -> {
          if (cancelled.get()) {
            throw new CloudifyInterruptedException("download cancelled after " + done + " bytes", null);
          }
          listener.onTransfer(done, total);
        })
        .build();
    try {
      DownloadResult d = snapshots.download(r.snapshotId, staging, options);
      LOG.info("Backup {}: downloaded {} bytes in {} ({} attempt(s))", r.snapshotId, d.bytes(), d.duration(),
          d.attempts());
      return d;
    } catch (RuntimeException e) {
      Files.deleteIfExists(staging);
      throw e;
    }
  }

  private void verifyAndPublish(BackupReport.Builder r, DownloadResult download, Path staging) throws IOException {
    boolean published = false;
    try {
      long size = Files.size(staging);
      if (size != download.bytes()) {
        throw new Refusal("the staged archive has " + size + " bytes, " + download.bytes() + " were received");
      }
      String sha = download.sha256().orElseThrow(() -> new IllegalStateException("no SHA-256 computed"));
      ArchiveInfo info;
      try {
        info = SnapshotArchive.inspect(staging);
      } catch (InvalidSnapshotArchiveException e) {
        throw new Refusal("the downloaded archive is not a valid snapshot: " + e.reason(), e);
      }
      ownerOnly(staging);
      if (Files.exists(r.archive, LinkOption.NOFOLLOW_LINKS)) {
        throw new Refusal(r.archive + " appeared during the download; it is left untouched");
      }
      writeChecksum(r.checksumFile, sha, r.archive.getFileName().toString());
      publish(staging, r.archive);
      published = true;
      r.bytes = size;
      r.sha256 = sha;
      r.archiveInfo = info;
      LOG.info("Backup {}: verified {} ({} bytes, format {}, sha256 {})", r.snapshotId, r.archive, size,
          info.format(), sha);
    } finally {
      if (!published) {
        Files.deleteIfExists(staging);
      }
    }
  }

  private static void writeChecksum(Path checksum, String sha, String archiveName) throws IOException {
    Path tmp = checksum.resolveSibling("." + archiveName + SHA256 + ".tmp");
    Files.deleteIfExists(tmp);
    Files.write(tmp, (sha + "  " + archiveName + "\n").getBytes(StandardCharsets.UTF_8));
    ownerOnly(tmp);
    try {
      Files.move(tmp, checksum, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, checksum, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Moves {@code staging} to {@code target}, never replacing a file (a hard link fails when the target exists). */
  private static void publish(Path staging, Path target) throws IOException {
    try {
      Files.createLink(target, staging);
      Files.delete(staging);
      return;
    } catch (FileAlreadyExistsException e) {
      throw new Refusal(target + " appeared during the download; it is left untouched", e);
    } catch (UnsupportedOperationException | IOException e) {
      // No hard links here: a plain move, after checking (a race remains only on such file systems).
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new Refusal(target + " appeared during the download; it is left untouched");
    }
    Files.move(staging, target);
  }

  private static void ownerOnly(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
      Files.setPosixFilePermissions(file, perms);
    }
  }

  // ------------------------------------------------------------------ retention

  /**
   * Keeps the newest {@code keepOnManager} {@code created} snapshots of this job (same prefix, id = prefix + stamp)
   * and deletes its older ones, and every {@code failed} one of this job (a failed snapshot cannot be downloaded or
   * restored, so it never counts as a backup). {@code creating} and {@code uploaded} snapshots, and all others, are
   * never touched.
   */
  private void pruneManager(BackupReport.Builder r) {
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
  private void pruneLocal(BackupReport.Builder r) {
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
  private TreeMap<Instant, List<Path>> earlierArchives(BackupReport.Builder r) throws IOException {
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
  private void sizeTrend(BackupReport.Builder r, TreeMap<Instant, List<Path>> archives) {
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

  private static Optional<Instant> ownStamp(Pattern ownId, String id) {
    Matcher m = ownId.matcher(id);
    return m.matches() ? Slots.parse(m.group(1)) : Optional.empty();
  }

  // ------------------------------------------------------------------ helpers

  private static String errorText(Snapshot s) {
    return s.error().isEmpty() ? "no error text" : firstLine(Secrets.mask(s.error()));
  }

  private static String firstLine(String text) {
    String t = text.trim();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl) + " …";
  }

  static String sha256Of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    StringBuilder sb = new StringBuilder(64);
    for (byte b : digest.digest()) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  private static void requireUsableDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("directory does not exist or is not a directory: " + directory);
    }
    if (!Files.isWritable(directory)) {
      throw new IllegalArgumentException("directory is not writable: " + directory);
    }
  }

  /** A failure of the run with a message of ours (the step is added by {@link Run}). */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }

    Refusal(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A failure in words: the server's answer for a service error, our message for a refusal. */
  private static String failureText(Exception e) {
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
          result -> r.durations.merge(result.step(), result.duration(), Duration::plus), BackupJob::failureText);
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

  /** Builds a {@link BackupJob}; every setter checks its argument at once, {@link #build()} checks the directory. */
  public static final class Builder {
    private final CloudifyClient client;
    private Path directory;
    private String prefix;
    private Duration slotLength = Duration.ofDays(1);
    private SnapshotCreateOptions createOptions = defaultCreateOptions();
    private int keepOnManager = 7;
    private int keepLocally = 30;
    private double sizeWarningFactor = 2.0;
    private Duration createTimeout = Duration.ofHours(2);
    private int downloadAttempts = 3;
    private BackupListener listener = BackupListener.none();

    private Builder(CloudifyClient client) {
      this.client = client;
    }

    /**
     * For a daily backup: without logs (they dominate the size), with events and credentials, and {@code queue}
     * so that on managers before 7.0.4 a running execution delays the snapshot (within {@code createTimeout})
     * instead of failing it.
     */
    public static SnapshotCreateOptions defaultCreateOptions() {
      return SnapshotCreateOptions.builder().includeLogs(false).queue(true).build();
    }

    /** Required: an existing, writable directory for the archives. It should hold nothing but backups. */
    public Builder directory(Path directory) {
      requireNonNull(directory, "directory == null");
      this.directory = directory.toAbsolutePath().normalize();
      return this;
    }

    /**
     * Required: the start of every snapshot id and archive name of this job, e.g. {@code daily-}. It must begin
     * with an ASCII letter, then ASCII letters, digits, {@code - . _} (at most 200 characters). Retention only ever
     * deletes snapshots and files named this prefix followed by a slot stamp, so give each job its own prefix.
     */
    public Builder prefix(String prefix) {
      requireNonNull(prefix, "prefix == null");
      if (prefix.trim().isEmpty()) {
        throw new IllegalArgumentException("prefix must not be blank");
      }
      if (!PREFIX.matcher(prefix).matches()) {
        throw new IllegalArgumentException("prefix must begin with an ASCII letter and hold only ASCII letters, "
            + "digits, '-', '.' and '_' (at most 200 characters), to make valid snapshot ids: " + printable(prefix));
      }
      this.prefix = prefix;
      return this;
    }

    /**
     * How often a new snapshot is due (default one day). Slots are aligned on the Unix epoch in UTC (a day starts
     * at 00:00 UTC) and read from the client's clock; at most one snapshot is made per slot. Whole seconds, at
     * least one minute.
     */
    public Builder slotLength(Duration slotLength) {
      requireNonNull(slotLength, "slotLength == null");
      if (slotLength.isNegative() || slotLength.isZero()) {
        throw new IllegalArgumentException("slotLength must be positive: " + slotLength);
      }
      if (slotLength.getNano() != 0 || slotLength.getSeconds() < 60) {
        throw new IllegalArgumentException("slotLength must be whole seconds, at least one minute: " + slotLength);
      }
      this.slotLength = slotLength;
      return this;
    }

    /** The snapshot's options; default {@link #defaultCreateOptions()}. */
    public Builder createOptions(SnapshotCreateOptions createOptions) {
      requireNonNull(createOptions, "createOptions == null");
      this.createOptions = createOptions;
      return this;
    }

    /**
     * How many {@code created} snapshots of this job stay on the manager, this run's included (default 7). Older
     * ones, and every {@code failed} one of this job, are deleted after the new archive is verified. A snapshot an
     * execution still uses is skipped and reported.
     */
    public Builder keepOnManager(int keepOnManager) {
      if (keepOnManager < 1) {
        throw new IllegalArgumentException("keepOnManager must be at least 1: " + keepOnManager);
      }
      this.keepOnManager = keepOnManager;
      return this;
    }

    /** How many archives of this job stay in the directory, this run's included (default 30). */
    public Builder keepLocally(int keepLocally) {
      if (keepLocally < 1) {
        throw new IllegalArgumentException("keepLocally must be at least 1: " + keepLocally);
      }
      this.keepLocally = keepLocally;
      return this;
    }

    /**
     * Warn (in the report and the log) when the new archive is more than {@code factor} times the typical size of
     * this job's earlier archives, or less than {@code 1/factor} of it (default 2). The typical size is the median
     * of the newest 7 earlier archives in the directory, once there are at least 3. A snapshot that suddenly
     * grows is how a manager's disk fills up during the next create; one that suddenly shrinks may be missing data.
     */
    public Builder sizeWarningFactor(double factor) {
      if (!(factor > 1.0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("sizeWarningFactor must be a finite number above 1: " + factor);
      }
      this.sizeWarningFactor = factor;
      return this;
    }

    /** How long to wait for the snapshot to be {@code created} (default 2 hours). */
    public Builder createTimeout(Duration createTimeout) {
      requireNonNull(createTimeout, "createTimeout == null");
      if (createTimeout.isNegative() || createTimeout.isZero()) {
        throw new IllegalArgumentException("createTimeout must be positive: " + createTimeout);
      }
      this.createTimeout = createTimeout;
      return this;
    }

    /** Attempts for the download when the transfer breaks off, resumed where the server allows (default 3). */
    public Builder downloadAttempts(int downloadAttempts) {
      if (downloadAttempts < 1 || downloadAttempts > 100) {
        throw new IllegalArgumentException("downloadAttempts must be within 1..100: " + downloadAttempts);
      }
      this.downloadAttempts = downloadAttempts;
      return this;
    }

    public Builder listener(BackupListener listener) {
      requireNonNull(listener, "listener == null");
      this.listener = listener;
      return this;
    }

    /**
     * The job. The workflows' one error rule: a {@code null} argument is a {@link NullPointerException} at the
     * setter, a bad value an {@link IllegalArgumentException} at the setter, and a required setting that was never
     * made an {@link IllegalStateException} here, naming it. Nothing has been sent either way.
     *
     * @throws IllegalStateException when {@code directory} or {@code prefix} was not set
     * @throws IllegalArgumentException when the directory does not exist, is not a directory or is not writable
     */
    public BackupJob build() {
      if (directory == null) {
        throw new IllegalStateException("directory is required: directory(...) names where the archives are kept");
      }
      if (prefix == null) {
        throw new IllegalStateException("prefix is required: prefix(...) names this job's snapshots and archives");
      }
      requireUsableDirectory(directory);
      return new BackupJob(this);
    }

    private static String printable(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
      return sb.append('"').toString();
    }
  }
}
