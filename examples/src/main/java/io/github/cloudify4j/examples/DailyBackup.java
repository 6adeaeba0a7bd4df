package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.poll.PollListener;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.SnapshotStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
import io.github.cloudify4j.snapshots.archive.ArchiveInfo;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * STAND-IN for {@code io.github.cloudify4j.snapshots.backup.BackupJob}, which had not reached {@code main} when the
 * examples were written. It does the same daily backup with {@link Snapshots} directly: create, wait until created,
 * download (zip check + SHA-256), verify on disk, write a {@code sha256sum} file, then retention by prefix on the
 * manager and in the directory. Replace it with {@code BackupJob} once that is released; it has the same shape
 * (builder, listener, report) but also makes runs idempotent per time slot.
 */
public final class DailyBackup {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What happens, for progress output. Every method has a default. */
  public interface Listener {
    default void onCreated(String snapshotId, Execution execution) {
    }

    /** Each poll while the snapshot is being created. */
    default void onWaiting(String snapshotId, Duration elapsed, String status) {
    }

    default void onTransfer(long done, long total) {
    }

    default void onTransferRestart(long resumedAt) {
    }

    default void onStep(String step, Duration took, String detail) {
    }
  }

  /** What a run did. */
  public static final class Result {
    public String snapshotId;
    public String executionId;
    public Path archive;
    public Path checksumFile;
    public long bytes;
    public String sha256;
    public ArchiveInfo archiveInfo;
    public Duration createTook;
    public Duration downloadTook;
    public Duration total;
    public final List<String> deletedOnManager = new ArrayList<>();
    public final List<Path> deletedLocally = new ArrayList<>();
  }

  private final CloudifyClient client;
  private final Snapshots snapshots;
  private final Path directory;
  private final String prefix;
  private final int keepOnManager;
  private final int keepLocally;
  private final Duration createTimeout;
  private final PollOptions pollOptions;
  private final Listener listener;

  private DailyBackup(Builder b) {
    client = b.client;
    snapshots = Snapshots.of(b.client);
    directory = b.directory;
    prefix = b.prefix;
    keepOnManager = b.keepOnManager;
    keepLocally = b.keepLocally;
    createTimeout = b.createTimeout;
    pollOptions = b.pollOptions;
    listener = b.listener;
  }

  public static Builder builder(CloudifyClient client) {
    return new Builder(client);
  }

  /** The snapshot id for a time: prefix + UTC stamp, e.g. {@code daily-20261125T030000Z}. */
  public String snapshotIdAt(Instant t) {
    return prefix + STAMP.format(t);
  }

  public Result run() {
    Instant start = now();
    Result r = new Result();
    r.snapshotId = snapshotIdAt(start);
    r.archive = directory.resolve(r.snapshotId + ".zip");
    r.checksumFile = directory.resolve(r.snapshotId + ".zip.sha256");

    // Create: starts the create_snapshot workflow; the snapshot is "creating" until the workflow ends.
    Execution execution = snapshots.create(r.snapshotId, SnapshotCreateOptions.builder().includeLogs(false).build());
    r.executionId = execution.id();
    listener.onCreated(r.snapshotId, execution);
    step("CREATE", start, "execution " + execution.id() + " " + execution.status());

    // Wait: polls GET /snapshots/{id}, which also works while maintenance mode is on.
    Instant waitStart = now();
    PollListener<Snapshot> polls = e -> listener.onWaiting(r.snapshotId, e.elapsed(),
        e.value().map(s -> s.status().toString()).orElse(e.reason()));
    snapshots.waitUntilCreated(r.snapshotId, pollOptions.toBuilder().maxWait(createTimeout).build(), polls);
    r.createTook = Duration.between(start, now());
    step("WAIT", waitStart, "created");

    // Download: streamed to a temp file, checked against Content-Length and as a zip, hashed, moved into place.
    Instant dl = now();
    TransferListener progress = new TransferListener() {
      @Override
      public void onProgress(long done, long total) {
        listener.onTransfer(done, total);
      }

      @Override
      public void onRestart(long resumedAt) {
        listener.onTransferRestart(resumedAt);
      }
    };
    DownloadResult download = snapshots.download(r.snapshotId, r.archive, DownloadOptions.builder()
        .verifyZip(true).sha256(true).listener(progress).build());
    r.bytes = download.bytes();
    r.sha256 = download.sha256().orElseThrow(() -> new IllegalStateException("no checksum computed"));
    r.downloadTook = Duration.between(dl, now());
    step("DOWNLOAD", dl, download.bytes() + " bytes in " + download.attempts() + " attempt(s)");

    // Verify: the file on disk has the checksum computed while downloading, and is a snapshot archive.
    Instant verify = now();
    String onDisk = sha256Of(r.archive);
    if (!onDisk.equals(r.sha256)) {
      throw new IllegalStateException("the archive on disk does not match its download checksum: " + r.archive);
    }
    r.archiveInfo = SnapshotArchive.inspect(r.archive);
    write(r.checksumFile, r.sha256 + "  " + r.archive.getFileName() + "\n");
    step("VERIFY", verify, "sha256 " + r.sha256 + ", " + r.archiveInfo.format());

    // Retention, only once a verified archive exists.
    Instant prune = now();
    pruneManager(r);
    pruneLocal(r);
    step("RETENTION", prune, "deleted " + r.deletedOnManager.size() + " on the manager, "
        + r.deletedLocally.size() + " locally");
    r.total = Duration.between(start, now());
    return r;
  }

  private void pruneManager(Result r) {
    List<Snapshot> ours;
    try (Stream<Snapshot> all = snapshots.listAll(ListParams.none())) {
      ours = all.filter(s -> s.id().startsWith(prefix))
          .filter(s -> !SnapshotStatus.CREATING.equals(s.status()))
          .sorted(Comparator.comparing(Snapshot::id).reversed()) // the stamp sorts in time order
          .collect(Collectors.toList());
    }
    int kept = 0;
    for (Snapshot s : ours) {
      boolean keep = s.id().equals(r.snapshotId)
          || (s.status().isRestorable() && kept < keepOnManager);
      if (keep) {
        kept++;
        continue;
      }
      try {
        snapshots.delete(s.id());
        r.deletedOnManager.add(s.id());
      } catch (CloudifyException e) {
        // an execution may still use it: the next run tries again
      }
    }
  }

  private void pruneLocal(Result r) {
    List<Path> archives;
    try (Stream<Path> files = Files.list(directory)) {
      archives = files.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(".zip");
      }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = keepLocally; i < archives.size(); i++) {
      Path zip = archives.get(i);
      try {
        Files.deleteIfExists(zip);
        Files.deleteIfExists(zip.resolveSibling(zip.getFileName() + ".sha256"));
        r.deletedLocally.add(zip);
      } catch (IOException e) {
        // left for the next run
      }
    }
  }

  private void step(String name, Instant from, String detail) {
    listener.onStep(name, Duration.between(from, now()), detail);
  }

  private Instant now() {
    return client.poller().clock().instant();
  }

  static String sha256Of(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : md.digest()) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a {@link DailyBackup}. */
  public static final class Builder {
    private final CloudifyClient client;
    private Path directory;
    private String prefix = "daily-";
    private int keepOnManager = 7;
    private int keepLocally = 30;
    private Duration createTimeout = Duration.ofHours(2);
    private PollOptions pollOptions = PollOptions.builder().initialDelay(Duration.ofSeconds(1))
        .maxDelay(Duration.ofSeconds(30)).build();
    private Listener listener = new Listener() { };

    private Builder(CloudifyClient client) {
      this.client = client;
    }

    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    public Builder keepOnManager(int keep) {
      this.keepOnManager = keep;
      return this;
    }

    public Builder keepLocally(int keep) {
      this.keepLocally = keep;
      return this;
    }

    public Builder createTimeout(Duration timeout) {
      this.createTimeout = timeout;
      return this;
    }

    public Builder pollOptions(PollOptions options) {
      this.pollOptions = options;
      return this;
    }

    public Builder listener(Listener listener) {
      this.listener = listener;
      return this;
    }

    public DailyBackup build() {
      if (directory == null || !Files.isDirectory(directory)) {
        throw new IllegalArgumentException("backup directory does not exist: " + directory);
      }
      return new DailyBackup(this);
    }
  }
}
