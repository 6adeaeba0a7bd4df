package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #16: what the operator approves is what runs. For every combination of the options that change the step
 * list (where the archive comes from and what happens to an existing id, maintenance mode already on, a restore
 * already running, content verification, deactivation on success, a Kubernetes manager), the steps the run
 * executes and the steps the listener is told about are exactly the plan's, skipped ones included, and what the
 * manager received follows the plan.
 */
class RestorePlanIsTheProgramTest {
  /** Where the snapshot comes from, and what is on the manager under its id before the run. */
  enum Source { UPLOAD_NEW, UPLOAD_REUSE, UPLOAD_REPLACE, ON_MANAGER }

  @TempDir static Path dir;
  private static Path archive;

  @BeforeAll
  static void archive() {
    archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
  }

  static Stream<Arguments> combinations() {
    List<Arguments> out = new ArrayList<>();
    for (Source source : Source.values()) {
      for (boolean maintenanceOn : new boolean[] {false, true}) {
        for (boolean running : new boolean[] {false, true}) {
          for (boolean verify : new boolean[] {false, true}) {
            for (boolean deactivate : new boolean[] {false, true}) {
              for (boolean kubernetes : new boolean[] {false, true}) {
                out.add(Arguments.of(source, maintenanceOn, running, verify, deactivate, kubernetes));
              }
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} maintenanceOn={1} restoreRunning={2} verify={3} deactivateOnSuccess={4} k8s={5}")
  @MethodSource("combinations")
  void thePlanIsExactlyWhatRuns(Source source, boolean maintenanceOn, boolean running, boolean verify,
      boolean deactivate, boolean kubernetes) {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).kubernetes(kubernetes)
        .build().start(); CloudifyClient client = VirtualTime.client(m).build()) {
      Snapshots snapshots = Snapshots.of(client);
      if (source != Source.UPLOAD_NEW || running) {
        snapshots.upload("nightly", archive);
      }
      if (maintenanceOn || running) {
        client.maintenance().activate();
        m.advance(Duration.ofSeconds(1));
      }
      if (running) {
        snapshots.restore("nightly", RestoreOptions.defaults());
        m.advance(Duration.ofSeconds(2));
        assertThat(m.restoreInProgress()).isTrue();
      }
      m.journal().clear();

      List<RestoreStep> started = new ArrayList<>();
      List<StepResult<RestoreStep>> finished = new ArrayList<>();
      RestoreOrchestrator.Builder builder = RestoreOrchestrator.builder(client).snapshotId("nightly")
          .verify(verify).deactivateOnSuccess(deactivate).kubernetesManager(kubernetes)
          .listener(new RestoreListener() {
            @Override
            public void onStepStarted(RestoreStep step) {
              started.add(step);
            }

            @Override
            public void onStepFinished(StepResult<RestoreStep> result) {
              finished.add(result);
            }
          });
      if (source != Source.ON_MANAGER) {
        builder.uploadFrom(archive).onExistingSnapshot(source == Source.UPLOAD_REUSE
            ? ExistingSnapshotPolicy.REUSE : source == Source.UPLOAD_REPLACE
            ? ExistingSnapshotPolicy.REPLACE : ExistingSnapshotPolicy.FAIL);
      }
      RestoreOrchestrator orchestrator = builder.build();
      RestorePlan approved = orchestrator.plan();
      assertThat(m.journal().isEmpty()).as("planning sends nothing").isTrue();
      assertThat(approved.blockers()).isEmpty();

      RestoreReport report = orchestrator.run(approved);

      assertThat(report.outcome()).as("%s", report).isEqualTo(RestoreReport.Outcome.COMPLETE);
      RestorePlan followed = report.plan();
      if (running) {
        // The one runtime change: the approved plan in its resumed form, step for step.
        assertThat(followed.resumed()).isTrue();
        assertThat(followed.stepKinds()).isEqualTo(approved.stepKinds());
        assertThat(followed.steps()).filteredOn(RestorePlan.Step::isSkipped).extracting(RestorePlan.Step::step)
            .containsAll(approved.steps().stream().filter(s -> s.step() == RestoreStep.UPLOAD
                || s.step() == RestoreStep.ACTIVATE_MAINTENANCE || s.step() == RestoreStep.AWAIT_MAINTENANCE
                || s.step() == RestoreStep.START_RESTORE).map(RestorePlan.Step::step).collect(Collectors.toList()));
      } else {
        assertThat(followed).isSameAs(approved);
      }
      // Executed = planned: same kinds, same order, skipped exactly where the plan skips, for the reason it gives.
      assertThat(report.steps()).extracting(StepResult::step).containsExactlyElementsOf(followed.stepKinds());
      for (int i = 0; i < followed.steps().size(); i++) {
        RestorePlan.Step planned = followed.steps().get(i);
        StepResult<RestoreStep> ran = report.steps().get(i);
        assertThat(ran.status()).as("%s", ran).isEqualTo(planned.isSkipped()
            ? StepResult.Status.SKIPPED : StepResult.Status.SUCCEEDED);
        planned.skipReason().ifPresent(why -> assertThat(ran.detail()).isEqualTo(why));
      }
      // The listener saw the same program.
      assertThat(finished).containsExactlyElementsOf(report.steps());
      assertThat(started).containsExactlyElementsOf(followed.steps().stream().filter(s -> !s.isSkipped())
          .map(RestorePlan.Step::step).collect(Collectors.toList()));
      // And the manager received what the plan says, nothing more.
      boolean uploads = followed.step(RestoreStep.UPLOAD).filter(s -> !s.isSkipped()).isPresent()
          && source != Source.UPLOAD_REUSE;
      assertThat(m.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(uploads ? 1 : 0);
      assertThat(m.journal().count("POST", "/snapshots/nightly/restore")).isEqualTo(running ? 0 : 1);
      assertThat(m.journal().count("POST", "/maintenance/deactivate")).isEqualTo(deactivate ? 1 : 0);
      assertThat(m.maintenanceStatus()).isEqualTo(deactivate ? "deactivated" : "activated");
      assertThat(report.verification()).hasValueSatisfying(v -> assertThat(v.expected().isEmpty())
          .isEqualTo(!verify || source == Source.ON_MANAGER));
      // The text the operator read is rendered from these steps.
      String text = approved.toString();
      int at = 0;
      for (RestorePlan.Step s : approved.steps()) {
        int found = text.indexOf(s.description(), at);
        assertThat(found).as("%s in order in%n%s", s.step(), text).isGreaterThanOrEqualTo(at);
        at = found;
      }
    }
  }
}
