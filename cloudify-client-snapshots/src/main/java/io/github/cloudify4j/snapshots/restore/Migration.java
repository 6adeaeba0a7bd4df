package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
import io.github.cloudify4j.client.spi.ClientContext;
import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a manager's data to a new manager, the documented way: a snapshot on the source, downloaded and checked
 * here, then uploaded to and restored on the target by a {@link RestoreOrchestrator} (with all its checks), and a
 * list of what is left to do by hand. The source is never modified beyond the new snapshot.
 *
 * <pre>{@code
 * MigrationReport report = Migration.builder(oldManager, newManager)
 *     .workDir(Path.of("/var/backups/cloudify"))
 *     .build()
 *     .run();
 * report.followUps().forEach(System.out::println);   // agents, plugins, retiring the old manager …
 * }</pre>
 */
public final class Migration {
  private static final Logger LOG = LoggerFactory.getLogger(Migration.class);
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Builder settings;

  private Migration(Builder settings) {
    this.settings = settings;
  }

  /** A migration from {@code source} to {@code target}. */
  public static Builder builder(CloudifyClient source, CloudifyClient target) {
    return new Builder(requireNonNull(source, "source == null"), requireNonNull(target, "target == null"));
  }

  /**
   * Runs the migration.
   *
   * @throws RestoreFailedException when the restore on the target fails (the source is untouched either way)
   * @throws RestoreRefusedException when the target cannot take the source's snapshot (code {@code
   *     SOURCE_NEWER_THAN_TARGET}) or the archive file exists ({@code ARCHIVE_EXISTS}), before any snapshot is
   *     created
   */
  public MigrationReport run() {
    SnapshotsObserver.Span span = SnapshotsObserver.of(ClientContext.of(settings.target))
        .workflow("migration", settings.snapshotId);
    return SnapshotsObserver.observe(span, this::migrate, report -> report.restore().outcome().name(),
        failure -> RestoreReport.Outcome.FAILED.name());
  }

  private MigrationReport migrate() {
    ServerVersion sourceVersion = settings.source.manager().version();
    ServerVersion targetVersion = settings.target.manager().version();
    if (sourceVersion.version().isNewerThan(targetVersion.version())) {
      throw refused(settings.snapshotId, new RestoreRefusal(RestoreRefusal.Code.SOURCE_NEWER_THAN_TARGET,
          "The source manager (" + sourceVersion.versionText() + ") is newer than the target ("
          + targetVersion.versionText() + "): a manager cannot restore a newer manager's snapshot."
          + " Upgrade the target first."));
    }
    String snapshotId = settings.snapshotId != null ? settings.snapshotId
        : "migration-" + ID_TIME.format(settings.source.poller().clock().instant());
    Path archive = settings.workDir.resolve(snapshotId + ".zip");
    if (Files.exists(archive)) {
      throw refused(snapshotId, new RestoreRefusal(RestoreRefusal.Code.ARCHIVE_EXISTS,
          "The archive " + archive + " exists already; choose another snapshotId"));
    }

    Snapshots source = Snapshots.of(settings.source);
    LOG.info("Migration: creating snapshot {} on {}", snapshotId, settings.source.managers());
    settings.listener.onProgress(RestoreStep.PREFLIGHT, "creating snapshot " + snapshotId + " on the source");
    Execution create = source.create(snapshotId, settings.createOptions);
    source.waitUntilCreated(snapshotId, settings.snapshotPoll, event -> event.value().ifPresent(s ->
        settings.listener.onProgress(RestoreStep.PREFLIGHT, "source snapshot " + s.status())));
    settings.listener.onProgress(RestoreStep.PREFLIGHT, "downloading " + snapshotId + " to " + archive);
    DownloadResult download = source.download(snapshotId, archive, DownloadOptions.builder()
        .verifyZip(true).sha256(true).listener(settings.listener::onTransfer).build());

    RestoreOrchestrator.Builder restore = RestoreOrchestrator.builder(settings.target).listener(settings.listener);
    if (settings.source.credentials().isBasic()) {
      // A legacy restore installs the source's admin account on the target.
      restore.postRestoreCredentials(settings.source.credentials());
    }
    settings.restore.accept(restore);
    restore.snapshotId(snapshotId).uploadFrom(archive);
    RestoreReport restored = restore.build().run();

    List<String> followUps = new ArrayList<>(restored.followUps());
    followUps.add("Install agents from the new manager (cfy agents install, the install_new_agents workflow)"
        + " before retiring the old manager: until then the agents still talk to it.");
    if (sourceVersion.version().major() != targetVersion.version().major()) {
      followUps.add("Across major versions (" + sourceVersion.versionText() + " → " + targetVersion.versionText()
          + "): upload the new plugin wagons and run a plugins update per blueprint.");
    }
    followUps.add("Point users, CLI profiles and automation at the new manager, and keep the archive "
        + archive + " (SHA-256 " + download.sha256().orElse("?") + ") until the new manager is proven.");
    followUps.add("Retire the old manager last; delete its migration snapshot " + snapshotId
        + " if it should not stay there.");
    return new MigrationReport(snapshotId, create.id(), sourceVersion.versionText(), targetVersion.versionText(),
        download, restored, followUps);
  }

  private RestoreRefusedException refused(String snapshotId, RestoreRefusal refusal) {
    RestoreReport report = RestoreReport.refusedBeforeStart(snapshotId == null ? "(migration)" : snapshotId,
        refusal, settings.target.poller().clock().instant());
    return new RestoreRefusedException(report, refusal, null);
  }

  /** Builds a {@link Migration}. */
  public static final class Builder {
    private final CloudifyClient source;
    private final CloudifyClient target;
    private Path workDir;
    private String snapshotId;
    private SnapshotCreateOptions createOptions = SnapshotCreateOptions.defaults();
    private Consumer<RestoreOrchestrator.Builder> restore = r -> { };
    private PollOptions snapshotPoll = PollOptions.timeout(Duration.ofHours(2));
    private RestoreListener listener = RestoreListener.none();

    private Builder(CloudifyClient source, CloudifyClient target) {
      this.source = source;
      this.target = target;
    }

    private Builder copy() {
      Builder c = new Builder(source, target);
      c.workDir = workDir;
      c.snapshotId = snapshotId;
      c.createOptions = createOptions;
      c.restore = restore;
      c.snapshotPoll = snapshotPoll;
      c.listener = listener;
      return c;
    }

    /** Where the archive is kept (required; it must exist). */
    public Builder workDir(Path workDir) {
      requireNonNull(workDir, "workDir == null");
      if (!Files.isDirectory(workDir)) {
        throw new IllegalArgumentException("workDir is not a directory: " + workDir);
      }
      this.workDir = workDir;
      return this;
    }

    /** The snapshot id (default {@code migration-<UTC time>}). */
    public Builder snapshotId(String snapshotId) {
      Arguments.requireId(snapshotId, "snapshotId");
      if (!Character.isLetter(snapshotId.charAt(0)) || snapshotId.charAt(0) > 127) {
        throw new IllegalArgumentException("snapshotId must begin with an ASCII letter: " + snapshotId);
      }
      this.snapshotId = snapshotId;
      return this;
    }

    public Builder createOptions(SnapshotCreateOptions createOptions) {
      this.createOptions = requireNonNull(createOptions, "createOptions == null");
      return this;
    }

    /**
     * Settings of the restore on the target: restore options, post-restore credentials (default: the source
     * client's basic credentials, since a legacy restore installs the source's admin account), timeouts, cluster
     * confirmation, verification … The snapshot id and the archive are the migration's own.
     */
    public Builder restore(Consumer<RestoreOrchestrator.Builder> restore) {
      this.restore = requireNonNull(restore, "restore == null");
      return this;
    }

    /** How long to wait for the source snapshot to be created (default 2 h). */
    public Builder snapshotPoll(PollOptions snapshotPoll) {
      this.snapshotPoll = requireNonNull(snapshotPoll, "snapshotPoll == null");
      return this;
    }

    public Builder listener(RestoreListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /** A migration with a copy of these settings: changing this builder afterwards does not change it. */
    public Migration build() {
      if (workDir == null) {
        throw new IllegalStateException("workDir(...) is required: the archive is kept there");
      }
      if (source.managers().equals(target.managers())) {
        throw new IllegalStateException("source and target are the same manager");
      }
      return new Migration(copy());
    }
  }

  /** What a migration did. */
  public static final class MigrationReport {
    private final String snapshotId;
    private final String sourceExecutionId;
    private final String sourceVersion;
    private final String targetVersion;
    private final DownloadResult archive;
    private final RestoreReport restore;
    private final List<String> followUps;

    MigrationReport(String snapshotId, String sourceExecutionId, String sourceVersion, String targetVersion,
        DownloadResult archive, RestoreReport restore, List<String> followUps) {
      this.snapshotId = snapshotId;
      this.sourceExecutionId = sourceExecutionId;
      this.sourceVersion = sourceVersion;
      this.targetVersion = targetVersion;
      this.archive = archive;
      this.restore = restore;
      this.followUps = Collections.unmodifiableList(new ArrayList<>(followUps));
    }

    public String snapshotId() {
      return snapshotId;
    }

    /** The {@code create_snapshot} execution on the source. */
    public String sourceExecutionId() {
      return sourceExecutionId;
    }

    public String sourceVersion() {
      return sourceVersion;
    }

    public String targetVersion() {
      return targetVersion;
    }

    /** The archive kept locally, with its size and SHA-256. */
    public DownloadResult archive() {
      return archive;
    }

    /** The restore on the target: COMPLETE or PARTIAL (a FAILED one throws). */
    public RestoreReport restore() {
      return restore;
    }

    /** What cannot be automated here: agents, plugins, clients, retiring the old manager. */
    public List<String> followUps() {
      return followUps;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Migration ").append(sourceVersion).append(" → ").append(targetVersion)
          .append(" with snapshot ").append(snapshotId).append(": ").append(restore.outcome()).append('\n')
          .append("  archive ").append(archive.path()).append(" (").append(archive.bytes()).append(" bytes)\n")
          .append(restore);
      for (String f : followUps) {
        sb.append("  to do: ").append(f).append('\n');
      }
      return sb.toString();
    }
  }
}
