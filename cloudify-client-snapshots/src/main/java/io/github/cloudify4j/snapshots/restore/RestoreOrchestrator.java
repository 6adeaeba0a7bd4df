package io.github.cloudify4j.snapshots.restore;

import static io.github.cloudify4j.snapshots.restore.RestoreText.human;
import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.errors.UnauthorizedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.model.Version;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.Secrets;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.RestoreStatus;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.SnapshotStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.archive.ArchiveFormat;
import io.github.cloudify4j.snapshots.archive.ArchiveInfo;
import io.github.cloudify4j.snapshots.archive.ArchiveProblem;
import io.github.cloudify4j.snapshots.archive.RestoreChecks;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import io.github.cloudify4j.snapshots.internal.ManagerInventory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a snapshot the way the backup and restore guide says, and more safely than by hand:
 *
 * <ol>
 *   <li><b>Preflight</b>, before anything changes: server version, no restore running (else it is resumed), the
 *       snapshot restorable or the archive readable and compatible (not newer than the manager, no legacy archive on
 *       Kubernetes), a manager without blueprints unless {@code force}, cluster confirmations;</li>
 *   <li><b>upload</b> the archive (file or URL), with an up-front decision on an existing id;</li>
 *   <li><b>maintenance mode</b> activated and verified, reporting the executions it waits for;</li>
 *   <li><b>restore</b>, then <b>follow</b> it until it is really over — the restore execution terminal and
 *       {@code snapshot-status} not running, never trusting a "not running" read from before it began — riding out
 *       the restart of the manager's services;</li>
 *   <li><b>re-authenticate</b> (the snapshot may carry other admin credentials), check <b>health</b>,
 *       <b>verify</b> the content against the archive, then deactivate maintenance mode.</li>
 * </ol>
 *
 * <pre>{@code
 * RestoreOrchestrator restore = RestoreOrchestrator.builder(client)
 *     .snapshotId("nightly-20261125")
 *     .uploadFrom(Path.of("/backups/nightly-20261125.zip"))
 *     .postRestoreCredentials(Credentials.basic("admin", oldManagerPassword))
 *     .build();
 * System.out.println(restore.plan());    // review first: nothing is sent
 * RestoreReport report = restore.run();  // COMPLETE or PARTIAL; FAILED throws RestoreFailedException
 * }</pre>
 *
 * <p>A failure before the restore starts rolls back what this run changed (it deactivates maintenance mode only if
 * it activated it). Started again after a crash, it picks up a restore in progress instead of starting another.
 * {@link #cancel()} from another thread stops the current wait and reports the state. One run per instance.
 */
public final class RestoreOrchestrator {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreOrchestrator.class);
  private static final Version FIRST_WITH_STATUS = Version.of(5, 0, 5);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final RequestOptions SYS_ADMIN = RequestOptions.builder().bypassMaintenance(true).build();

  private final Builder settings;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();

  // Run state.
  private CloudifyClient api;
  private CloudifyClient poll;
  private CloudifyClient ownedClient;
  private Snapshots snapshots;
  private Snapshots pollSnapshots;
  private ServerVersion serverVersion;
  private ArchiveInfo archive;
  private String snapshotId;
  private boolean snapshotOnManager;
  private boolean uploadedByUs;
  private boolean activatedByUs;
  private boolean restoreStarted;
  private boolean resumed;
  private Instant deadline;
  private Instant restoreRequestedAt;
  private final RestoreReport.Builder report = new RestoreReport.Builder();

  private RestoreOrchestrator(Builder settings) {
    this.settings = settings; // a copy made by build(): the builder can change, this cannot
  }

  public static Builder builder(CloudifyClient client) {
    return new Builder(requireNonNull(client, "client == null"));
  }

  /** Asks a running {@link #run()} to stop at its next poll; it reports the step and the manager's state. */
  public void cancel() {
    cancelled.set(true);
  }

  /**
   * The program {@link #run(RestorePlan)} executes, computed without contacting the manager: review it, then run
   * exactly it.
   */
  public RestorePlan plan() {
    return new RestorePlanner(settings, this).plan();
  }

  /**
   * Plans and runs: {@code run(plan())}.
   *
   * @return the report of a COMPLETE or PARTIAL restore
   * @throws RestoreRefusedException when a check refused the restore; {@link RestoreRefusedException#code()} says why
   * @throws RestoreFailedException when a step failed; its report names the step and the manager's state
   * @throws IllegalStateException when called twice
   */
  public RestoreReport run() {
    return run(plan());
  }

  /**
   * Runs this plan step by step: each planned step is executed or, if the plan skips it, recorded as skipped, in
   * the plan's order; nothing else is done but a rollback after a failure. The one change a run makes to the plan
   * is to follow its {@link RestorePlan#resumed(String) resumed} form when PREFLIGHT finds a restore running; the
   * plan followed is in {@link RestoreReport#plan()}.
   *
   * @param plan a plan made by {@link #plan()} of this orchestrator
   * @return the report of a COMPLETE or PARTIAL restore
   * @throws RestoreRefusedException when a check refused the restore; {@link RestoreRefusedException#code()} says why
   * @throws RestoreFailedException when a step failed; its report names the step and the manager's state
   * @throws IllegalArgumentException when the plan was made by another orchestrator
   * @throws IllegalStateException when called twice
   */
  public RestoreReport run(RestorePlan plan) {
    requireNonNull(plan, "plan == null");
    if (!plan.madeBy(this)) {
      throw new IllegalArgumentException("the plan was made by another RestoreOrchestrator: run the plan of this one");
    }
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("run() was already called on this RestoreOrchestrator");
    }
    Instant start = settings.client.poller().clock().instant();
    deadline = start.plus(settings.timeouts.overall());
    report.snapshotId = settings.latest ? "(latest)" : settings.snapshotId;
    report.plan = plan;
    bindClients(settings.client);
    try {
      if (!plan.blockerCodes().isEmpty()) {
        RestoreRefusal first = plan.blockerCodes().get(0);
        runStep(RestoreStep.PREFLIGHT, () -> {
          throw new Refused(new RestoreRefusal(first.code(), String.join(" ", plan.blockers())), null);
        });
      }
      RestorePlan current = plan;
      for (int i = 0; i < current.steps().size(); i++) {
        RestorePlan.Step step = current.steps().get(i);
        if (step.isSkipped()) {
          skip(step.step(), step.skipReason().orElse(""));
          continue;
        }
        runStep(step.step(), () -> execute(step));
        if (step.step() == RestoreStep.PREFLIGHT && resumed && !current.isResumed()) {
          current = current.resumed(report.restoreExecutionId);
          report.plan = current;
        }
      }
      report.outcome = report.verification == null || report.verification.isComplete()
          ? RestoreReport.Outcome.COMPLETE : RestoreReport.Outcome.PARTIAL;
      finish(start);
      RestoreReport done = report.build();
      LOG.info("Restore of {} ended {} in {}", report.snapshotId, done.outcome(), human(done.duration()));
      return done;
    } catch (StepFailure failure) {
      report.outcome = RestoreReport.Outcome.FAILED;
      report.failedStep = failure.step;
      rollback();
      String state = describeState();
      report.failure = failure.getMessage() + " " + state;
      if (uploadedByUs && snapshotId != null) {
        report.snapshotLeftOnManager = snapshotId;
        String rerun = "a rerun with the same id needs onExistingSnapshot(REUSE) (no second upload) or REPLACE"
            + " (upload again); or delete it (Snapshots.delete(\"" + snapshotId + "\"))";
        report.followUps.add(restoreStarted
            ? "Snapshot " + snapshotId + " uploaded by this run is still on the manager. The restore had started:"
                + " check what the manager holds before restoring again (a rerun onto restored data also needs"
                + " force(true)); " + rerun + "."
            : "Snapshot " + snapshotId + " uploaded by this run is still on the manager; " + rerun + ".");
      }
      Refused refused = failure.getCause() instanceof Refused ? (Refused) failure.getCause() : null;
      if (refused != null) {
        report.refusal = refused.refusal;
      }
      finish(start);
      RestoreReport failed = report.build();
      LOG.error("Restore of {} failed at {}: {}", report.snapshotId, failure.step, report.failure);
      if (refused != null) {
        throw new RestoreRefusedException(failed, refused.refusal, refused.getCause());
      }
      throw new RestoreFailedException(failed, failure.getCause());
    } finally {
      if (ownedClient != null) {
        ownedClient.close();
      }
    }
  }

  /**
   * Runs {@link #plan()} on the executor; see {@link #runAsync(RestorePlan, Executor)}.
   */
  public CompletableFuture<RestoreReport> runAsync(Executor executor) {
    return runAsync(plan(), executor);
  }

  /**
   * Runs this plan on the executor and returns at once. The future completes with the report, or exceptionally
   * with what {@link #run(RestorePlan)} throws; {@code cancel(...)} on it calls {@link #cancel()}, so the run
   * stops at its next poll or upload chunk and rolls back as after any failure.
   */
  public CompletableFuture<RestoreReport> runAsync(RestorePlan plan, Executor executor) {
    requireNonNull(plan, "plan == null");
    requireNonNull(executor, "executor == null");
    CompletableFuture<RestoreReport> future = new CompletableFuture<RestoreReport>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        RestoreOrchestrator.this.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    try {
      executor.execute(() -> {
        try {
          future.complete(run(plan));
        } catch (RuntimeException | Error e) {
          future.completeExceptionally(e);
        }
      });
    } catch (RuntimeException rejected) {
      future.completeExceptionally(rejected);
    }
    return future;
  }

  private String execute(RestorePlan.Step step) {
    switch (step.step()) {
      case PREFLIGHT:
        return settings.resumeFrom != null ? preflightForResume() : preflight();
      case UPLOAD:
        return upload();
      case ACTIVATE_MAINTENANCE:
        return activateMaintenance();
      case AWAIT_MAINTENANCE:
        return awaitMaintenance();
      case START_RESTORE:
        return startRestore();
      case FOLLOW_RESTORE:
        return followRestore();
      case REAUTHENTICATE:
        return reauthenticate();
      case CHECK_HEALTH:
        return checkHealth();
      case VERIFY:
        return verify();
      case DEACTIVATE_MAINTENANCE:
        return deactivate();
      default:
        throw new IllegalStateException("no action for " + step.step());
    }
  }

  // ---- steps ----

  private String preflight() {
    serverVersion = api.manager().version();
    Version version = serverVersion.version();
    List<String> facts = new ArrayList<>();
    facts.add("manager " + serverVersion.versionText() + serverVersion.edition().map(e -> " " + e).orElse(""));

    if (version.isAtLeast(FIRST_WITH_STATUS)) {
      RestoreStatus status = snapshots.restoreStatus();
      facts.add("restore status " + status.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (status.isRunning()) {
        resumeRunningRestore();
        facts.add("resuming the running restore");
      }
    } else {
      report.warnings.add("Manager " + serverVersion.versionText() + " has no /snapshot-status (5.0.5+):"
          + " the restore is followed through its execution only");
    }

    MaintenanceStatus maintenance = api.maintenance().status(SYS_ADMIN);
    facts.add("maintenance " + maintenance.status());

    if (settings.client.managers().size() > 1) {
      try {
        String cluster = new ManagerInventory(api).clusterStatus();
        facts.add("cluster " + cluster);
        if (!"OK".equalsIgnoreCase(cluster)) {
          report.warnings.add("Cluster status before the restore: " + cluster
              + " (expected while the other nodes are stopped)");
        }
      } catch (CloudifyServiceException e) {
        if (ManagerInventory.isPremiumOnly(e)) {
          facts.add("cluster status not checked (community edition)");
        } else {
          report.warnings.add("Cluster status unreadable before the restore: " + e.getMessage());
        }
      } catch (CloudifyInvalidResponseException e) {
        report.warnings.add("Cluster status unreadable before the restore: " + e.getMessage());
      }
    }

    if (resumed) {
      snapshotId = settings.snapshotId != null ? settings.snapshotId : report.snapshotId;
      if (settings.uploadFile != null) {
        archive = SnapshotArchive.inspect(settings.uploadFile); // to verify the running restore against
        facts.add("archive " + archive.format() + " " + archive.rawSnapshotVersion().orElse("?"));
      }
      return String.join(", ", facts);
    }

    if (settings.latest) {
      snapshotId = latestRestorable();
      report.snapshotId = snapshotId;
      facts.add("latest restorable snapshot " + snapshotId);
    } else {
      snapshotId = settings.snapshotId;
    }

    Optional<Snapshot> existing = pollSnapshots.find(snapshotId);
    snapshotOnManager = existing.isPresent();
    if (settings.uploadFile != null) {
      archive = SnapshotArchive.inspect(settings.uploadFile, cancelled::get);
      facts.add("archive " + archive.format() + " " + archive.rawSnapshotVersion().orElse("?"));
      List<ArchiveProblem> problems = RestoreChecks.checkRestorable(archive,
          serverVersion.version(), isKubernetes());
      if (!problems.isEmpty()) {
        throw new Refused(new RestoreRefusal(RestoreRefusal.Code.ARCHIVE_NOT_RESTORABLE, problems.stream()
            .map(ArchiveProblem::message).collect(Collectors.joining(" ")), problems,
            java.util.Collections.emptyList()), null);
      }
    }
    if (settings.uploadFile != null || settings.uploadUrl != null) {
      if (snapshotOnManager) {
        facts.add("snapshot " + snapshotId + " already exists");
        if (settings.existingPolicy == ExistingSnapshotPolicy.FAIL) {
          throw refuse(RestoreRefusal.Code.SNAPSHOT_EXISTS, "Snapshot " + snapshotId + " already exists on the"
              + " manager. Choose onExistingSnapshot(REUSE) to restore it, or REPLACE to upload over it.");
        }
        if (settings.existingPolicy == ExistingSnapshotPolicy.REUSE) {
          requireRestorable(existing.get());
        }
      }
    } else {
      Snapshot snapshot = existing.orElseThrow(() -> refuse(RestoreRefusal.Code.SNAPSHOT_NOT_FOUND, "Snapshot "
          + snapshotId
          + " does not exist on the manager (upload it with uploadFrom(...))"));
      requireRestorable(snapshot);
      facts.add("snapshot " + snapshotId + " " + snapshot.status());
    }

    if (!settings.restoreOptions.force()) {
      long blueprints = new ManagerInventory(api).count("blueprints");
      if (blueprints > 0) {
        throw refuse(RestoreRefusal.Code.MANAGER_NOT_EMPTY, "The manager already holds " + blueprints + " blueprint"
            + (blueprints == 1 ? "" : "s") + ". A restore onto a manager that is not empty deletes or conflicts"
            + " with its data (legacy restores refuse it inside the workflow; 7.x restores silently skip"
            + " conflicting entities). Restore onto a fresh manager, or choose force(true) knowingly.");
      }
      facts.add("manager empty");
    }
    return String.join(", ", facts);
  }

  /**
   * PREFLIGHT of a run that finishes an earlier one ({@link Builder#resumeFrom}): takes the restore's identity
   * from the earlier report and reads what later steps need, changing nothing. No emptiness check: the manager
   * holds the restored data now.
   */
  private String preflightForResume() {
    RestoreReport previous = settings.resumeFrom;
    serverVersion = api.manager().version();
    List<String> facts = new ArrayList<>();
    facts.add("manager " + serverVersion.versionText() + serverVersion.edition().map(e -> " " + e).orElse(""));
    resumed = true;
    report.resumed = true;
    restoreStarted = true;
    snapshotId = settings.snapshotId;
    report.snapshotId = snapshotId;
    report.restoreExecutionId = previous.restoreExecutionId().orElse(null);
    report.restoreExecution = previous.restoreExecution().orElse(null);
    restoreRequestedAt = previous.restoreRequestedAt().orElse(null);
    report.restoreRequestedAt = restoreRequestedAt;
    uploadedByUs = previous.snapshotLeftOnManager().isPresent();
    if (previous.steps().stream().anyMatch(r -> r.step() == RestoreStep.VERIFY
        && r.status() == StepResult.Status.SUCCEEDED)) {
      // VERIFY is not run again (the planner skips it): its findings stand.
      report.verification = previous.verification().orElse(null);
      report.scheduledExecutionsFailed.addAll(previous.scheduledExecutionsFailed());
      report.executionsCancelled.addAll(previous.executionsCancelled());
    }
    if (serverVersion.version().isAtLeast(FIRST_WITH_STATUS)) {
      RestoreStatus status = snapshots.restoreStatus();
      facts.add("restore status " + status.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    facts.add("maintenance " + api.maintenance().status(SYS_ADMIN).status());
    if (settings.uploadFile != null) {
      archive = SnapshotArchive.inspect(settings.uploadFile);
      facts.add("archive " + archive.format() + " " + archive.rawSnapshotVersion().orElse("?"));
    }
    facts.add("finishing the restore of " + snapshotId + " (execution "
        + (report.restoreExecutionId == null ? "not readable" : report.restoreExecutionId) + ") from "
        + previous.failedStep().map(Enum::name).orElse("?"));
    return String.join(", ", facts);
  }

  private String upload() {
    if (snapshotOnManager) {
      if (settings.existingPolicy == ExistingSnapshotPolicy.REUSE) {
        return "reused the snapshot already on the manager";
      }
      snapshots.delete(snapshotId);
    }
    Snapshot uploaded;
    try {
      uploaded = doUpload();
    } catch (CloudifyInterruptedException e) {
      // Cut off mid-body, the manager should hold nothing; if it does, the report names it.
      if (findQuietly().isPresent()) {
        uploadedByUs = true;
      }
      throw e;
    } catch (CloudifyTransportException | ServerUnavailableException e) {
      // The archive may have landed even though the answer was lost: look before sending gigabytes again.
      Optional<Snapshot> landed = findQuietly();
      if (landed.isPresent() && landed.get().status().isRestorable()) {
        report.warnings.add("The upload's answer was lost (" + e.getMessage() + "), but the snapshot is on the"
            + " manager: not uploaded twice");
        uploadedByUs = true;
        return "uploaded (confirmed after a lost answer)";
      }
      listener().onProgress(RestoreStep.UPLOAD, "upload failed (" + e.getMessage() + "); retrying once");
      uploaded = doUpload();
    }
    uploadedByUs = true;
    return "uploaded " + uploaded.id() + " (" + uploaded.status() + ")";
  }

  private Snapshot doUpload() {
    // Nothing resends this PUT behind our back (the client sends non-idempotent bodies as one-shot): a replay after
    // a lost answer would get 409 (6.x) or silently upload the archive twice (7.0.4+). upload() looks whether the
    // archive landed before it sends it again.
    if (settings.uploadFile != null) {
      // Cancellation reaches the upload between chunks: the body stops and the call fails with our exception.
      return snapshots.upload(snapshotId, settings.uploadFile, (done, total) -> {
        if (cancelled.get()) {
          throw new CloudifyInterruptedException("Upload cancelled after " + done + " of " + total + " bytes",
              null);
        }
        listener().onTransfer(done, total);
      });
    }
    return snapshots.uploadFromUrl(snapshotId, settings.uploadUrl);
  }

  private Optional<Snapshot> findQuietly() {
    try {
      return pollSnapshots.find(snapshotId);
    } catch (CloudifyException e) {
      return Optional.empty();
    }
  }

  private String activateMaintenance() {
    io.github.cloudify4j.client.maintenance.MaintenanceChange change = api.maintenance().activate();
    activatedByUs = change.changed();
    return change.changed() ? "activated (" + change.status().status() + ")"
        : "already " + change.status().status() + " (not by this run: left as found on rollback)";
  }

  private String awaitMaintenance() {
    // Polled here rather than with MaintenanceMode.waitUntilActivated, which cannot be cancelled. Without
    // X-BYPASS-MAINTENANCE: the server flips "activating" to "activated" only on a request that does not bypass
    // maintenance mode (corpus seq 163), so a bypassing poll would wait for ever once the executions are done.
    MaintenanceStatus status;
    try {
      status = api.poller().until("maintenance mode to be activated", () -> api.maintenance().status())
          .succeedWhen(MaintenanceStatus::isActivated, "activated")
          .failWhen(MaintenanceStatus::isDeactivated, s -> "maintenance mode is deactivated (someone turned it off)")
          .retryWhen(MaintenanceStatus::isActivating, "activating")
          .options(pollOptions(settings.timeouts.maintenance()))
          .cancelWhen(cancelled::get)
          .listener(event -> event.value().filter(MaintenanceStatus::isActivating).ifPresent(s ->
              listener().onProgress(RestoreStep.AWAIT_MAINTENANCE, "activating; waiting for "
                  + s.remainingExecutions().size() + " execution(s): " + RestoreText.remaining(s))))
          .await();
    } catch (WaitTimeoutException e) {
      MaintenanceStatus last = (MaintenanceStatus) e.lastObserved().orElse(null);
      throw new Refused(new RestoreRefusal(RestoreRefusal.Code.MAINTENANCE_NOT_ACTIVATED, "Maintenance mode is"
          + " still " + (last == null ? "unknown" : last.status()) + " after " + human(e.elapsed())
          + "; executions still running: "
          + (last == null || last.remainingExecutions().isEmpty() ? "none reported" : RestoreText.remaining(last))
          + ". Cancel them or wait for them, then run again." + RestoreText.leftoverHint(last),
          java.util.Collections.emptyList(),
          last == null ? java.util.Collections.<String>emptyList() : last.remainingExecutions().stream()
              .map(x -> x.id()).collect(Collectors.toList())), e);
    }
    return "activated" + status.activatedAt().map(t -> " at " + t).orElse("");
  }

  private String startRestore() {
    restoreRequestedAt = clock();
    Execution start;
    try {
      start = snapshots.restore(snapshotId, settings.restoreOptions);
    } catch (ExistingRunningExecutionException refused) {
      // A real manager refuses the restore with 400 and still leaves a pending restore_snapshot execution that
      // nothing will run (corpus seq 134-136, 189-191): it would keep maintenance mode "activating" and block
      // every later restore. Find it and kill it before reporting the refusal.
      String cleaned = killRefusedRestoreLeftovers();
      throw new Refused(new RestoreRefusal(RestoreRefusal.Code.MANAGER_REFUSED_RESTORE, "The manager refused the"
          + " restore: " + refused.serverMessage() + ". " + cleaned), refused);
    }
    restoreStarted = true;
    report.restoreExecutionId = start.id();
    report.restoreRequestedAt = restoreRequestedAt;
    return "restore execution " + start.id() + " " + start.status();
  }

  /**
   * Kills the {@code pending} {@code restore_snapshot} executions a refused restore left behind: those for this
   * snapshot, or (when the parameters are not readable) those created since this restore was requested. Records
   * each in {@link RestoreReport#leftoverExecutionsKilled()} and says what it did.
   */
  private String killRefusedRestoreLeftovers() {
    List<Execution> pending;
    try {
      ListParams params = ListParams.builder().includeSystemWorkflows(true).filter("workflow_id", "restore_snapshot")
          .filter("status", "pending").build();
      pending = api.executions().list(params, SYS_ADMIN).items();
    } catch (CloudifyException e) {
      report.warnings.add("A refused restore may have left a pending restore_snapshot execution that nothing will"
          + " run; the executions could not be listed (" + e.getMessage() + "). Kill it by hand if one is listed.");
      return "Its leftover execution (if any) could not be looked for: " + e.getMessage() + ".";
    }
    Instant since = restoreRequestedAt.minus(CLOCK_SKEW);
    List<String> killed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Execution e : pending) {
      Object forSnapshot = e.parameters().get("snapshot_id");
      boolean ours = forSnapshot != null ? snapshotId.equals(String.valueOf(forSnapshot))
          : e.createdAt().map(t -> !t.isBefore(since)).orElse(false);
      if (!ours) {
        continue;
      }
      try {
        api.executions().action(e.id(), "kill", SYS_ADMIN);
        killed.add(e.id());
        report.leftoverExecutionsKilled.add(e.id());
      } catch (CloudifyException k) {
        failed.add(e.id() + " (" + k.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      report.warnings.add("The refused restore left pending restore_snapshot execution(s) that could not be"
          + " killed: " + String.join(", ", failed) + ". Kill them (executions kill) or maintenance mode stays"
          + " 'activating' and later restores are refused.");
    }
    if (killed.isEmpty()) {
      return failed.isEmpty() ? "It left no pending restore execution behind." : "Its leftover execution(s) could"
          + " not be killed: " + String.join(", ", failed) + ".";
    }
    report.warnings.add("The refused restore left pending restore_snapshot execution(s) " + String.join(", ", killed)
        + " that nothing would run; killed.");
    return "Killed the pending restore execution(s) it left behind: " + String.join(", ", killed) + ".";
  }

  private String followRestore() {
    boolean statusEndpoint = serverVersion.version().isAtLeast(FIRST_WITH_STATUS);
    RestoreFollow follow = new RestoreFollow(statusEndpoint, resumed, pollSnapshots, poll, report.restoreExecutionId,
        settings.timeouts.restartWindow(), restoreRequestedAt, this::clock);
    RestoreFollow.State last = api.poller().until("the restore of " + snapshotId + " to finish", follow::probe)
        // failure first: the waiter takes the first matching rule, and isOver also holds for a failed execution
        .failWhen(s -> s.execution != null && s.execution.isTerminal() && !s.execution.status().isSuccess(),
            s -> "the restore execution " + s.execution.id() + " ended " + s.execution.status()
                + (s.execution.error().isEmpty() ? "" : ": " + Secrets.mask(s.execution.error())))
        .succeedWhen(follow::isOver, "over")
        .options(pollOptions(settings.timeouts.restore()))
        .cancelWhen(cancelled::get)
        .listener(e -> e.value().ifPresent(s -> listener().onProgress(RestoreStep.FOLLOW_RESTORE, s.describe())))
        .await();
    if (last.execution != null) {
      report.restoreExecution = last.execution;
    }
    if (last.unconfirmedStart) {
      report.warnings.add("The restore was never seen running (its execution could not be read and it ended"
          + " between two polls); it was taken as over once snapshot-status said not running for "
          + human(RestoreFollow.START_GRACE));
    }
    return "restore over: " + last.describe();
  }

  private String reauthenticate() {
    try {
      waitReachable(() -> poll.manager().version());
      return "the current credentials still work";
    } catch (UnauthorizedException refused) {
      Credentials post = settings.postRestoreCredentials;
      if (post == null) {
        throw new IllegalStateException("The manager now refuses this client's credentials (401). A legacy"
            + " restore replaces the admin account with the snapshot's (the admin of the manager the snapshot came"
            + " from), and tokens issued before the restore stop working. Run again with"
            + " postRestoreCredentials(...) set to that manager's admin credentials.", refused);
      }
      CloudifyClient fresh = settings.client.toBuilder().credentials(post).build();
      ownedClient = fresh;
      bindClients(fresh);
      try {
        waitReachable(() -> poll.manager().version());
      } catch (UnauthorizedException again) {
        throw new IllegalStateException("Neither the current credentials nor the post-restore credentials "
            + post + " are accepted (401).", again);
      }
      return "re-authenticated with the post-restore credentials " + post;
    }
  }

  private String checkHealth() {
    ManagerStatus status;
    try {
      status = api.poller().until("the manager to be healthy", () -> poll.manager().status())
          .succeedWhen(ManagerStatus::isHealthy, "OK")
          .retryOn(ServerUnavailableException.class, CloudifyTransportException.class)
          .options(pollOptions(settings.timeouts.health()))
          .cancelWhen(cancelled::get)
          .await();
    } catch (WaitTimeoutException e) {
      // The waiter's own message prints the whole status (every service with its details): ~900 characters that
      // the report, the exception and the log would each repeat. Name what matters instead.
      Object last = e.lastObserved().orElse(null);
      String seen = last instanceof ManagerStatus ? RestoreText.healthSummary((ManagerStatus) last)
          : e.getCause() != null ? "no answer (" + e.getCause().getClass().getSimpleName() + ")" : "no answer";
      throw new IllegalStateException("The manager was not healthy after " + human(e.elapsed()) + " (limit "
          + human(settings.timeouts.health()) + ", RestoreTimeouts.health): " + seen, e);
    }
    String detail = "status " + status.status();
    if (settings.client.managers().size() > 1) {
      try {
        String cluster = new ManagerInventory(api).clusterStatus();
        detail += ", cluster " + cluster;
        if (!"OK".equalsIgnoreCase(cluster)) {
          report.followUps.add("Start the other manager nodes again (cfy_manager start) and check that the"
              + " cluster status returns to OK (now " + cluster + ")");
        }
      } catch (CloudifyServiceException e) {
        if (ManagerInventory.isPremiumOnly(e)) {
          detail += ", cluster status not checked (community edition)";
        } else {
          report.warnings.add("Cluster status unreadable after the restore: " + e.getMessage());
        }
      } catch (CloudifyInvalidResponseException e) {
        report.warnings.add("Cluster status unreadable after the restore: " + e.getMessage());
      }
    }
    return detail;
  }

  private String verify() {
    collectAffectedExecutions();
    ManagerInventory inventory = new ManagerInventory(api);
    List<String> errors = new ArrayList<>();
    if (report.restoreExecutionId != null) {
      try {
        inventory.restoreErrors(report.restoreExecutionId).forEach(e -> errors.add(Secrets.mask(e))); // server text
      } catch (CloudifyServiceException e) {
        report.warnings.add("The restore's events could not be read: " + e.getMessage());
      }
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    String note = "";
    if (!settings.verify) {
      note = "content verification is off";
    } else if (archive == null) {
      note = "no local archive to compare with (the snapshot was restored from the manager or a URL)";
    } else if (archive.format() == ArchiveFormat.JSON_DUMP) {
      for (String kind : ManagerInventory.countableKinds()) {
        if (archive.countsByKind().containsKey(kind)) {
          expected.put(kind, archive.count(kind));
        }
      }
    } else {
      for (String kind : new String[] {"blueprints", "plugins"}) {
        if (archive.countsByKind().containsKey(kind)) {
          expected.put(kind, archive.count(kind));
        }
      }
      note = "legacy archive: only blueprints and plugins can be counted outside its database dump";
    }
    ManagerInventory.Counts counts = inventory.counts(expected.keySet());
    Map<String, Long> counted = new LinkedHashMap<>(expected);
    counted.keySet().removeAll(counts.notCounted().keySet());
    report.verification = new Verification(counted, counts.counted(), counts.notCounted(), errors, note);
    String verdict = report.verification.isComplete() ? "nothing missing"
        : "missing " + report.verification.missing() + (errors.isEmpty() ? "" : ", " + errors.size()
            + " restore error(s)");
    if (!counts.notCounted().isEmpty()) {
      verdict += "; " + String.join(", ", counts.notCounted().keySet()) + " " + ManagerInventory.NOT_COUNTED_COMMUNITY;
    }
    return verdict + "; " + report.scheduledExecutionsFailed.size() + " scheduled execution(s) marked failed";
  }

  private void collectAffectedExecutions() {
    try {
      ListParams failed = ListParams.builder().filter("status", "failed").allTenants(true).build();
      // Executions that had failed before the restore are in the snapshot too: keep those that ended around or
      // after the restore started (with a margin for clock skew between manager and client).
      Instant since = resumed || restoreRequestedAt == null ? null : restoreRequestedAt.minus(CLOCK_SKEW);
      api.executions().listAll(failed, SYS_ADMIN)
          .filter(e -> e.scheduledFor().isPresent())
          .filter(e -> since == null || !e.endedAt().isPresent() || !e.endedAt().get().isBefore(since))
          .forEach(report.scheduledExecutionsFailed::add);
      ListParams cancelledByRestore = ListParams.builder().filter("status", "cancelled").allTenants(true).build();
      api.executions().listAll(cancelledByRestore, SYS_ADMIN)
          .filter(e -> e.error().contains("cancelled by snapshot restore"))
          .forEach(report.executionsCancelled::add);
    } catch (CloudifyServiceException e) {
      report.warnings.add("Executions could not be listed after the restore: " + e.getMessage());
    }
    if (!report.scheduledExecutionsFailed.isEmpty()) {
      report.followUps.add("Check the " + report.scheduledExecutionsFailed.size() + " scheduled execution(s) the"
          + " restore marked failed: overdue ones did not run; future ones were turned into execution schedules"
          + " (6.0+)");
    }
    if (!report.executionsCancelled.isEmpty()) {
      report.followUps.add("Re-run the " + report.executionsCancelled.size() + " execution(s) that were running"
          + " when the snapshot was taken (marked cancelled by the restore)");
    }
  }

  private String deactivate() {
    io.github.cloudify4j.client.maintenance.MaintenanceChange change = api.maintenance().deactivate();
    return change.changed() ? "deactivated" : "was already deactivated";
  }

  // ---- machinery ----

  private void resumeRunningRestore() {
    resumed = true;
    report.resumed = true;
    restoreStarted = true;
    try {
      ListParams running = ListParams.builder().filter("workflow_id", "restore_snapshot")
          .filter("status", "pending", "started").includeSystemWorkflows(true).allTenants(true)
          .sortDescending("created_at").size(1).build();
      List<Execution> found = api.executions().list(running, SYS_ADMIN).items();
      if (!found.isEmpty()) {
        Execution execution = found.get(0);
        Object restoring = execution.parameters().get("snapshot_id");
        if (restoring != null && settings.snapshotId != null && !settings.snapshotId.equals(restoring)) {
          throw new Refused(new RestoreRefusal(RestoreRefusal.Code.ANOTHER_RESTORE_RUNNING, "Another restore is"
              + " running (snapshot " + restoring + ", execution " + execution.id() + "); wait for it to end"
              + " before restoring " + settings.snapshotId, java.util.Collections.emptyList(),
              java.util.Collections.singletonList(execution.id())), null);
        }
        report.restoreExecutionId = execution.id();
        report.restoreExecution = execution;
        if (restoring != null) {
          report.snapshotId = String.valueOf(restoring);
        }
      }
    } catch (CloudifyServiceException e) {
      report.warnings.add("The running restore's execution could not be read (" + e.getMessage() + "); following"
          + " /snapshot-status only");
    }
    restoreRequestedAt = clock();
  }

  private String latestRestorable() {
    ListParams params = ListParams.builder().filter("status", "created", "uploaded")
        .sortDescending("created_at").size(1).build();
    List<Snapshot> items = snapshots.list(params).items();
    if (items.isEmpty()) {
      throw refuse(RestoreRefusal.Code.NO_RESTORABLE_SNAPSHOT,
          "The manager has no restorable snapshot (created or uploaded)");
    }
    return items.get(0).id();
  }

  private static void requireRestorable(Snapshot snapshot) {
    if (!snapshot.status().isRestorable()) {
      throw refuse(RestoreRefusal.Code.SNAPSHOT_NOT_RESTORABLE, "Snapshot " + snapshot.id() + " is "
          + snapshot.status()
          + (SnapshotStatus.FAILED.equals(snapshot.status()) && !snapshot.error().isEmpty()
              ? " (" + Secrets.mask(snapshot.error()) + ")" : "")
          + " and cannot be restored; only created or uploaded snapshots can");
    }
  }

  private boolean isKubernetes() {
    if (settings.kubernetes != null) {
      return settings.kubernetes;
    }
    String distribution = serverVersion.distribution().orElse("").toLowerCase(Locale.ROOT);
    return distribution.contains("k8s") || distribution.contains("kubernetes");
  }

  private <T> T waitReachable(Supplier<T> call) {
    return api.poller().until("the manager to answer", call::get)
        .succeedWhen(v -> true, "answered")
        .retryOn(ServerUnavailableException.class, CloudifyTransportException.class)
        .options(pollOptions(settings.timeouts.health()))
        .cancelWhen(cancelled::get)
        .await();
  }

  private void bindClients(CloudifyClient client) {
    api = client.managers().size() > 1 ? client.pinnedTo(node()) : client;
    poll = api.withOptions(o -> o.retryPolicy(RetryPolicy.none()).readTimeout(settings.timeouts.pollReadTimeout()));
    snapshots = Snapshots.of(api);
    pollSnapshots = Snapshots.of(poll);
  }

  private URI node() {
    return settings.node != null ? settings.node : settings.client.managers().get(0);
  }

  private PollOptions pollOptions(Duration stepLimit) {
    Duration remaining = Duration.between(clock(), deadline);
    Duration limit = stepLimit.compareTo(remaining) < 0 ? stepLimit : remaining;
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalStateException("The overall timeout (" + human(settings.timeouts.overall())
          + ") has run out");
    }
    return settings.pollOptions.toBuilder().maxWait(limit).build();
  }

  private void runStep(RestoreStep step, Supplier<String> action) {
    if (cancelled.get()) {
      record(step, StepResult.Status.CANCELLED, clock(), "cancelled before the step started");
      throw new StepFailure(step, "Cancelled before " + step + ".", null);
    }
    listener().onStepStarted(step);
    LOG.info("Restore step {}: {}", step, step.title());
    Instant start = clock();
    try {
      String detail = action.get();
      record(step, StepResult.Status.SUCCEEDED, start, detail);
      LOG.info("Restore step {} done in {}: {}", step, human(Duration.between(start, clock())), detail);
    } catch (CloudifyInterruptedException e) {
      record(step, StepResult.Status.CANCELLED, start, e.getMessage());
      throw new StepFailure(step, "Cancelled during " + step + ": " + e.getMessage() + ".", e);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : Secrets.mask(e.getMessage());
      record(step, StepResult.Status.FAILED, start, message);
      throw new StepFailure(step, message.endsWith(".") ? message : message + ".", e);
    }
  }

  private void skip(RestoreStep step, String why) {
    record(step, StepResult.Status.SKIPPED, clock(), why);
  }

  private void record(RestoreStep step, StepResult.Status status, Instant start, String detail) {
    StepResult result = new StepResult(step, status, start, Duration.between(start, clock()), detail);
    report.steps.add(result);
    listener().onStepFinished(result);
  }

  private void rollback() {
    boolean deactivate = restoreStarted ? settings.deactivateOnFailure : activatedByUs;
    if (!deactivate) {
      return;
    }
    Instant start = clock();
    try {
      api.maintenance().deactivate();
      record(RestoreStep.DEACTIVATE_MAINTENANCE, StepResult.Status.SUCCEEDED, start,
          restoreStarted ? "deactivated after the failed restore, as asked" : "rolled back: this run had activated it");
    } catch (CloudifyException e) {
      record(RestoreStep.DEACTIVATE_MAINTENANCE, StepResult.Status.FAILED, start,
          "rollback failed: " + e.getMessage());
    }
  }

  private String describeState() {
    String maintenance;
    try {
      MaintenanceStatus status = poll.maintenance().status(SYS_ADMIN);
      report.maintenanceState = status.status();
      maintenance = "maintenance mode " + status.status();
    } catch (CloudifyException e) {
      maintenance = "maintenance mode unknown (" + e.getClass().getSimpleName() + ")";
    }
    String restore = !restoreStarted ? "the restore was not started"
        : "the restore was started" + (report.restoreExecutionId == null ? "" : " (execution "
            + report.restoreExecutionId + ")");
    return "Manager left with " + maintenance + "; " + restore + ".";
  }

  private void finish(Instant start) {
    if (report.maintenanceState == null) {
      try {
        report.maintenanceState = poll.maintenance().status(SYS_ADMIN).status();
      } catch (CloudifyException e) {
        report.warnings.add("Maintenance mode unreadable at the end: " + e.getMessage());
      }
    }
    if (settings.restoreOptions.restoreCertificates() && restoreStarted) {
      report.followUps.add(settings.restoreOptions.noReboot()
          ? "Reboot the manager to finish installing the snapshot's certificates"
          : "The manager reboots to install the snapshot's certificates; trust its CA if it changed");
    }
    report.duration = Duration.between(start, clock());
  }

  private RestoreListener listener() {
    return settings.listener;
  }

  private Instant clock() {
    return settings.client.poller().clock().instant();
  }

  private static Refused refuse(RestoreRefusal.Code code, String message) {
    return new Refused(new RestoreRefusal(code, message), null);
  }

  /** A check refused the restore; carries the typed refusal to the report and the exception. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RestoreRefusal refusal;

    Refused(RestoreRefusal refusal, Throwable cause) {
      super(refusal.message(), cause);
      this.refusal = refusal;
    }
  }

  /** A step failed; carries the step for the report. */
  private static final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RestoreStep step;

    StepFailure(RestoreStep step, String message, Throwable cause) {
      super(message, cause);
      this.step = step;
    }
  }

  /** Builds a {@link RestoreOrchestrator}. */
  public static final class Builder {
    // Package-private for RestorePlanner; every value is immutable, so copy() is a full copy.
    final CloudifyClient client;
    String snapshotId;
    boolean latest;
    Path uploadFile;
    URI uploadUrl;
    ExistingSnapshotPolicy existingPolicy = ExistingSnapshotPolicy.FAIL;
    RestoreOptions restoreOptions = RestoreOptions.defaults();
    Credentials postRestoreCredentials;
    boolean deactivateOnSuccess = true;
    boolean deactivateOnFailure;
    boolean confirmOtherNodesStopped;
    URI node;
    Boolean kubernetes;
    boolean verify = true;
    RestoreTimeouts timeouts = RestoreTimeouts.defaults();
    PollOptions pollOptions = PollOptions.builder().initialDelay(Duration.ofSeconds(2))
        .maxDelay(Duration.ofSeconds(15)).multiplier(1.5).build();
    RestoreListener listener = RestoreListener.none();
    RestoreReport resumeFrom;

    private Builder(CloudifyClient client) {
      this.client = client;
    }

    private Builder copy() {
      Builder c = new Builder(client);
      c.snapshotId = snapshotId;
      c.latest = latest;
      c.uploadFile = uploadFile;
      c.uploadUrl = uploadUrl;
      c.existingPolicy = existingPolicy;
      c.restoreOptions = restoreOptions;
      c.postRestoreCredentials = postRestoreCredentials;
      c.deactivateOnSuccess = deactivateOnSuccess;
      c.deactivateOnFailure = deactivateOnFailure;
      c.confirmOtherNodesStopped = confirmOtherNodesStopped;
      c.node = node;
      c.kubernetes = kubernetes;
      c.verify = verify;
      c.timeouts = timeouts;
      c.pollOptions = pollOptions;
      c.listener = listener;
      c.resumeFrom = resumeFrom;
      return c;
    }

    /**
     * Finish the restore a failed (or crashed) run started: its report says how far it got. The new plan skips
     * what would start a second restore (upload, maintenance, restore request) and every later step that run
     * completed; PREFLIGHT only reads the version, the restore status and the archive (no emptiness check: the
     * manager holds the restored data now), and REAUTHENTICATE always runs, to bind the credentials that work. Give
     * the same settings as the first run (the archive, the post-restore credentials); the snapshot id defaults to
     * the report's.
     *
     * @throws IllegalArgumentException when the report is not of a FAILED run that had started the restore
     */
    public Builder resumeFrom(RestoreReport failedRun) {
      requireNonNull(failedRun, "failedRun == null");
      boolean started = failedRun.steps().stream().anyMatch(r -> r.step() == RestoreStep.START_RESTORE
          && r.status() != StepResult.Status.FAILED && r.status() != StepResult.Status.CANCELLED);
      if (failedRun.outcome() != RestoreReport.Outcome.FAILED || !started) {
        throw new IllegalArgumentException("resumeFrom needs the report of a FAILED run that had started the"
            + " restore (outcome " + failedRun.outcome() + (started ? "" : ", restore not started") + "); "
            + (started ? "nothing to finish" : "run the restore again instead"));
      }
      this.resumeFrom = failedRun;
      return this;
    }

    /**
     * The snapshot to restore (and the id to upload it as). Any id the manager can hold is accepted (an upload
     * stores ids that a create would refuse, such as {@code 0up}); it is sent percent-encoded. Refused: empty,
     * {@code .} and {@code ..}.
     */
    public Builder snapshotId(String snapshotId) {
      this.snapshotId = Arguments.requirePathSegment(snapshotId, "snapshotId");
      return this;
    }

    /** Restore the newest {@code created} or {@code uploaded} snapshot on the manager. */
    public Builder latestRestorableSnapshot() {
      this.latest = true;
      return this;
    }

    /** Upload this archive first. */
    public Builder uploadFrom(Path archive) {
      this.uploadFile = requireNonNull(archive, "archive == null");
      this.uploadUrl = null;
      return this;
    }

    /** Have the manager fetch the archive from this URL first. */
    public Builder uploadFromUrl(URI archiveUrl) {
      this.uploadUrl = Arguments.requireHttpUrl(archiveUrl, "archiveUrl");
      this.uploadFile = null;
      return this;
    }

    public Builder onExistingSnapshot(ExistingSnapshotPolicy policy) {
      this.existingPolicy = requireNonNull(policy, "policy == null");
      return this;
    }

    public Builder restoreOptions(RestoreOptions restoreOptions) {
      this.restoreOptions = requireNonNull(restoreOptions, "restoreOptions == null");
      return this;
    }

    /**
     * The credentials that work after the restore when the snapshot replaces the admin account (legacy restores
     * of 4.4+ snapshots do): the source manager's admin. Used only if the current credentials are refused.
     */
    public Builder postRestoreCredentials(Credentials credentials) {
      this.postRestoreCredentials = requireNonNull(credentials, "credentials == null");
      return this;
    }

    /** Deactivate maintenance mode when everything succeeded (default true). */
    public Builder deactivateOnSuccess(boolean deactivate) {
      this.deactivateOnSuccess = deactivate;
      return this;
    }

    /** Deactivate maintenance mode even after a failed restore (default false: the manager needs a look). */
    public Builder deactivateOnFailure(boolean deactivate) {
      this.deactivateOnFailure = deactivate;
      return this;
    }

    /** Cluster restore: the operator confirms every manager node but the restore node is stopped. */
    public Builder confirmOtherNodesStopped(boolean confirmed) {
      this.confirmOtherNodesStopped = confirmed;
      return this;
    }

    /** Cluster restore: the node every call goes to (default: the client's first manager). */
    public Builder node(URI node) {
      URI n = Arguments.requireManagerUrl(node, "node");
      if (!client.managers().contains(n)) {
        throw new IllegalArgumentException("node is not one of the client's managers: " + n);
      }
      this.node = n;
      return this;
    }

    /**
     * Whether the manager is a Kubernetes ("split services") install, where legacy archives cannot be restored.
     * By default it is inferred from the {@code distribution} of {@code /api/version}.
     */
    public Builder kubernetesManager(boolean kubernetes) {
      this.kubernetes = kubernetes;
      return this;
    }

    /** Compare the manager's content with the archive afterwards (default true). */
    public Builder verify(boolean verify) {
      this.verify = verify;
      return this;
    }

    public Builder timeouts(RestoreTimeouts timeouts) {
      this.timeouts = requireNonNull(timeouts, "timeouts == null");
      return this;
    }

    /** How often waits poll (their maximum wait comes from {@link #timeouts}). */
    public Builder pollOptions(PollOptions pollOptions) {
      this.pollOptions = requireNonNull(pollOptions, "pollOptions == null");
      return this;
    }

    public Builder listener(RestoreListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * A restore with a copy of these settings: changing this builder afterwards does not change it.
     *
     * @throws IllegalStateException when neither or both of snapshotId and latestRestorableSnapshot are chosen, or
     *     latestRestorableSnapshot is combined with an upload
     */
    public RestoreOrchestrator build() {
      if (resumeFrom != null && snapshotId == null && !latest) {
        snapshotId = resumeFrom.snapshotId();
      }
      if (latest == (snapshotId != null)) {
        throw new IllegalStateException("choose exactly one of snapshotId(...) and latestRestorableSnapshot()");
      }
      if (latest && (uploadFile != null || uploadUrl != null)) {
        throw new IllegalStateException("latestRestorableSnapshot() picks a snapshot on the manager: no upload");
      }
      return new RestoreOrchestrator(copy());
    }
  }
}
