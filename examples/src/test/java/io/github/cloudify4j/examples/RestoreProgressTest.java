package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the live restore display says about the manager's restart, on a clock the test moves. */
class RestoreProgressTest {
  static final String REFUSED = " (No answer from http://10.0.0.5/api/v3.1/snapshot-status: Failed to connect to"
      + " /10.0.0.5:80 (Connection refused))";

  final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  final MovableClock clock = new MovableClock();

  RestoreProgress progress(boolean interactive) {
    return new RestoreProgress(new Terminal(new PrintStream(buf, true, StandardCharsets.UTF_8), interactive),
        clock);
  }

  String out() {
    return buf.toString(StandardCharsets.UTF_8);
  }

  /** The orchestrator's messages of a 9 s outage, polled every 2, 3 and 4.5 s. */
  void nineSecondOutage(RestoreProgress p) {
    p.onStepStarted(RestoreStep.FOLLOW_RESTORE);
    p.onProgress(RestoreStep.FOLLOW_RESTORE, "snapshot-status running, execution started");
    clock.advance(Duration.ofSeconds(2));
    p.onProgress(RestoreStep.FOLLOW_RESTORE, "manager unreachable for 2 s" + REFUSED + ", execution started");
    clock.advance(Duration.ofSeconds(3));
    p.onProgress(RestoreStep.FOLLOW_RESTORE, "manager unreachable for 5 s" + REFUSED + ", execution started");
    clock.advance(Duration.ofMillis(4500));
    p.onProgress(RestoreStep.FOLLOW_RESTORE, "manager unreachable for 9 s" + REFUSED);
    clock.advance(Duration.ofMillis(500));
    p.onProgress(RestoreStep.FOLLOW_RESTORE, "snapshot-status running, execution started");
  }

  @Test
  void aLogStatesTheWholeOutageOnceTheManagerAnswersAgain() {
    RestoreProgress p = progress(false);
    nineSecondOutage(p);

    // A log keeps the first line of each kind: a length in it would be the first poll's, not the outage's.
    assertThat(out()).contains("manager unreachable while its services restart (Connection refused)")
        .contains("manager answered again after 10 s without an answer")
        .doesNotContainPattern("unreachable for [0-9.]+ s");
  }

  @Test
  void aTerminalCountsTheOutageLiveAndKeepsItsLength() {
    RestoreProgress p = progress(true);
    nineSecondOutage(p);

    assertThat(out()).contains("manager unreachable for 2.0 s").contains("manager unreachable for 9.5 s")
        // kept: the line ends there (padded over the longer one it replaces), the next news starts a new one
        .containsPattern("manager answered again after 10 s without an answer *\n");
  }

  @Test
  void aStepThatEndsWhileTheManagerIsDownSaysForHowLong() {
    RestoreProgress p = progress(false);
    p.onStepStarted(RestoreStep.FOLLOW_RESTORE);
    clock.advance(Duration.ofSeconds(4));
    p.onProgress(RestoreStep.FOLLOW_RESTORE, "manager unreachable for 4 s" + REFUSED);
    clock.advance(Duration.ofMinutes(30));
    p.onStepFailed(new StepResult<>(RestoreStep.FOLLOW_RESTORE, StepResult.Status.FAILED, clock.start,
        Duration.between(clock.start, clock.instant()), "The manager has been unreachable for 30 min, longer than"
        + " the restart window allowed (30 min)."), null);

    assertThat(out()).contains("manager still unreachable after 30 min 04 s");
  }

  @Test
  void failedStepLinesAreShort() {
    RestoreProgress p = progress(false);
    p.onStepStarted(RestoreStep.CHECK_HEALTH);
    clock.advance(Duration.ofMinutes(10));
    p.onStepFailed(new StepResult<>(RestoreStep.CHECK_HEALTH, StepResult.Status.FAILED, clock.start,
        Duration.ofMinutes(10), "Gave up waiting for the manager to be healthy after 44 polls in 10 min 0 s (limit"
        + " 10 min 0 s); last seen: ManagerStatus{status=Fail, services={Webserver=ServiceStatus{status=Inactive,"
        + " isRemote=false, extraInfo={}}, Manager Rest-Service=ServiceStatus{status=Inactive, isRemote=false,"
        + " extraInfo={}}, PostgreSQL=ServiceStatus{status=Active, isRemote=true, extraInfo={}}}}"), null);

    assertThat(out().lines()).allMatch(l -> l.length() <= 120, "at most 120 characters")
        .anyMatch(l -> l.contains("CHECK_HEALTH") && l.contains("FAILED") && l.contains("10 min"));
    assertThat(out()).doesNotContain("ServiceStatus{");
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    final Instant start = Instant.parse("2026-11-25T03:00:00Z");
    Instant now = start;

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
