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
 * One run of a plan: each planned step through the shared {@link StepRunner}, then the rollback after a
 * failure, the description of the state the manager was left in, and the report or the exception.
 */
final class RestoreRun extends RestoreAftercare {

  RestoreRun(RestoreOrchestrator.Builder settings, AtomicBoolean cancelled) {
    super(settings, cancelled);
  }

  /** Runs the plan (already checked to be this orchestrator's, and this run the first). */
  RestoreReport run(RestorePlan plan) {
    Instant start = settings.client.poller().clock().instant();
    deadline = start.plus(settings.timeouts.overall());
    report.snapshotId = settings.latest ? "(latest)" : settings.snapshotId;
    report.plan = plan;
    bindClients(settings.client);
    try {
      if (!plan.blockerCodes().isEmpty()) {
        RestoreRefusal first = plan.blockerCodes().get(0);
        steps.run(RestoreStep.PREFLIGHT, () -> {
          throw new Refused(new RestoreRefusal(first.code(), String.join(" ", plan.blockers())), null);
        });
      }
      RestorePlan current = plan;
      for (int i = 0; i < current.steps().size(); i++) {
        RestorePlan.Step step = current.steps().get(i);
        if (step.isSkipped()) {
          steps.skip(step.step(), step.skipReason().orElse(""));
          continue;
        }
        steps.run(step.step(), () -> execute(step));
        if (step.step() == RestoreStep.PREFLIGHT && resumed && !current.resumed()) {
          current = current.resumedWith(report.restoreExecutionId);
          report.plan = current;
        }
      }
      report.outcome = report.verification == null || report.verification.isComplete()
          ? RestoreReport.Outcome.COMPLETE : RestoreReport.Outcome.PARTIAL;
      finish(start);
      RestoreReport done = report.build();
      LOG.info("Restore of {} ended {} in {}", report.snapshotId, done.outcome(), human(done.duration()));
      return done;
    } catch (StepRunner.StepFailedException failure) {
      RestoreStep failedStep = (RestoreStep) failure.result().step();
      report.outcome = RestoreReport.Outcome.FAILED;
      report.failedStep = failedStep;
      rollback();
      String state = describeState();
      report.failure = failureText(failure, failedStep) + " " + state;
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
      LOG.error("Restore of {} failed at {}: {}", report.snapshotId, failedStep, report.failure);
      if (refused != null) {
        throw new RestoreRefusedException(failed, refused.refusal, refused.getCause());
      }
      throw new RestoreFailedException(failed, failure.started() ? failure.getCause() : null);
    } finally {
      if (ownedClient != null) {
        ownedClient.close();
      }
    }
  }

  String execute(RestorePlan.Step step) {
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


  void rollback() {
    boolean deactivate = restoreStarted ? settings.deactivateOnFailure : activatedByUs;
    if (!deactivate) {
      return;
    }
    Instant start = clock();
    try {
      api.maintenance().deactivate();
      steps.record(RestoreStep.DEACTIVATE_MAINTENANCE, StepResult.Status.SUCCEEDED, start,
          restoreStarted ? "deactivated after the failed restore, as asked" : "rolled back: this run had activated it");
    } catch (CloudifyException e) {
      steps.record(RestoreStep.DEACTIVATE_MAINTENANCE, StepResult.Status.FAILED, start,
          "rollback failed: " + e.getMessage());
    }
  }

  String describeState() {
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

  void finish(Instant start) {
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


  /** The failure's first sentence: "Cancelled before X.", "Cancelled during X: why." or the masked reason. */
  private static String failureText(StepRunner.StepFailedException failure, RestoreStep step) {
    StepResult<?> result = failure.result();
    if (!failure.started()) {
      return "Cancelled before " + step + ".";
    }
    if (result.status() == StepResult.Status.CANCELLED) {
      return "Cancelled during " + step + ": " + result.detail() + ".";
    }
    return result.detail().endsWith(".") ? result.detail() : result.detail() + ".";
  }
}
