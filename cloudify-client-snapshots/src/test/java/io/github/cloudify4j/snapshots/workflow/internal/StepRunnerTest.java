package io.github.cloudify4j.snapshots.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.snapshots.backup.BackupStep;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.workflow.WorkflowListener;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one step runner of the workflows: what a listener hears and what the report records, for a success, a
 * failure, a cancellation before and during a step, and a listener that throws. Time is the fake's virtual clock.
 */
class StepRunnerTest {
  private final FakeCloudifyManager m = FakeCloudifyManager.builder().build();
  private final List<String> heard = new ArrayList<>();
  private final List<StepResult<BackupStep>> recorded = new ArrayList<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final WorkflowListener<BackupStep> listener = new WorkflowListener<BackupStep>() {
    @Override
    public void onStepStarted(BackupStep step) {
      heard.add("started " + step);
    }

    @Override
    public void onStepFinished(StepResult<BackupStep> result) {
      heard.add("finished " + result.step() + " " + result.status() + " " + result.duration().getSeconds() + "s "
          + result.detail());
    }

    @Override
    public void onStepFailed(StepResult<BackupStep> result, Throwable cause) {
      heard.add("failed " + result.step() + " " + result.status() + " " + result.detail() + " / "
          + (cause == null ? "no cause" : cause.getClass().getSimpleName()));
    }
  };

  @AfterEach
  void close() {
    m.close();
  }

  private StepRunner<BackupStep> runner(WorkflowListener<BackupStep> l) {
    return new StepRunner<>("Test", l, m.clock(), cancelled::get, recorded::add, StepRunner::message);
  }

  @Test
  void aStepIsTimedByTheInjectedClockAndHeardOnce() {
    String detail = runner(listener).run(BackupStep.CHECK, () -> {
      m.advance(Duration.ofSeconds(42));
      return "all there";
    });

    assertThat(detail).isEqualTo("all there");
    assertThat(heard).containsExactly("started CHECK", "finished CHECK SUCCEEDED 42s all there");
    assertThat(recorded).singleElement().satisfies(r -> {
      assertThat(r.duration()).isEqualTo(Duration.ofSeconds(42));
      assertThat(r.startedAt()).isEqualTo(m.clock().instant().minusSeconds(42));
    });
  }

  @Test
  void aFailedStepIsRecordedMaskedAndHeardAsFailedWithItsCause() {
    IllegalStateException boom = new IllegalStateException("no luck with password=hunter2");
    StepRunner.StepFailedException e = catchThrowableOfType(() -> runner(listener).run(BackupStep.CREATE, () -> {
      throw boom;
    }), StepRunner.StepFailedException.class);

    assertThat(e.getCause()).isSameAs(boom);
    assertThat(e.started()).isTrue();
    assertThat(e.result().status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(e.result().detail()).doesNotContain("hunter2");
    assertThat(recorded).containsExactly((StepResult<BackupStep>) e.result());
    assertThat(heard).hasSize(2).first().isEqualTo("started CREATE");
    assertThat(heard.get(1)).startsWith("failed CREATE FAILED no luck with").endsWith("/ IllegalStateException")
        .doesNotContain("hunter2");
  }

  @Test
  void cancelledBeforeAStepNothingOfItRuns() {
    cancelled.set(true);
    boolean[] ran = {false};
    StepRunner.StepFailedException e = catchThrowableOfType(() -> runner(listener).run(BackupStep.WAIT, () -> {
      ran[0] = true;
      return "";
    }), StepRunner.StepFailedException.class);

    assertThat(ran[0]).isFalse();
    assertThat(e.started()).isFalse();
    assertThat(e.getCause()).isInstanceOf(CloudifyInterruptedException.class);
    assertThat(heard).containsExactly("failed WAIT CANCELLED cancelled before the step started"
        + " / CloudifyInterruptedException");
    assertThat(recorded).extracting(StepResult::status).containsExactly(StepResult.Status.CANCELLED);
  }

  @Test
  void cancelledDuringAStepIsCancelledNotFailed() {
    StepRunner.StepFailedException e = catchThrowableOfType(() -> runner(listener).run(BackupStep.DOWNLOAD, () -> {
      throw new CloudifyInterruptedException("download cancelled after 10 bytes", null);
    }), StepRunner.StepFailedException.class);

    assertThat(e.started()).isTrue();
    assertThat(e.result().status()).isEqualTo(StepResult.Status.CANCELLED);
    assertThat(heard).containsExactly("started DOWNLOAD", "failed DOWNLOAD CANCELLED download cancelled after 10"
        + " bytes / CloudifyInterruptedException");
  }

  @Test
  void aSkippedStepIsHeardAsFinishedWithItsReason() {
    runner(listener).skip(BackupStep.PRUNE_LOCAL, "keepLocally not reached");

    assertThat(heard).containsExactly("finished PRUNE_LOCAL SKIPPED 0s keepLocally not reached");
  }

  @Test
  void aListenerThatThrowsFailsTheStepInsteadOfEscapingTheRun() {
    WorkflowListener<BackupStep> throwing = new WorkflowListener<BackupStep>() {
      @Override
      public void onStepFinished(StepResult<BackupStep> result) {
        throw new IllegalStateException("display gone");
      }

      @Override
      public void onStepFailed(StepResult<BackupStep> result, Throwable cause) {
        listener.onStepFailed(result, cause);
      }
    };
    StepRunner.StepFailedException e = catchThrowableOfType(() -> runner(throwing).run(BackupStep.VERIFY,
        () -> "ok"), StepRunner.StepFailedException.class);

    assertThat(e.result().status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(recorded).as("recorded once, as failed").extracting(StepResult::status)
        .containsExactly(StepResult.Status.FAILED);
    assertThat(heard).containsExactly("failed VERIFY FAILED the listener failed after the step: display gone"
        + " / IllegalStateException");
  }
}
