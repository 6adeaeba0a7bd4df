package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
import io.github.cloudify4j.client.model.MaintenanceState;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #14 item 6, against the fake manager instead of recorded answers: a restore that the manager refuses with
 * 400 {@code existing_running_execution_error} still leaves a {@code pending} {@code restore_snapshot} execution
 * that nothing runs (corpus seq 134–136, 189–191; the fake does the same). Here another workflow starts (past
 * maintenance mode, as an admin may) just before the restore is requested, so the fake refuses it. The orchestrator
 * must find the leftover and kill it on the manager: otherwise, once the blocker is gone, the leftover still keeps
 * maintenance mode {@code activating} and every later restore fails.
 */
class RefusedRestoreLeftoverOnTheFakeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(ServerProfile.class)
  void theLeftoverIsKilledOnTheManagerAndALaterRestoreSucceeds(ServerProfile profile) throws Exception {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager manager = FakeCloudifyManager.builder().profile(profile).edition(Edition.COMMUNITY)
        .build().start();
        CloudifyClient client = VirtualTime.client(manager).build()) {
      String[] blocker = {null};
      RestoreListener startsABlocker = new RestoreListener() {
        @Override
        public void onStepStarted(RestoreStep step) {
          if (step == RestoreStep.START_RESTORE && blocker[0] == null) {
            blocker[0] = manager.seed().runningExecution(null, "install");
          }
        }
      };

      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).listener(startsABlocker).build().run(),
          RestoreFailedException.class);

      // The fake refused the restore and stored its pending restore_snapshot execution all the same.
      assertThat(e).as("the restore must be refused").isNotNull();
      assertThat(e.getCause()).isInstanceOf(ExistingRunningExecutionException.class);
      assertThat(((RestoreRefusedException) e).code()).isEqualTo(RestoreRefusal.Code.MANAGER_REFUSED_RESTORE);
      List<ObjectNode> restores = manager.executions().stream()
          .filter(x -> "restore_snapshot".equals(x.path("workflow_id").asText())).collect(Collectors.toList());
      assertThat(restores).hasSize(1);
      String leftover = restores.get(0).path("id").asText();

      // The report and the exception name it.
      RestoreReport report = e.report();
      assertThat(report.failedStep()).contains(RestoreStep.START_RESTORE);
      assertThat(report.leftoverExecutionsKilled()).containsExactly(leftover);
      assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains(leftover).contains("killed"));
      assertThat(e.getMessage()).contains(leftover);
      assertThat(report.toString()).contains("leftover restore executions killed: " + leftover);

      // Killed on the manager: exactly one POST /executions/{id} {"action": "kill"} as JSON, and only that one.
      List<RecordedRequest> kills = manager.journal().matching("POST", "/executions/" + leftover);
      assertThat(kills).hasSize(1);
      RecordedRequest kill = kills.get(0);
      assertThat(kill.status()).isEqualTo(200);
      assertThat(kill.headers().get("content-type")).containsExactly("application/json");
      JsonNode body = JSON.readTree(new String(kill.body(), StandardCharsets.UTF_8));
      assertThat(body).isEqualTo(JSON.readTree("{\"action\": \"kill\"}"));
      assertThat(kill.header("X-BYPASS-MAINTENANCE")).isEqualTo("true");
      assertThat(manager.journal().matching("POST", "/executions/" + blocker[0])).as("the blocker is not ours")
          .isEmpty();
      assertThat(manager.executionStatus(leftover)).isIn("kill_cancelling", "cancelled");
      assertThat(manager.executionStatus(blocker[0])).isEqualTo("started");
      assertThat(report.maintenanceState()).contains(MaintenanceState.DEACTIVATED);

      // The blocker ends; the same restore again (the archive is on the manager now) is not held up by the
      // leftover: maintenance mode activates and the restore completes.
      manager.seed().finish(blocker[0], "terminated");
      String[] leftoverWhenRestoring = {null};
      RestoreListener watch = new RestoreListener() {
        @Override
        public void onStepStarted(RestoreStep step) {
          if (step == RestoreStep.START_RESTORE) {
            leftoverWhenRestoring[0] = manager.executionStatus(leftover);
          }
        }
      };
      RestoreReport again;
      try {
        again = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
            .onExistingSnapshot(ExistingSnapshotPolicy.REUSE).listener(watch).build().run();
      } catch (RestoreFailedException second) {
        throw new AssertionError("the later restore failed:\n" + second.report(), second);
      }
      assertThat(again.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      // Maintenance mode was "activating" (the leftover was still being killed): it flips to "activated" only on
      // a request that does not bypass maintenance mode (corpus seq 163), so the wait polls without the header.
      assertThat(again.steps()).filteredOn(s -> s.step() == RestoreStep.ACTIVATE_MAINTENANCE).singleElement()
          .satisfies(s -> assertThat(s.detail()).contains("activating"));
      assertThat(manager.journal().matching("GET", "/maintenance"))
          .anySatisfy(r -> assertThat(r.header("X-BYPASS-MAINTENANCE")).isNull());
      assertThat(again.leftoverExecutionsKilled()).isEmpty();
      assertThat(leftoverWhenRestoring[0]).as("the leftover when the second restore started").isEqualTo("cancelled");
      assertThat(manager.maintenanceStatus()).isEqualTo("deactivated");
      assertThat(manager.count("blueprints")).isEqualTo(3);
    }
  }
}
