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
import io.github.cloudify4j.snapshots.cluster.ClusterDoctor;
import io.github.cloudify4j.snapshots.cluster.ClusterHealth;
import io.github.cloudify4j.snapshots.cluster.ClusterRisk;
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
 * PREFLIGHT: what a restore checks before it changes anything (or, finishing an earlier run, reads again).
 */
abstract class RestorePreflight extends RestoreRunState {

  RestorePreflight(RestoreOrchestrator.Builder settings, AtomicBoolean cancelled) {
    super(settings, cancelled);
  }

  String preflight() {
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
      facts.add(clusterGuard());
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
   * The split-brain guard (several managers configured): every node asked alone; a split, or a quorum lost while
   * every node answers, refuses the restore unless {@code allowUnsafeCluster(true)}, which the report records.
   */
  private String clusterGuard() {
    ClusterHealth health = ClusterDoctor.builder(settings.client).build().health();
    URI target = settings.node != null ? settings.node : settings.client.managers().get(0);
    Optional<ClusterRisk> risk = health.blockingRisk(target);
    if (!risk.isPresent()) {
      return "cluster guard " + health.verdict();
    }
    RestoreRefusal.Code code = risk.get().code() == ClusterRisk.Code.DB_WITHOUT_QUORUM
        || risk.get().code() == ClusterRisk.Code.BROKER_WITHOUT_QUORUM
        ? RestoreRefusal.Code.CLUSTER_WITHOUT_QUORUM : RestoreRefusal.Code.CLUSTER_SPLIT;
    if (!settings.allowUnsafeCluster) {
      throw refuse(code, "Refused by the split-brain guard (" + health.verdict() + "): " + risk.get().message()
          + " Nodes: " + risk.get().says() + ". Heal the cluster first, or choose allowUnsafeCluster(true)"
          + " knowingly.");
    }
    report.clusterGuardOverridden = true;
    report.warnings.add("allowUnsafeCluster(true): restoring although the split-brain guard found " + code + " ("
        + health.verdict() + "): " + risk.get().says());
    return "cluster guard " + health.verdict() + " OVERRIDDEN";
  }

  /**
   * PREFLIGHT of a run that finishes an earlier one ({@link Builder#resumeFrom}): takes the restore's identity
   * from the earlier report and reads what later steps need, changing nothing. No emptiness check: the manager
   * holds the restored data now.
   */
  String preflightForResume() {
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

  void resumeRunningRestore() {
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

  String latestRestorable() {
    ListParams params = ListParams.builder().filter("status", "created", "uploaded")
        .sortDescending("created_at").size(1).build();
    List<Snapshot> items = snapshots.list(params).items();
    if (items.isEmpty()) {
      throw refuse(RestoreRefusal.Code.NO_RESTORABLE_SNAPSHOT,
          "The manager has no restorable snapshot (created or uploaded)");
    }
    return items.get(0).id();
  }

  static void requireRestorable(Snapshot snapshot) {
    if (!snapshot.status().isRestorable()) {
      throw refuse(RestoreRefusal.Code.SNAPSHOT_NOT_RESTORABLE, "Snapshot " + snapshot.id() + " is "
          + snapshot.status()
          + (SnapshotStatus.FAILED.equals(snapshot.status()) && !snapshot.error().isEmpty()
              ? " (" + Secrets.mask(snapshot.error()) + ")" : "")
          + " and cannot be restored; only created or uploaded snapshots can");
    }
  }

  boolean isKubernetes() {
    if (settings.kubernetes != null) {
      return settings.kubernetes;
    }
    String distribution = serverVersion.distribution().orElse("").toLowerCase(Locale.ROOT);
    return distribution.contains("k8s") || distribution.contains("kubernetes");
  }

}
