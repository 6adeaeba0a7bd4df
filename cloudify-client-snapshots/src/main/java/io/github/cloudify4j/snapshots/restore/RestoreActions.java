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
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
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
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.workflow.internal.StepRunner;
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
 * The steps that change the manager: UPLOAD, ACTIVATE/AWAIT_MAINTENANCE, START_RESTORE (with the clean-up
 * of a refused restore), FOLLOW_RESTORE (through {@link RestoreFollow}), REAUTHENTICATE and
 * DEACTIVATE_MAINTENANCE.
 */
abstract class RestoreActions extends RestorePreflight {

  RestoreActions(RestoreOrchestrator.Builder settings, AtomicBoolean cancelled) {
    super(settings, cancelled);
  }

  String upload() {
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

  Snapshot doUpload() {
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

  Optional<Snapshot> findQuietly() {
    try {
      return pollSnapshots.find(snapshotId);
    } catch (CloudifyException e) {
      return Optional.empty();
    }
  }

  String activateMaintenance() {
    io.github.cloudify4j.client.maintenance.MaintenanceChange change = api.maintenance().activate();
    activatedByUs = change.changed();
    return change.changed() ? "activated (" + change.status().status() + ")"
        : "already " + change.status().status() + " (not by this run: left as found on rollback)";
  }

  String awaitMaintenance() {
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
      MaintenanceStatus last = e.lastObserved(MaintenanceStatus.class).orElse(null);
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

  String startRestore() {
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
  String killRefusedRestoreLeftovers() {
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

  String followRestore() {
    boolean statusEndpoint = serverVersion.version().isAtLeast(FIRST_WITH_STATUS);
    RestoreFollow follow = new RestoreFollow(statusEndpoint, resumed, pollSnapshots, poll, report.restoreExecutionId,
        settings.timeouts.restartWindow(), restoreRequestedAt, this::clock);
    RestoreFollow.State last = api.poller().until("the restore of " + snapshotId + " to finish", follow::probe)
        // failure first: the waiter takes the first matching rule, and isOver also holds for a failed execution
        .failWhen(s -> s.execution != null && s.execution.isTerminal() && !s.execution.status().isSuccess(),
            s -> "the restore execution " + s.execution.id() + " ended " + s.execution.status()
                + (s.execution.error().isEmpty() ? "" : ": " + Secrets.mask(s.execution.error())))
        .succeedWhen(follow::isOver, "over")
        .options(pollOptions(settings.timeouts.restoreExecution()))
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

  String reauthenticate() {
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

  String deactivate() {
    io.github.cloudify4j.client.maintenance.MaintenanceChange change = api.maintenance().deactivate();
    return change.changed() ? "deactivated" : "was already deactivated";
  }

}
