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
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
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
 * The state of one restore run and the helpers every step uses (clients, clock, poll limits). The steps are
 * split by job over the classes that extend it: {@link RestorePreflight} (the checks before anything changes),
 * {@link RestoreActions} (upload, maintenance mode, the restore and its follow, re-authentication), {@link
 * RestoreAftercare} (health and verification) and {@link RestoreRun} (the runner, rollback and the report).
 */
abstract class RestoreRunState {
  static final Logger LOG = LoggerFactory.getLogger(RestoreOrchestrator.class);
  static final Version FIRST_WITH_STATUS = Version.of(5, 0, 5);
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  static final RequestOptions SYS_ADMIN = RequestOptions.builder().bypassMaintenance(true).build();

  final RestoreOrchestrator.Builder settings;
  final AtomicBoolean cancelled;
  final RestoreReport.Builder report = new RestoreReport.Builder();
  final StepRunner<RestoreStep> steps;

  CloudifyClient api;
  CloudifyClient poll;
  CloudifyClient ownedClient;
  Snapshots snapshots;
  Snapshots pollSnapshots;
  ServerVersion serverVersion;
  ArchiveInfo archive;
  String snapshotId;
  boolean snapshotOnManager;
  boolean uploadedByUs;
  boolean activatedByUs;
  boolean restoreStarted;
  boolean resumed;
  Instant deadline;
  Instant restoreRequestedAt;

  RestoreRunState(RestoreOrchestrator.Builder settings, AtomicBoolean cancelled) {
    this.settings = settings;
    this.cancelled = cancelled;
    this.steps = new StepRunner<>("Restore", settings.listener, settings.client.poller().clock(), cancelled::get,
        report.steps::add, StepRunner::message)
        .observedBy(SnapshotsObserver.of(ClientContext.of(settings.client)), "restore");
  }

  <T> T waitReachable(Supplier<T> call) {
    return api.poller().until("the manager to answer", call::get)
        .succeedWhen(v -> true, "answered")
        .retryOn(ServerUnavailableException.class, CloudifyTransportException.class)
        .options(pollOptions(settings.timeouts.health()))
        .cancelWhen(cancelled::get)
        .await();
  }

  void bindClients(CloudifyClient client) {
    api = client.managers().size() > 1 ? client.pinnedTo(node()) : client;
    poll = api.withOptions(o -> o.retryPolicy(RetryPolicy.none()).readTimeout(settings.timeouts.pollReadTimeout()));
    snapshots = Snapshots.of(api);
    pollSnapshots = Snapshots.of(poll);
  }

  URI node() {
    return settings.node != null ? settings.node : settings.client.managers().get(0);
  }

  PollOptions pollOptions(Duration stepLimit) {
    Duration remaining = Duration.between(clock(), deadline);
    Duration limit = stepLimit.compareTo(remaining) < 0 ? stepLimit : remaining;
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalStateException("The overall timeout (" + human(settings.timeouts.overall())
          + ") has run out");
    }
    return settings.pollOptions.toBuilder().maxWait(limit).build();
  }

  RestoreListener listener() {
    return settings.listener;
  }

  Instant clock() {
    return settings.client.poller().clock().instant();
  }

  static Refused refuse(RestoreRefusal.Code code, String message) {
    return new Refused(new RestoreRefusal(code, message), null);
  }

}
