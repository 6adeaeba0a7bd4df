package io.github.cloudify4j.snapshots.backup;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue #16: the non-blocking form of a backup, its cancellation, and a listener told about failures. */
class BackupJobAsyncTest extends FakeManagerTest {

  private static Thread start(List<Runnable> tasks) {
    assertThat(tasks).hasSize(1);
    Thread worker = new Thread(tasks.get(0));
    worker.start();
    return worker;
  }

  @Test
  void runAsyncCompletesWithTheReport() throws Exception {
    List<Runnable> tasks = new ArrayList<>();
    CompletableFuture<BackupReport> future = BackupJob.builder(client).directory(dir).prefix("daily-").build()
        .runAsync(tasks::add);
    assertThat(future).isNotDone();
    Thread worker = start(tasks);
    BackupReport report = future.get(30, TimeUnit.SECONDS);
    worker.join(30_000);
    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
    assertThat(report.archive()).exists();
  }

  @Test
  void cancellingTheFutureStopsTheRunAndLeavesNothingUnverified() throws Exception {
    AtomicReference<CompletableFuture<BackupReport>> future = new AtomicReference<>();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<StepResult<BackupStep>> failure = new AtomicReference<>();
    AtomicReference<Throwable> failureCause = new AtomicReference<>();
    BackupJob job = BackupJob.builder(client).directory(dir).prefix("daily-").listener(new BackupListener() {
      @Override
      public void onStepStarted(BackupStep step) {
        events.add("start " + step);
        if (step == BackupStep.WAIT) {
          future.get().cancel(true);
        }
      }

      @Override
      public void onStepFinished(StepResult<BackupStep> result) {
        events.add("end " + result.step());
      }

      @Override
      public void onStepFailed(StepResult<BackupStep> result, Throwable cause) {
        events.add("failed " + result.step());
        failure.set(result);
        failureCause.set(cause);
      }
    }).build();
    List<Runnable> tasks = new ArrayList<>();
    future.set(job.runAsync(tasks::add));
    start(tasks).join(30_000);

    assertThat(future.get().isCancelled()).isTrue();
    assertThatThrownBy(() -> future.get().get()).isInstanceOf(CancellationException.class);
    assertThat(events).containsExactly("start CHECK", "end CHECK", "start CREATE", "end CREATE", "start WAIT",
        "failed WAIT");
    assertThat(failure.get().step()).isEqualTo(BackupStep.WAIT);
    assertThat(failure.get().status()).isEqualTo(StepResult.Status.CANCELLED);
    assertThat(failureCause.get()).isInstanceOf(CloudifyInterruptedException.class);
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      assertThat(files).as("nothing unverified in the directory").isEmpty();
    }
    assertThat(m.journal().count("GET", "/snapshots/daily-20261125/archive")).isZero();
  }

  @Test
  void theListenerIsToldAboutAFailedStep() throws Exception {
    m.failNextSnapshotCreation("disk full");
    List<String> events = new ArrayList<>();
    BackupJob job = BackupJob.builder(client).directory(dir).prefix("daily-").listener(new BackupListener() {
      @Override
      public void onStepFailed(StepResult<BackupStep> result, Throwable cause) {
        events.add(result.step() + " " + result.status() + " " + result.detail());
      }
    }).build();
    CompletableFuture<BackupReport> future = job.runAsync(Runnable::run);
    ExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> future.get(30, TimeUnit.SECONDS), ExecutionException.class);
    assertThat(e.getCause()).isInstanceOf(BackupFailedException.class);
    assertThat(events).containsExactly("WAIT FAILED Waiting for snapshot daily-20261125 to be created failed:"
        + " snapshot daily-20261125 failed: disk full");
  }
}
