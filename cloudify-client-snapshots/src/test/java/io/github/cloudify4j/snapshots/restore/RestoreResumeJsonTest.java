package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link RestoreReport#toResumeJson()} and {@link RestoreReport#fromResumeJson(String)}: a restore that failed late is
 * finished by another process from the saved JSON; the JSON holds no secret; a broken file is refused by field name.
 */
class RestoreResumeJsonTest {
  private static final String NEW_PASSWORD = "Post-Restore-S3cret";

  @TempDir Path dir;

  enum FailedIn { VERIFY, DEACTIVATE_MAINTENANCE }

  @ParameterizedTest
  @EnumSource(FailedIn.class)
  void aRunThatFailedLateIsFinishedFromItsSavedJson(FailedIn failedIn) {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      m.restoreReplacesAdminPassword(NEW_PASSWORD);
      if (failedIn == FailedIn.VERIFY) {
        m.faults().on("GET", "/deployments").always().respondWithJsonError(500);
      } else {
        m.faults().on("POST", "/maintenance/deactivate").always().respondWithJsonError(500);
      }
      String json;
      RestoreReport failed;
      try (CloudifyClient client = VirtualTime.client(m).build()) {
        RestoreFailedException first = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
            .snapshotId("nightly").uploadFrom(archive)
            .postRestoreCredentials(Credentials.basic(m.adminUsername(), NEW_PASSWORD)).build().run(),
            RestoreFailedException.class);
        assertThat(first).isNotNull();
        assertThat(first.step()).isEqualTo(RestoreStep.valueOf(failedIn.name()));
        failed = first.report();
        json = failed.toResumeJson();
      }
      assertThat(json).doesNotContain(NEW_PASSWORD).doesNotContainIgnoringCase("password")
          .doesNotContain("Authorization");

      RestoreReport read = RestoreReport.fromResumeJson(json);
      assertThat(read.snapshotId()).isEqualTo("nightly");
      assertThat(read.outcome()).isEqualTo(RestoreReport.Outcome.FAILED);
      assertThat(read.failedStep()).isEqualTo(failed.failedStep());
      assertThat(read.restoreExecutionId()).isPresent().isEqualTo(failed.restoreExecutionId());
      assertThat(read.restoreRequestedAt()).isPresent().isEqualTo(failed.restoreRequestedAt());
      assertThat(read.snapshotLeftOnManager()).isEqualTo(failed.snapshotLeftOnManager());
      assertThat(read.steps()).extracting(StepResult::step, StepResult::status)
          .containsExactlyElementsOf(failed.steps().stream()
              .map(s -> org.assertj.core.groups.Tuple.tuple(s.step(), s.status()))
              .collect(java.util.stream.Collectors.toList()));
      assertThat(read.toResumeJson()).isEqualTo(json);

      // Another process: a new client with the old credentials, the settings given again, the saved state.
      m.faults().clearAll();
      m.journal().clear();
      try (CloudifyClient client = VirtualTime.client(m).build()) {
        RestoreReport report = RestoreOrchestrator.builder(client).uploadFrom(archive)
            .postRestoreCredentials(Credentials.basic(m.adminUsername(), NEW_PASSWORD))
            .resumeFrom(RestoreReport.fromResumeJson(json)).build().run();
        assertThat(report.outcome()).as("%s", report).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.resumed()).isTrue();
        assertThat(report.snapshotId()).isEqualTo("nightly");
        assertThat(report.restoreExecutionId()).isEqualTo(failed.restoreExecutionId());
        assertThat(report.verification()).hasValueSatisfying(v -> assertThat(v.isComplete()).isTrue());
        if (failedIn == FailedIn.DEACTIVATE_MAINTENANCE) {
          // VERIFY is not run again: its findings come from the saved state.
          assertThat(report.steps()).filteredOn(s -> s.step() == RestoreStep.VERIFY).extracting(StepResult::status)
              .containsExactly(StepResult.Status.SKIPPED);
          assertThat(report.verification().get().actual()).isEqualTo(failed.verification().get().actual());
        }
        assertThat(m.journal().count("POST", "/snapshots/nightly/restore")).isZero();
        assertThat(m.journal().count("PUT", "/snapshots/")).isZero();
        assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
        assertThat(m.count("blueprints")).isEqualTo(3);
      }
    }
  }

  @Test
  void everyFactARoundTripKeepsButNoExecutionParameterOrError() {
    RestoreReport.Builder b = new RestoreReport.Builder();
    b.snapshotId = "nightly";
    b.failedStep = RestoreStep.DEACTIVATE_MAINTENANCE;
    b.failure = "HTTP 500";
    b.restoreExecutionId = "ex-1";
    Instant at = Instant.parse("2026-12-01T10:00:00.123Z");
    b.restoreRequestedAt = at;
    b.snapshotLeftOnManager = "nightly";
    b.restoreExecution = Execution.builder().id("ex-1").workflowId("restore_snapshot")
        .status(ExecutionStatus.TERMINATED).createdAt(at).endedAt(at.plusSeconds(60))
        .putParameters("config", Collections.singletonMap("postgresql_password", "db-S3cret"))
        .error("auth failed for db-S3cret").build();
    b.scheduledExecutionsFailed.add(Execution.builder().id("ex-2").workflowId("install").deploymentId("d1")
        .status(ExecutionStatus.FAILED).scheduledFor(at.minusSeconds(3600)).tenantName("default_tenant").build());
    b.executionsCancelled.add(Execution.builder().id("ex-3").status(ExecutionStatus.CANCELLED).build());
    b.verification = new Verification(Map.of("blueprints", 3L), Map.of("blueprints", 2L),
        Map.of("users", "not counted (community edition)"), Arrays.asList("Error restoring x"), "a note");
    b.steps.add(new StepResult<>(RestoreStep.START_RESTORE, StepResult.Status.SUCCEEDED, at,
        Duration.ofMillis(1500), "execution ex-1"));
    b.steps.add(new StepResult<>(RestoreStep.DEACTIVATE_MAINTENANCE, StepResult.Status.FAILED, at.plusSeconds(90),
        Duration.ofMillis(20), "HTTP 500"));
    RestoreReport original = b.build();

    String json = original.toResumeJson();
    assertThat(json).doesNotContain("db-S3cret").doesNotContain("postgresql_password")
        .contains("\"format\" : \"cloudify4j-restore-resume/1\"");
    RestoreReport read = RestoreReport.fromResumeJson(json);

    assertThat(read.snapshotLeftOnManager()).contains("nightly");
    assertThat(read.failure()).contains("HTTP 500");
    assertThat(read.restoreRequestedAt()).contains(at);
    assertThat(read.restoreExecution()).hasValueSatisfying(e -> {
      assertThat(e.id()).isEqualTo("ex-1");
      assertThat(e.status()).isEqualTo(ExecutionStatus.TERMINATED);
      assertThat(e.endedAt()).contains(at.plusSeconds(60));
      assertThat(e.parameters()).isEmpty();
      assertThat(e.error()).isEmpty();
    });
    assertThat(read.scheduledExecutionsFailed()).singleElement().satisfies(e -> {
      assertThat(e.workflowId()).contains("install");
      assertThat(e.deploymentId()).contains("d1");
      assertThat(e.scheduledFor()).contains(at.minusSeconds(3600));
      assertThat(e.tenantName()).contains("default_tenant");
    });
    assertThat(read.executionsCancelled()).extracting(Execution::id).containsExactly("ex-3");
    assertThat(read.verification()).hasValueSatisfying(v -> {
      assertThat(v.missing()).isEqualTo(Map.of("blueprints", 1L));
      assertThat(v.notCounted()).isEqualTo(Map.of("users", "not counted (community edition)"));
      assertThat(v.restoreErrors()).containsExactly("Error restoring x");
      assertThat(v.note()).isEqualTo("a note");
    });
    assertThat(read.steps()).hasSize(2);
    assertThat(read.steps().get(1).startedAt()).isEqualTo(at.plusSeconds(90));
    assertThat(read.steps().get(0).duration()).isEqualTo(Duration.ofMillis(1500));
    assertThat(read.steps().get(0).detail()).isEqualTo("execution ex-1");
    assertThat(read.plan()).isNull();
    assertThat(read.toResumeJson()).isEqualTo(json);
  }

  @Test
  void aBrokenStateIsRefusedNamingTheField() {
    RestoreReport.Builder b = new RestoreReport.Builder();
    b.snapshotId = "nightly";
    b.steps.add(new StepResult<>(RestoreStep.START_RESTORE, StepResult.Status.SUCCEEDED,
        Instant.parse("2026-12-01T10:00:00Z"), Duration.ZERO, "ok"));
    String json = b.build().toResumeJson();

    assertThatThrownBy(() -> RestoreReport.fromResumeJson(json.replace("\"failure\"", "\"failur\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'failur' is unknown");
    assertThatThrownBy(() -> RestoreReport.fromResumeJson(json.replace("\"snapshot_left_on_manager\" : null,", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'snapshot_left_on_manager' is missing");
    assertThatThrownBy(() -> RestoreReport.fromResumeJson(json.replace("\"SUCCEEDED\"", "\"DONE\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'steps[0].status' has an unknown value 'DONE'");
    assertThatThrownBy(() -> RestoreReport.fromResumeJson(json.replace("\"nightly\"", "null")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'snapshot_id' is null");
    assertThatThrownBy(() -> RestoreReport.fromResumeJson(json.replace("restore-resume/1", "restore-resume/2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'format'");
    assertThatThrownBy(() -> RestoreReport.fromResumeJson("{\"outcome\": "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> RestoreReport.fromResumeJson("[]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
  }
}
