package io.github.cloudify4j.snapshots.backup;

import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
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
  /** Valid snapshot ids begin with an ASCII letter; the stamp adds at most 16 characters to the 256 allowed. */
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,199}");
  static final String ZIP = ".zip";
  static final String SHA256 = ".sha256";
  static final String STAGING = ".download";

  final CloudifyClient client;
  final Snapshots snapshots;
  final Clock clock;
  final Path directory;
  final String prefix;
  final Duration slotLength;
  final Slots slots;
  final SnapshotCreateOptions createOptions;
  final int keepOnManager;
  final int keepLocally;
  final double sizeWarningFactor;
  final Duration createTimeout;
  final int downloadAttempts;
  final BackupListener listener;
  final Pattern ownId;
  final Pattern ownArchive;
  private final BackupRecorder recorder;

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
    recorder = b.meterRegistry == null ? BackupRecorder.NOOP
        : MicrometerBackupRecorder.create(b.meterRegistry, managerTag(b.client), prefix);
  }

  /** The managers' base URLs without credentials, comma-separated: the {@code manager} tag of the gauges. */
  static String managerTag(CloudifyClient client) {
    StringBuilder tag = new StringBuilder();
    for (java.net.URI m : client.managers()) {
      String s = m.getScheme() + "://" + m.getHost() + (m.getPort() < 0 ? "" : ":" + m.getPort())
          + (m.getRawPath() == null ? "" : m.getRawPath());
      tag.append(tag.length() == 0 ? "" : ",").append(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
    return tag.toString();
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

  /** Where the archives (and their {@code .sha256}) are kept. */
  public Path directory() {
    return directory;
  }

  /** The prefix of this job's snapshot ids and archive names: retention touches only what carries it. */
  public String prefix() {
    return prefix;
  }

  /** How often a new snapshot is due; at most one is made per slot. */
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
    SnapshotsObserver.Span span = SnapshotsObserver.of(ClientContext.of(client))
        .workflow("backup", snapshotIdAt(clock.instant()));
    BackupReport report;
    try {
      report = SnapshotsObserver.observe(span, () -> new BackupRun(this, cancelled).run(),
          r -> r.isNoOp() ? "SKIPPED" : "DONE", failure -> "FAILED");
    } catch (RuntimeException | Error e) {
      recorder.failed();
      throw e;
    }
    recorder.succeeded(report);
    return report;
  }

  /** The SHA-256 of a file, as the {@code .sha256} beside each archive holds it. */
  static String sha256Of(Path file) throws IOException {
    return BackupRunState.sha256Of(file);
  }

  /** The directory exists and is writable; checked at build() and again by each run's CHECK. */
  static void requireUsableDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("directory does not exist or is not a directory: " + directory);
    }
    if (!Files.isWritable(directory)) {
      throw new IllegalArgumentException("directory is not writable: " + directory);
    }
  }

  /** A failure of the run with a message of ours (the step is added by {@link Run}). */

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
    // Micrometer is optional: held as an Object, so that a job without one links no Micrometer type.
    private Object meterRegistry;

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

    /** Told about each step as it runs (default: nobody); the same shape as a restore's listener. */
    public Builder listener(BackupListener listener) {
      requireNonNull(listener, "listener == null");
      this.listener = listener;
      return this;
    }

    /**
     * Publishes the gauges operators alert on to a Micrometer {@code MeterRegistry} (micrometer-core, an optional
     * dependency): {@code cloudify.backup.last.success} (a time gauge: when the last successful run ended, in
     * seconds since the epoch; NaN until one did), {@code cloudify.backup.last.size} (bytes of the last verified
     * archive) and the counter {@code cloudify.backup.failures}, tagged {@code manager} (the managers' URLs, no
     * credentials) and {@code job} (the prefix). A run that finds its slot's verified archive already there
     * counts as a success. Register one job per manager and prefix: a second one with the same tags would share
     * the first one's gauges. The runs themselves are observations of the client's {@code ObservationRegistry}
     * ({@code cloudify.workflow.runs}).
     *
     * @param registry the registry (Spring Boot's, or a {@code SimpleMeterRegistry})
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.meterRegistry = requireNonNull(registry, "registry == null");
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
