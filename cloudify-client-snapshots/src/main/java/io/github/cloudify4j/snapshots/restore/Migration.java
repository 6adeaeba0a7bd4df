package io.github.cloudify4j.snapshots.restore;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.workflow.WorkflowListener;
import io.github.cloudify4j.snapshots.workflow.internal.StepRunner;
import io.github.cloudify4j.snapshots.cluster.ClusterDoctor;
import io.github.cloudify4j.snapshots.cluster.ClusterHealth;
import io.github.cloudify4j.snapshots.cluster.ClusterRisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
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
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile RestoreOrchestrator restoring;

  private Migration(Builder settings) {
    this.settings = settings;
  }

  /**
   * A migration from {@code source} to {@code target}.
   *
   * @param source the manager whose data moves; it gets one new snapshot and nothing else
   * @param target the manager that receives it; it must be empty (the restore's checks refuse otherwise)
   * @return a builder; {@link Builder#workDir} is required
   * @throws NullPointerException when either client is null
   */
  public static Builder builder(CloudifyClient source, CloudifyClient target) {
    return new Builder(requireNonNull(source, "source == null"), requireNonNull(target, "target == null"));
  }

  /**
   * Asks a running {@link #run()} to stop, from any thread: before the next step, at the next poll of the source
   * snapshot, at the next chunk of the download, or (in {@link MigrationStep#RESTORE}) through {@link
   * RestoreOrchestrator#cancel()}. The run then throws a {@code CloudifyInterruptedException} (or, in the restore,
   * the restore's {@link RestoreFailedException}). A cancelled migration stays cancelled: build another to retry.
   */
  public void cancel() {
    cancelled.set(true);
    RestoreOrchestrator r = restoring;
    if (r != null) {
      r.cancel();
    }
  }

  /**
   * Runs the migration, its {@link MigrationStep steps} in order on the shared step runner: the {@linkplain
   * Builder#stepListener step listener} hears each started and finished (or failed, or cancelled).
   *
   * @return what was done, with each step's result and what is left to do by hand
   * @throws RestoreFailedException when the restore on the target fails (the source is untouched either way)
   * @throws RestoreRefusedException when the target cannot take the source's snapshot (code {@code
   *     SOURCE_NEWER_THAN_TARGET}) or the archive file exists ({@code ARCHIVE_EXISTS}), before any snapshot is
   *     created
   * @throws io.github.cloudify4j.client.errors.CloudifyInterruptedException when {@link #cancel()} stopped it
   * @throws io.github.cloudify4j.client.errors.CloudifyException when creating or downloading the snapshot failed
   */
  public MigrationReport run() {
    SnapshotsObserver observer = SnapshotsObserver.of(ClientContext.of(settings.target));
    SnapshotsObserver.Span span = observer.workflow("migration", settings.snapshotId);
    return SnapshotsObserver.observe(span, () -> migrate(observer), report -> report.restore().outcome().name(),
        failure -> RestoreReport.Outcome.FAILED.name());
  }

  private MigrationReport migrate(SnapshotsObserver observer) {
    List<StepResult<MigrationStep>> steps = new ArrayList<>();
    String name = "Migration " + (settings.snapshotId == null ? "" : settings.snapshotId + " ") + "to "
        + settings.target.managers();
    StepRunner<MigrationStep> runner = new StepRunner<>(name, settings.stepListener,
        settings.source.poller().clock(), cancelled::get, steps::add,
        e -> e instanceof RestoreRefusedException ? ((RestoreRefusedException) e).refusal().message()
            : StepRunner.message(e))
        .observedBy(observer, "migration");
    try {
      return run(runner, steps);
    } catch (StepRunner.StepFailedException failure) {
      Throwable cause = failure.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause; // the typed error of the step (a refusal, a service error, a cancellation)
      }
      throw new CloudifyException("Migration step " + failure.result().step() + " failed: "
          + failure.getMessage(), cause);
    }
  }

  private MigrationReport run(StepRunner<MigrationStep> runner, List<StepResult<MigrationStep>> steps) {
    ServerVersion[] versions = new ServerVersion[2];
    String snapshotId = settings.snapshotId != null ? settings.snapshotId
        : "migration-" + ID_TIME.format(settings.source.poller().clock().instant());
    Path archive = settings.workDir.resolve(snapshotId + ".zip");
    boolean[] sourceOverridden = new boolean[1];
    runner.run(MigrationStep.PREFLIGHT, () -> {
      sourceOverridden[0] = guardSource();
      ServerVersion sourceVersion = settings.source.manager().version();
      ServerVersion targetVersion = settings.target.manager().version();
      if (sourceVersion.version().isNewerThan(targetVersion.version())) {
        throw refused(settings.snapshotId, new RestoreRefusal(RestoreRefusal.Code.SOURCE_NEWER_THAN_TARGET,
            "The source manager (" + sourceVersion.versionText() + ") is newer than the target ("
            + targetVersion.versionText() + "): a manager cannot restore a newer manager's snapshot."
            + " Upgrade the target first."));
      }
      if (Files.exists(archive)) {
        throw refused(snapshotId, new RestoreRefusal(RestoreRefusal.Code.ARCHIVE_EXISTS,
            "The archive " + archive + " exists already; choose another snapshotId"));
      }
      versions[0] = sourceVersion;
      versions[1] = targetVersion;
      return "source " + sourceVersion.versionText() + ", target " + targetVersion.versionText();
    });
    ServerVersion sourceVersion = versions[0];
    ServerVersion targetVersion = versions[1];

    Snapshots source = Snapshots.of(settings.source);
    WorkflowListener<MigrationStep> listener = settings.stepListener;
    Execution create = runner.call(MigrationStep.CREATE_SNAPSHOT, () -> {
      LOG.info("Migration: creating snapshot {} on {}", snapshotId, settings.source.managers());
      listener.onProgress(MigrationStep.CREATE_SNAPSHOT, "creating snapshot " + snapshotId + " on the source");
      Execution execution = source.create(snapshotId, settings.createOptions);
      source.waitUntilCreated(snapshotId, settings.snapshotPoll, event -> {
        if (cancelled.get()) {
          throw new CloudifyInterruptedException("cancelled while waiting for snapshot " + snapshotId, null);
        }
        event.value().ifPresent(s -> listener.onProgress(MigrationStep.CREATE_SNAPSHOT,
            "source snapshot " + s.status()));
      });
      return execution;
    });
    DownloadResult download = runner.call(MigrationStep.DOWNLOAD, () -> {
      listener.onProgress(MigrationStep.DOWNLOAD, "downloading " + snapshotId + " to " + archive);
      return source.download(snapshotId, archive, DownloadOptions.builder().verifyZip(true).sha256(true)
          .listener((done, total) -> {
            listener.onTransfer(done, total);
            if (cancelled.get()) {
              throw new CloudifyInterruptedException("download cancelled after " + done + " bytes", null);
            }
          }).build());
    });

    RestoreReport restored = runner.call(MigrationStep.RESTORE, () -> {
      RestoreOrchestrator.Builder restore = RestoreOrchestrator.builder(settings.target).listener(settings.listener)
          .allowUnsafeCluster(settings.allowUnsafeCluster);
      if (settings.source.credentials().isBasic()) {
        // A legacy restore installs the source's admin account on the target.
        restore.postRestoreCredentials(settings.source.credentials());
      }
      settings.restore.accept(restore);
      restore.snapshotId(snapshotId).uploadFrom(archive);
      RestoreOrchestrator orchestrator = restore.build();
      restoring = orchestrator;
      try {
        if (cancelled.get()) {
          orchestrator.cancel(); // cancel() came between the step's start and the orchestrator's existence
        }
        return orchestrator.run();
      } finally {
        restoring = null;
      }
    });

    List<String> followUps = new ArrayList<>(restored.followUps());
    if (sourceOverridden[0]) {
      followUps.add("The source cluster was unsafe when the snapshot was taken (allowUnsafeCluster(true)): check"
          + " that the snapshot holds the data you meant to keep.");
    }
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
        download, restored, followUps, steps, sourceOverridden[0]);
  }

  /**
   * The split-brain guard on a clustered source: a snapshot taken on one side of a split (or from a minority side)
   * misses, or is, the data that will be lost. Refused with {@link RestoreRefusal.Code#CLUSTER_SPLIT} or
   * {@link RestoreRefusal.Code#CLUSTER_WITHOUT_QUORUM} unless {@code allowUnsafeCluster(true)}; true when the
   * override was used.
   */
  private boolean guardSource() {
    if (settings.source.managers().size() < 2) {
      return false;
    }
    ClusterHealth health = ClusterDoctor.builder(settings.source).build().health();
    Optional<ClusterRisk> risk = health.blockingRisk(settings.source.managers().get(0));
    if (!risk.isPresent()) {
      return false;
    }
    if (settings.allowUnsafeCluster) {
      LOG.warn("Migration: source cluster unsafe ({}), going on: allowUnsafeCluster(true)", health.verdict());
      return true;
    }
    boolean quorum = risk.get().code() == ClusterRisk.Code.DB_WITHOUT_QUORUM
        || risk.get().code() == ClusterRisk.Code.BROKER_WITHOUT_QUORUM;
    throw refused(settings.snapshotId, new RestoreRefusal(quorum ? RestoreRefusal.Code.CLUSTER_WITHOUT_QUORUM
        : RestoreRefusal.Code.CLUSTER_SPLIT, "Refused by the split-brain guard on the source ("
        + health.verdict() + "): " + risk.get().message() + " Nodes: " + risk.get().says()
        + ". Heal the source cluster first, or choose allowUnsafeCluster(true) knowingly."));
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
    private WorkflowListener<MigrationStep> stepListener = new WorkflowListener<MigrationStep>() { };
    private boolean allowUnsafeCluster;

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
      c.stepListener = stepListener;
      c.allowUnsafeCluster = allowUnsafeCluster;
      return c;
    }

    /**
     * Where the archive is kept (required): the migration downloads {@code <snapshotId>.zip} here and keeps it as the
     * way back until the new manager is proven.
     *
     * @param workDir an existing directory
     * @return this builder
     * @throws NullPointerException when {@code workDir} is null
     * @throws IllegalArgumentException when it is not a directory
     */
    public Builder workDir(Path workDir) {
      requireNonNull(workDir, "workDir == null");
      if (!Files.isDirectory(workDir)) {
        throw new IllegalArgumentException("workDir is not a directory: " + workDir);
      }
      this.workDir = workDir;
      return this;
    }

    /**
     * The id of the snapshot created on the source (default {@code migration-<UTC time>}, by the source client's
     * clock); it also names the archive file.
     *
     * @param snapshotId the server's id rule: an ASCII letter first, then letters, digits, {@code - . _ ~}
     * @return this builder
     * @throws IllegalArgumentException when the id breaks that rule, before anything is sent
     */
    public Builder snapshotId(String snapshotId) {
      Arguments.requireId(snapshotId, "snapshotId");
      if (!Character.isLetter(snapshotId.charAt(0)) || snapshotId.charAt(0) > 127) {
        throw new IllegalArgumentException("snapshotId must begin with an ASCII letter: " + snapshotId);
      }
      this.snapshotId = snapshotId;
      return this;
    }

    /**
     * How the source snapshot is created (default {@link SnapshotCreateOptions#defaults()}).
     *
     * @param createOptions the options of {@code PUT /snapshots/{id}} on the source
     * @return this builder
     * @throws NullPointerException when {@code createOptions} is null
     */
    public Builder createOptions(SnapshotCreateOptions createOptions) {
      this.createOptions = requireNonNull(createOptions, "createOptions == null");
      return this;
    }

    /**
     * Settings of the restore on the target: restore options, post-restore credentials (default: the source
     * client's basic credentials, since a legacy restore installs the source's admin account), timeouts, cluster
     * confirmation, verification … The snapshot id and the archive are the migration's own.
     *
     * @param restore called with the restore's builder before the migration sets the snapshot id and the archive
     * @return this builder
     * @throws NullPointerException when {@code restore} is null
     */
    public Builder restore(Consumer<RestoreOrchestrator.Builder> restore) {
      this.restore = requireNonNull(restore, "restore == null");
      return this;
    }

    /**
     * Go on even when the split-brain guard finds the source or the target cluster unsafe (default false): see
     * {@link RestoreOrchestrator.Builder#allowUnsafeCluster(boolean)}. The report records it
     * ({@link MigrationReport#sourceGuardOverridden()}, {@link RestoreReport#clusterGuardOverridden()}).
     *
     * @param allow true to migrate from or to an unsafe cluster knowingly
     * @return this builder
     */
    public Builder allowUnsafeCluster(boolean allow) {
      this.allowUnsafeCluster = allow;
      return this;
    }

    /**
     * How long, and how often, to poll the source snapshot until it is created (default: at most 2 h).
     *
     * @param snapshotPoll bounds the wait of {@link MigrationStep#CREATE_SNAPSHOT}
     * @return this builder
     * @throws NullPointerException when {@code snapshotPoll} is null
     */
    public Builder snapshotPoll(PollOptions snapshotPoll) {
      this.snapshotPoll = requireNonNull(snapshotPoll, "snapshotPoll == null");
      return this;
    }

    /**
     * Told about the restore on the target, step by step ({@link RestoreStep}), with the upload's progress (default:
     * none). The migration's own steps go to {@link #stepListener}.
     *
     * @param listener the restore's listener
     * @return this builder
     * @throws NullPointerException when {@code listener} is null
     */
    public Builder listener(RestoreListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Told about the migration's own {@link MigrationStep steps} (default: none): each started, then finished or
     * failed (a cancelled step fails with status {@code CANCELLED}), the source snapshot's status while it is
     * created, and the download's progress ({@link WorkflowListener#onTransfer}). It runs on the migration's thread:
     * keep it fast; an exception it throws fails the step.
     *
     * @param stepListener the listener of the migration's steps
     * @return this builder
     * @throws NullPointerException when {@code stepListener} is null
     */
    public Builder stepListener(WorkflowListener<MigrationStep> stepListener) {
      this.stepListener = requireNonNull(stepListener, "stepListener == null");
      return this;
    }

    /**
     * A migration with a copy of these settings: changing this builder afterwards does not change it.
     *
     * @return the migration, not yet run
     * @throws IllegalStateException when {@link #workDir} was not set, or source and target are the same manager
     */
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
    private final List<StepResult<MigrationStep>> steps;
    private final boolean sourceGuardOverridden;

    MigrationReport(String snapshotId, String sourceExecutionId, String sourceVersion, String targetVersion,
        DownloadResult archive, RestoreReport restore, List<String> followUps,
        List<StepResult<MigrationStep>> steps, boolean sourceGuardOverridden) {
      this.sourceGuardOverridden = sourceGuardOverridden;
      this.snapshotId = snapshotId;
      this.sourceExecutionId = sourceExecutionId;
      this.sourceVersion = sourceVersion;
      this.targetVersion = targetVersion;
      this.archive = archive;
      this.restore = restore;
      this.followUps = Collections.unmodifiableList(new ArrayList<>(followUps));
      this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
    }

    /**
     * How each of the migration's steps went, in order ({@link MigrationStep}); the restore's own steps are in
     * {@link #restore()}.
     *
     * @return the steps' results, unmodifiable
     */
    public List<StepResult<MigrationStep>> steps() {
      return steps;
    }

    /**
     * The snapshot created on the source, restored on the target.
     *
     * @return its id
     */
    public String snapshotId() {
      return snapshotId;
    }

    /**
     * The {@code create_snapshot} execution on the source.
     *
     * @return its id
     */
    public String sourceExecutionId() {
      return sourceExecutionId;
    }

    /**
     * The source manager's version, as it reported it.
     *
     * @return the version text, e.g. {@code 6.4.0}
     */
    public String sourceVersion() {
      return sourceVersion;
    }

    /**
     * The target manager's version, as it reported it.
     *
     * @return the version text, e.g. {@code 7.0.4}
     */
    public String targetVersion() {
      return targetVersion;
    }

    /**
     * The archive kept locally, with its size and SHA-256: keep it until the new manager is proven.
     *
     * @return the download's result
     */
    public DownloadResult archive() {
      return archive;
    }

    /**
     * The restore on the target: COMPLETE or PARTIAL (a FAILED one throws).
     *
     * @return the restore's report
     */
    public RestoreReport restore() {
      return restore;
    }

    /**
     * Whether the split-brain guard found the source cluster unsafe and {@code allowUnsafeCluster(true)} let the
     * migration go on.
     *
     * @return true when the override was used on the source
     */
    public boolean sourceGuardOverridden() {
      return sourceGuardOverridden;
    }

    /**
     * What cannot be automated here: agents, plugins, clients, retiring the old manager.
     *
     * @return the follow-ups in words, unmodifiable
     */
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
