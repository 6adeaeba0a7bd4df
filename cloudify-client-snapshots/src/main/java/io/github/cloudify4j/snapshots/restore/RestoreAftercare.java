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

/** CHECK_HEALTH and VERIFY: whether the restored manager is healthy and holds what the archive held. */
abstract class RestoreAftercare extends RestoreActions {

  RestoreAftercare(RestoreOrchestrator.Builder settings, AtomicBoolean cancelled) {
    super(settings, cancelled);
  }

  String checkHealth() {
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
      String seen = e.lastObserved(ManagerStatus.class).map(RestoreText::healthSummary)
          .orElse(e.getCause() != null ? "no answer (" + e.getCause().getClass().getSimpleName() + ")" : "no answer");
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

  String verify() {
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

  void collectAffectedExecutions() {
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

}
