package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.restore.RestoreTimeouts;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.RestartMode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A legacy (6.4) restore restarts the manager's services: the REST API refuses connections, answers 502 (nginx) or
 * 503, or accepts and never answers. The orchestrator rides out windows of 5 s, 60 s and 10 min (virtual time) and
 * fails cleanly, naming the step and the state, when the window outlasts the caller's {@code restartWindow}.
 */
@ExtendWith(Figures.class)
class RestartWindowTest {
  static final Duration OFFSET = Duration.ofSeconds(10);
  static final Duration READ = Duration.ofMillis(100);

  /** How the REST API looks while down; SERVICE_UNAVAILABLE is injected as 503 faults for the window. */
  enum Outage { CONNECTION_REFUSED, BAD_GATEWAY, SERVICE_UNAVAILABLE, HANG }

  static Stream<Arguments> windows() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (Outage o : Outage.values()) {
      for (Duration d : new Duration[] {Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10)}) {
        b.add(Arguments.of(o, d));
      }
    }
    return b.build();
  }

  static Stream<Arguments> outages() {
    return Stream.of(Outage.values()).map(Arguments::of);
  }

  /** A manager whose restore restarts for {@code length}, a client whose sleeps drive it (and the 503 window). */
  static final class Rig implements AutoCloseable {
    final FakeCloudifyManager manager;
    final CloudifyClient client;
    final AtomicBoolean sawOutage = new AtomicBoolean();
    final Duration pollEvery;

    Rig(Outage outage, Duration length) {
      RestartMode mode = outage == Outage.SERVICE_UNAVAILABLE ? RestartMode.NONE : RestartMode.valueOf(outage.name());
      manager = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).restartWindow(OFFSET, length)
          .restartMode(mode).build().start();
      manager.seed().snapshot("snap", "created");
      // Poll often enough to land inside the window (half of it, at most 30 s).
      Duration quarter = length.dividedBy(2);
      pollEvery = quarter.compareTo(Duration.ofSeconds(30)) < 0 ? quarter : Duration.ofSeconds(30);
      boolean[] armed = {false, false};
      client = VirtualTime.client(manager).sleeper(d -> {
        manager.advance(d);
        if (manager.restApiDown()) {
          sawOutage.set(true);
        }
        if (outage == Outage.SERVICE_UNAVAILABLE) {
          List<RecordedRequest> post = manager.journal().matching("POST", "/snapshots/snap/restore");
          if (!post.isEmpty()) {
            Instant from = post.get(0).time().plus(OFFSET);
            Instant now = manager.now();
            if (!armed[0] && !now.isBefore(from)) {
              armed[0] = true;
              sawOutage.set(true);
              manager.faults().on(null, "/").always().respondWithStatus(503);
            }
            if (armed[0] && !armed[1] && !now.isBefore(from.plus(length))) {
              armed[1] = true;
              manager.faults().clearAll();
            }
          }
        }
      }).build();
      Figures.inc(Counter.FAULTS_INJECTED);
      Figures.inc(Counter.RESTART_WINDOWS);
    }

    RestoreOrchestrator orchestrator(Duration restartWindow) {
      return RestoreOrchestrator.builder(client).snapshotId("snap")
          .timeouts(RestoreTimeouts.builder().restartWindow(restartWindow).pollReadTimeout(READ).build())
          .pollOptions(PollOptions.builder().fixedDelay(pollEvery).build())
          .build();
    }

    @Override
    public void close() {
      client.close();
      manager.faults().clearAll();
      manager.close();
    }
  }

  @ParameterizedTest(name = "{0} for {1}")
  @MethodSource("windows")
  void theRestoreCompletesThroughTheRestart(Outage outage, Duration length) {
    try (Rig rig = new Rig(outage, length)) {
      RestoreReport report;
      try {
        report = rig.orchestrator(Duration.ofMinutes(15)).run();
      } catch (RestoreFailedException e) {
        System.out.println(e.report());
        throw e;
      }
      assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(report.steps()).anySatisfy(s -> {
        assertThat(s.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
        assertThat(s.status()).isEqualTo(StepResult.Status.SUCCEEDED);
      });
      assertThat(rig.sawOutage).as("the outage really happened while the client waited").isTrue();
      assertThat(rig.manager.restoreInProgress()).isFalse();
      assertThat(rig.manager.maintenanceStatus()).isEqualTo("deactivated");
      Figures.cases(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outages")
  void aWindowLongerThanAllowedFailsNamingTheStepAndState(Outage outage) {
    try (Rig rig = new Rig(outage, Duration.ofMinutes(10))) {
      RestoreFailedException e = catchThrowableOfType(() -> rig.orchestrator(Duration.ofMinutes(2)).run(),
          RestoreFailedException.class);
      assertThat(e).as("the run fails").isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
      assertThat(e.getMessage()).contains("FOLLOW_RESTORE").contains("unreachable").contains("restart window");
      assertThat(e.report().outcome()).isEqualTo(RestoreReport.Outcome.FAILED);
      assertThat(e.report().failure()).hasValueSatisfying(f -> assertThat(f).contains("2 min"));
      System.out.println("[robustness] " + outage + ": " + e.getMessage());
      Figures.cases(1);
    }
  }
}
