package io.github.cloudify4j.snapshots.workflow.internal;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.spi.Secrets;
import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.workflow.WorkflowListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of one workflow run, the same way for every workflow: checks for cancellation between steps, tells
 * the listener, times each step by the injected clock, logs, records a {@link StepResult} and turns a failure into
 * one {@link StepFailedException} carrying that result. What a failure means for the workflow (rollback, its report,
 * its exception) stays with the workflow. Not part of the public API (this package is not exported).
 *
 * @param <S> the workflow's step enum
 */
@InternalApi
public final class StepRunner<S extends Enum<S>> {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  /** A step's work; may throw anything, which fails the step. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws Exception;
  }

  private final String name;
  private final WorkflowListener<S> listener;
  private final Clock clock;
  private final BooleanSupplier cancelled;
  private final Consumer<StepResult<S>> record;
  private final Function<Exception, String> describe;
  private SnapshotsObserver observer = SnapshotsObserver.NOOP;
  private String workflow = "";

  /**
   * @param name what runs, for the log ("Restore nightly-1", "Backup daily-20261125")
   * @param record receives every result, in order (the workflow's report)
   * @param describe the words for a failure (masked here afterwards)
   */
  public StepRunner(String name, WorkflowListener<S> listener, Clock clock, BooleanSupplier cancelled,
      Consumer<StepResult<S>> record, Function<Exception, String> describe) {
    this.name = requireNonNull(name, "name == null");
    this.listener = requireNonNull(listener, "listener == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.cancelled = requireNonNull(cancelled, "cancelled == null");
    this.record = requireNonNull(record, "record == null");
    this.describe = requireNonNull(describe, "describe == null");
  }

  /**
   * Makes each step a {@code cloudify.workflow.steps} observation (a child of the run's, in scope when the steps
   * run), named by {@code workflow}. Call once, before the first step.
   *
   * @return this runner
   */
  public StepRunner<S> observedBy(SnapshotsObserver observer, String workflow) {
    this.observer = requireNonNull(observer, "observer == null");
    this.workflow = requireNonNull(workflow, "workflow == null");
    return this;
  }

  /** The usual words for a failure: its message, or its type when it has none. */
  public static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Runs a step whose work returns its detail (what it did, in words). */
  public String run(S step, Work<String> work) {
    return call(step, work, d -> d);
  }

  /** Runs a step whose work returns a value; the detail is empty. */
  public <T> T call(S step, Work<T> work) {
    return call(step, work, v -> "");
  }

  private <T> T call(S step, Work<T> work, Function<T, String> detail) {
    if (cancelled.getAsBoolean()) {
      CloudifyInterruptedException cause = new CloudifyInterruptedException("Cancelled before " + step, null);
      throw fail(new StepResult<>(step, StepResult.Status.CANCELLED, clock.instant(), Duration.ZERO,
          "cancelled before the step started"), cause, false);
    }
    LOG.info("{}: {} started", name, step);
    Instant start = clock.instant();
    T value;
    SnapshotsObserver.Span span = observer.step(workflow, step.name());
    SnapshotsObserver.Scope scope = span.openScope(); // the step's requests are its children
    try {
      listener.onStepStarted(step); // a listener that throws fails the step, with its rollback
      value = work.run();
      span.outcome(StepResult.Status.SUCCEEDED.name());
    } catch (CloudifyInterruptedException e) {
      span.outcome(StepResult.Status.CANCELLED.name());
      span.error(e);
      throw fail(result(step, StepResult.Status.CANCELLED, start, Secrets.mask(message(e))), e, true);
    } catch (Exception e) {
      span.outcome(StepResult.Status.FAILED.name());
      span.error(e);
      throw fail(result(step, StepResult.Status.FAILED, start, Secrets.mask(describe.apply(e))), e, true);
    } finally {
      scope.close();
      span.stop();
    }
    StepResult<S> done = result(step, StepResult.Status.SUCCEEDED, start, detail.apply(value));
    LOG.info("{}: {} done in {}{}", name, step, done.duration(), done.detail().isEmpty() ? "" : ": " + done.detail());
    try {
      listener.onStepFinished(done);
    } catch (RuntimeException e) {
      // the work is done but the run cannot go on as if the listener had heard it: the step fails, once
      throw fail(result(step, StepResult.Status.FAILED, start, "the listener failed after the step: "
          + Secrets.mask(message(e))), e, true);
    }
    record.accept(done);
    return value;
  }

  /** Records a step the plan left out; nothing runs. */
  public void skip(S step, String why) {
    StepResult<S> skipped = new StepResult<>(step, StepResult.Status.SKIPPED, clock.instant(), Duration.ZERO, why);
    observed(step, StepResult.Status.SKIPPED);
    record.accept(skipped);
    listener.onStepFinished(skipped);
  }

  /**
   * Records a step the workflow did itself, outside a planned run (a rollback after a failure), started at {@code
   * start}; a FAILED or CANCELLED status goes to {@link WorkflowListener#onStepFailed} without a cause.
   */
  public void record(S step, StepResult.Status status, Instant start, String detail) {
    StepResult<S> result = result(step, status, start, detail);
    observed(step, status);
    record.accept(result);
    if (status == StepResult.Status.FAILED || status == StepResult.Status.CANCELLED) {
      listener.onStepFailed(result, null);
    } else {
      listener.onStepFinished(result);
    }
  }

  /** A step that ran outside {@link #call} (or not at all), as an observation with its status. */
  private void observed(S step, StepResult.Status status) {
    SnapshotsObserver.Span span = observer.step(workflow, step.name());
    span.outcome(status.name());
    span.stop();
  }

  /** The clock's now: steps and reports use the same (injectable) clock. */
  public Instant now() {
    return clock.instant();
  }

  private StepResult<S> result(S step, StepResult.Status status, Instant start, String detail) {
    return new StepResult<>(step, status, start, Duration.between(start, clock.instant()), detail);
  }

  private StepFailedException fail(StepResult<S> result, Exception cause, boolean started) {
    LOG.info("{}: {} {} after {}: {}", name, result.step(), result.status(), result.duration(), result.detail());
    record.accept(result);
    listener.onStepFailed(result, cause);
    return new StepFailedException(result, cause, started);
  }

  /** A step failed or was cancelled: carries its result; the cause is what stopped it. */
  public static final class StepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient StepResult<?> result;
    private final boolean started;

    StepFailedException(StepResult<?> result, Throwable cause, boolean started) {
      super(result.detail(), cause);
      this.result = result;
      this.started = started;
    }

    /** False when the run was cancelled before the step started: nothing of it ran. */
    public boolean started() {
      return started;
    }

    /** The failed (or cancelled) step's result. */
    public StepResult<?> result() {
      return result;
    }
  }
}
