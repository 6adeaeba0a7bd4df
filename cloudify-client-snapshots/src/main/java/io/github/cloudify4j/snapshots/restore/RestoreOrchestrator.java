package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
import io.github.cloudify4j.client.spi.ClientContext;
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
import io.github.cloudify4j.snapshots.workflow.StepResult;
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
  private final Builder settings;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();

  private RestoreOrchestrator(Builder settings) {
    this.settings = settings; // a copy made by build(): the builder can change, this cannot
  }

  /** A builder for a restore through {@code client}; choose the snapshot with {@link Builder#snapshotId} or {@link
   * Builder#latestRestorableSnapshot}. */
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
   * is to follow its {@link RestorePlan#resumedWith(String) resumed} form when PREFLIGHT finds a restore running; the
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
    SnapshotsObserver.Span span = SnapshotsObserver.of(ClientContext.of(settings.client))
        .workflow("restore", settings.latest ? "(latest)" : settings.snapshotId);
    return SnapshotsObserver.observe(span, () -> new RestoreRun(settings, cancelled).run(plan),
        report -> report.outcome().name(), failure -> RestoreReport.Outcome.FAILED.name());
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

    /**
     * What to do when the snapshot id to upload already exists on the manager (default FAIL: decided up front in
     * PREFLIGHT, before anything is sent, rather than by a 409 halfway).
     */
    public Builder onExistingSnapshot(ExistingSnapshotPolicy policy) {
      this.existingPolicy = requireNonNull(policy, "policy == null");
      return this;
    }

    /** The parameters of the restore request itself ({@code force}, certificates, reboot …). */
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

    /** How long each wait may take, and the whole run; see {@link RestoreTimeouts#defaults()}. */
    public Builder timeouts(RestoreTimeouts timeouts) {
      this.timeouts = requireNonNull(timeouts, "timeouts == null");
      return this;
    }

    /** How often waits poll (their maximum wait comes from {@link #timeouts}). */
    public Builder pollOptions(PollOptions pollOptions) {
      this.pollOptions = requireNonNull(pollOptions, "pollOptions == null");
      return this;
    }

    /** Told about each step as it runs (default: nobody); the same shape as a backup's listener. */
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
