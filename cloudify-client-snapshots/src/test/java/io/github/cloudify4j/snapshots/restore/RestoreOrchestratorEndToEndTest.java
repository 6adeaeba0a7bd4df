package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.MaintenanceState;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.RestartMode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue #5: the orchestrator end to end against the fake manager, for every version profile. */
class RestoreOrchestratorEndToEndTest {
  private static final List<RestoreStep> ALL_STEPS = Arrays.asList(RestoreStep.PREFLIGHT, RestoreStep.UPLOAD,
      RestoreStep.ACTIVATE_MAINTENANCE, RestoreStep.AWAIT_MAINTENANCE, RestoreStep.START_RESTORE,
      RestoreStep.FOLLOW_RESTORE, RestoreStep.REAUTHENTICATE, RestoreStep.CHECK_HEALTH, RestoreStep.VERIFY,
      RestoreStep.DEACTIVATE_MAINTENANCE);

  @TempDir Path dir;

  private static FakeCloudifyManager target(ServerProfile profile) {
    return FakeCloudifyManager.builder().profile(profile).build().start();
  }

  private static List<RestoreStep> stepsOf(RestoreReport report) {
    return report.steps().stream().map(StepResult::step).collect(Collectors.toList());
  }

  private static StepResult<RestoreStep> step(RestoreReport report, RestoreStep step) {
    return report.steps().stream().filter(s -> s.step() == step).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + step + " in " + report));
  }

  private static List<RecordedRequest> modifying(FakeCloudifyManager m) {
    return m.journal().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"));
  }

  // 1
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void happyPath(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build();
      RestorePlan plan = orchestrator.plan();
      RestoreReport report = orchestrator.run();

      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(stepsOf(report)).containsExactlyElementsOf(ALL_STEPS);
      assertThat(report.steps()).allMatch(s -> s.status() == StepResult.Status.SUCCEEDED, "all succeeded");
      assertThat(plan.steps().stream().map(RestorePlan.Step::step)).containsExactlyElementsOf(stepsOf(report));
      assertThat(report.restoreExecutionId()).isPresent();
      assertThat(m.executionStatus(report.restoreExecutionId().get())).isEqualTo("terminated");
      assertThat(report.maintenanceState()).contains(MaintenanceState.DEACTIVATED);
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
      assertThat(report.resumed()).isFalse();
      assertThat(report.verification()).hasValueSatisfying(v -> assertThat(v.isComplete()).isTrue());
      assertThat(m.count("blueprints")).isEqualTo(3);
      assertThat(m.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(1);
      assertThat(m.journal().count("POST", "/snapshots/nightly/restore")).isEqualTo(1);
    }
  }

  // 2
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void alreadyInMaintenanceSucceeds(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      client.maintenance().activate();
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build()
          .run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(step(report, RestoreStep.ACTIVATE_MAINTENANCE).detail()).contains("already");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void failureBeforeRestoreDoesNotDeactivateWhatItDidNotActivate(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      client.maintenance().activate();
      m.advance(Duration.ofSeconds(1));
      m.faults().on("POST", "/snapshots/nightly/restore").always().respondWithJsonError(500);
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.START_RESTORE);
      assertThat(m.maintenanceStatus()).isEqualTo("activated");
      assertThat(m.journal().count("POST", "/maintenance/deactivate")).isZero();
      assertThat(e.getMessage()).contains("START_RESTORE").contains("maintenance mode activated")
          .contains("the restore was not started");
    }
  }

  // 3
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void resumesARestoreAlreadyRunning(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      Snapshots snapshots = Snapshots.of(client);
      snapshots.upload("nightly", archive);
      client.maintenance().activate();
      m.advance(Duration.ofSeconds(1));
      String started = snapshots.restore("nightly", RestoreOptions.defaults()).id();
      m.advance(Duration.ofSeconds(2));
      assertThat(m.restoreInProgress()).isTrue();
      m.journal().clear();

      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build()
          .run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(report.resumed()).isTrue();
      assertThat(report.restoreExecutionId()).contains(started);
      for (RestoreStep skipped : Arrays.asList(RestoreStep.UPLOAD, RestoreStep.ACTIVATE_MAINTENANCE,
          RestoreStep.AWAIT_MAINTENANCE, RestoreStep.START_RESTORE)) {
        assertThat(step(report, skipped).status()).isEqualTo(StepResult.Status.SKIPPED);
      }
      assertThat(m.journal().count("PUT", "/snapshots/")).isZero();
      assertThat(m.journal().count("POST", "/snapshots/nightly/restore")).isZero();
      assertThat(m.journal().count("POST", "/maintenance/activate")).isZero();
      assertThat(m.executionStatus(started)).isEqualTo("terminated");
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    }
  }

  // 4
  static Stream<Arguments> restartModes() {
    List<Arguments> out = new ArrayList<>();
    for (ServerProfile p : ServerProfile.values()) {
      for (RestartMode mode : Arrays.asList(RestartMode.CONNECTION_REFUSED, RestartMode.BAD_GATEWAY,
          RestartMode.HANG)) {
        out.add(Arguments.of(p, mode));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("restartModes")
  void ridesOutTheRestartWindow(ServerProfile profile, RestartMode mode) {
    Path archive = Archives.createLegacy(profile, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile).restartMode(mode)
        .restartWindow(Duration.ofSeconds(10), Duration.ofMinutes(2)).restoreDuration(Duration.ofMinutes(3))
        .build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      List<String> progress = new ArrayList<>();
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
          .timeouts(RestoreTimeouts.builder().pollReadTimeout(Duration.ofMillis(200))
              .restartWindow(Duration.ofMinutes(5)).build())
          .listener(new RestoreListener() {
            @Override
            public void onProgress(RestoreStep step, String message) {
              progress.add(message);
            }
          })
          .build().run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(progress).anyMatch(p -> p.contains("unreachable"));
    }
  }

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void aRestartLongerThanTheWindowFailsCleanly(ServerProfile profile) {
    Path archive = Archives.createLegacy(profile, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile)
        .restartMode(RestartMode.CONNECTION_REFUSED)
        .restartWindow(Duration.ofSeconds(10), Duration.ofHours(1)).restoreDuration(Duration.ofHours(2))
        .build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive)
          .timeouts(RestoreTimeouts.builder().pollReadTimeout(Duration.ofMillis(200))
              .restartWindow(Duration.ofMinutes(5)).build())
          .build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
      assertThat(e.getMessage()).contains("FOLLOW_RESTORE").contains("restart window")
          .contains("maintenance mode").contains("the restore was started");
      assertThat(step(e.report(), RestoreStep.FOLLOW_RESTORE).status()).isEqualTo(StepResult.Status.FAILED);
    }
  }

  // 5
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void replacedCredentialsWithoutPostRestoreCredentialsFailAtReauthenticate(ServerProfile profile) {
    Path archive = Archives.createLegacy(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      m.restoreReplacesAdminPassword("from-the-snapshot");
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.REAUTHENTICATE);
      assertThat(e.getMessage()).contains("postRestoreCredentials").contains("legacy restore replaces");
      assertThat(m.adminPassword()).isEqualTo("from-the-snapshot");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void replacedCredentialsWithPostRestoreCredentialsComplete(ServerProfile profile) {
    Path archive = Archives.createLegacy(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      m.restoreReplacesAdminPassword("from-the-snapshot");
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
          .postRestoreCredentials(Credentials.basic(m.adminUsername(), "from-the-snapshot")).build().run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(step(report, RestoreStep.REAUTHENTICATE).detail()).contains("post-restore credentials");
      assertThat(step(report, RestoreStep.REAUTHENTICATE).detail()).doesNotContain("from-the-snapshot");
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    }
  }

  // 6
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void failedRestoreExecutionLeavesMaintenanceOnByDefault(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      m.failNextRestore("boom: the database dump is corrupt");
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
      assertThat(e.getMessage()).contains("boom: the database dump is corrupt").contains("maintenance mode activated");
      assertThat(m.maintenanceStatus()).isEqualTo("activated");
      assertThat(e.report().maintenanceState()).contains(MaintenanceState.ACTIVATED);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void failedRestoreExecutionDeactivatesWhenAsked(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      m.failNextRestore("boom");
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).deactivateOnFailure(true).build().run(),
          RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
      assertThat(e.report().maintenanceState()).contains(MaintenanceState.DEACTIVATED);
      assertThat(e.getMessage()).contains("maintenance mode deactivated");
    }
  }

  // 7
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void existingSnapshotWithFailIsRefusedBeforeAnyChange(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      Snapshots.of(client).upload("nightly", archive);
      m.journal().clear();
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.PREFLIGHT);
      assertThat(((RestoreRefusedException) e).code()).isEqualTo(RestoreRefusal.Code.SNAPSHOT_EXISTS);
      assertThat(modifying(m)).isEmpty();
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void existingSnapshotWithReuseIsNotUploaded(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      Snapshots.of(client).upload("nightly", archive);
      m.journal().clear();
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
          .onExistingSnapshot(ExistingSnapshotPolicy.REUSE).build().run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(m.journal().count("PUT", "/snapshots/")).isZero();
      assertThat(m.journal().count("DELETE", "/snapshots/")).isZero();
      assertThat(step(report, RestoreStep.UPLOAD).detail()).contains("reused");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void existingSnapshotWithReplaceIsDeletedThenUploaded(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      Snapshots.of(client).upload("nightly", archive);
      m.journal().clear();
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
          .onExistingSnapshot(ExistingSnapshotPolicy.REPLACE).build().run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      List<RecordedRequest> changes = m.journal().filter(r -> r.apiPath().startsWith("/snapshots/nightly")
          && !r.method().equals("GET"));
      assertThat(changes.stream().map(r -> r.method() + " " + r.apiPath()))
          .startsWith("DELETE /snapshots/nightly", "PUT /snapshots/nightly/archive");
      assertThat(m.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(1);
    }
  }

  // 8
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void maintenanceActivationTimeoutRollsBack(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = target(profile); CloudifyClient client = VirtualTime.client(m).build()) {
      m.seed().blueprints(0);
      String running = m.seed().runningExecution(null, "long_running_workflow");
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive)
          .timeouts(RestoreTimeouts.builder().maintenance(Duration.ofMinutes(5)).build())
          .build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.AWAIT_MAINTENANCE);
      assertThat(((RestoreRefusedException) e).code()).isEqualTo(RestoreRefusal.Code.MAINTENANCE_NOT_ACTIVATED);
      assertThat(((RestoreRefusedException) e).refusal().executionIds()).contains(running);
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
      assertThat(step(e.report(), RestoreStep.DEACTIVATE_MAINTENANCE).status())
          .isEqualTo(StepResult.Status.SUCCEEDED);
      assertThat(m.journal().count("POST", "/snapshots/nightly/restore")).isZero();
    }
  }

  // 9
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void scheduledExecutionsTheRestoreFailedAreReported(ServerProfile profile) {
    Instant sourceStart = Instant.parse("2026-01-10T08:00:00Z");
    Instant overdueAt = sourceStart.plus(Duration.ofHours(1));
    Instant futureAt = sourceStart.plus(Duration.ofDays(30));
    String[] ids = new String[2];
    Path archive = Archives.create(FakeCloudifyManager.builder().profile(profile).startTime(sourceStart), dir,
        "nightly", true, m -> {
          m.seed().blueprints(1).deployments(1);
          ids[0] = m.seed().scheduledExecution(overdueAt);
          ids[1] = m.seed().scheduledExecution(futureAt);
        });
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile)
        .startTime(sourceStart.plus(Duration.ofDays(1))).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build()
          .run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      List<String> failed = report.scheduledExecutionsFailed().stream().map(Execution::id)
          .collect(Collectors.toList());
      if (profile == ServerProfile.V5_0_5) {
        // before 6.0 only overdue ones are marked failed; future ones stay scheduled
        assertThat(failed).containsExactly(ids[0]);
        assertThat(m.executionStatus(ids[1])).isEqualTo("scheduled");
      } else {
        // 6.0+ legacy restore: future ones become execution schedules <workflow>_restored_<hex>, all marked failed
        assertThat(failed).containsExactlyInAnyOrder(ids[0], ids[1]);
        assertThat(m.entities("execution_schedules")).anyMatch(s -> s.path("id").asText().startsWith("heal_restored_"));
      }
      assertThat(report.followUps()).anyMatch(f -> f.contains("scheduled execution"));
    }
  }

  // 10
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void cancellationFromTheListenerStopsTheWait(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile)
        .restoreDuration(Duration.ofHours(1)).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      AtomicReference<RestoreOrchestrator> self = new AtomicReference<>();
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client).snapshotId("nightly")
          .uploadFrom(archive)
          .listener(new RestoreListener() {
            @Override
            public void onProgress(RestoreStep step, String message) {
              if (step == RestoreStep.FOLLOW_RESTORE) {
                self.get().cancel();
              }
            }
          }).build();
      self.set(orchestrator);
      RestoreFailedException e = catchThrowableOfType(orchestrator::run, RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
      assertThat(step(e.report(), RestoreStep.FOLLOW_RESTORE).status()).isEqualTo(StepResult.Status.CANCELLED);
      assertThat(e.getMessage()).contains("ancel").contains("maintenance mode activated")
          .contains("the restore was started");
      assertThat(m.restoreInProgress()).isTrue();
    }
  }

  @Test
  void cancellationFromAnotherThreadStopsTheWait() throws Exception {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      String running = m.seed().runningExecution(null, "long_running_workflow");
      java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
      // a sleeper that blocks (without sleeping) until the test thread has cancelled, then advances the fake
      java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
      try (CloudifyClient client = VirtualTime.client(m).sleeper(d -> {
        waiting.countDown();
        synchronized (cancelled) {
          while (!cancelled.get()) {
            cancelled.wait();
          }
        }
        m.advance(d);
      }).build()) {
        RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client).snapshotId("nightly")
            .uploadFrom(archive).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
          try {
            orchestrator.run();
          } catch (Throwable t) {
            thrown.set(t);
          }
        });
        runner.start();
        assertThat(waiting.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        orchestrator.cancel();
        synchronized (cancelled) {
          cancelled.set(true);
          cancelled.notifyAll();
        }
        runner.join(20_000);
        assertThat(thrown.get()).isInstanceOf(RestoreFailedException.class);
        RestoreFailedException e = (RestoreFailedException) thrown.get();
        assertThat(e.step()).isEqualTo(RestoreStep.AWAIT_MAINTENANCE);
        assertThat(step(e.report(), RestoreStep.AWAIT_MAINTENANCE).status()).isEqualTo(StepResult.Status.CANCELLED);
        assertThat(e.getMessage()).contains("AWAIT_MAINTENANCE");
        // this run activated maintenance mode and the restore never started: rolled back
        assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
        assertThat(m.executionStatus(running)).isEqualTo("started");
      }
    }
  }

  // 11
  @Test
  void planSendsNothingAndBlocksAnUnconfirmedClusterRestore() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().nodes(3).build().start();
        CloudifyClient client = VirtualTime.client(m).managers(Arrays.asList(URI.create(m.baseUrl(0)),
            URI.create(m.baseUrl(1)), URI.create(m.baseUrl(2)))).build()) {
      m.journal().clear();
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client).snapshotId("nightly")
          .uploadFrom(dir.resolve("missing.zip")).build();
      RestorePlan plan = orchestrator.plan();
      assertThat(plan.toString()).contains("PREFLIGHT");
      assertThat(m.journal().isEmpty()).isTrue();

      RestorePlan confirmed = RestoreOrchestrator.builder(client).snapshotId("nightly").confirmOtherNodesStopped(true)
          .build().plan();
      assertThat(confirmed.blockers()).isEmpty();
      assertThat(m.journal().isEmpty()).isTrue();

      assertThat(plan.blockerCodes()).extracting(RestoreRefusal::code).containsExactly(
          RestoreRefusal.Code.CLUSTER_NOT_CONFIRMED, RestoreRefusal.Code.ARCHIVE_NOT_READABLE);
      RestoreRefusedException e = catchThrowableOfType(orchestrator::run, RestoreRefusedException.class);
      assertThat(e.step()).isEqualTo(RestoreStep.PREFLIGHT);
      assertThat(e.code()).isEqualTo(RestoreRefusal.Code.CLUSTER_NOT_CONFIRMED);
      assertThat(modifying(m)).isEmpty();
    }
  }
}
