package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.client.spi.ClientContext;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Observes archive transfers and workflow runs. Free of Micrometer types on purpose: {@link #NOOP}, what a client
 * without an {@code ObservationRegistry} gets, never loads a Micrometer class; {@link MicrometerSnapshotsObserver}
 * is made only when the client has a registry.
 */
@InternalApi
public interface SnapshotsObserver {

  /** Observes nothing. */
  SnapshotsObserver NOOP = new SnapshotsObserver() {
  };

  /**
   * The observer for a client: {@link #NOOP} unless it was given an {@code ObservationRegistry}.
   *
   * @param context the client's context
   * @return the observer
   */
  static SnapshotsObserver of(ClientContext context) {
    Object registry = context.observationRegistry();
    return registry == null ? NOOP : MicrometerSnapshotsObserver.create(registry);
  }

  /**
   * Starts a workflow run's observation ({@code cloudify.workflow.runs}).
   *
   * @param workflow {@code restore}, {@code backup} or {@code migration}
   * @param subject the snapshot id, or null
   * @return the started span
   */
  default Span workflow(String workflow, String subject) {
    return Span.NOOP;
  }

  /**
   * Starts a step's observation ({@code cloudify.workflow.steps}), a child of the observation in scope (the run's).
   *
   * @param workflow the workflow
   * @param step the step's name
   * @return the started span
   */
  default Span step(String workflow, String step) {
    return Span.NOOP;
  }

  /**
   * Starts an archive transfer's observation ({@code cloudify.archive.transfers}).
   *
   * @param direction {@code download} or {@code upload}
   * @param snapshotId the snapshot
   * @return the started span
   */
  default Span transfer(String direction, String snapshotId) {
    return Span.NOOP;
  }

  /** One started observation. */
  interface Span {
    /** Records nothing. */
    Span NOOP = new Span() {
    };

    /** @param outcome how it ended */
    default void outcome(String outcome) {
    }

    /** @param bytes the bytes moved @param attempts the requests it took */
    default void transferred(long bytes, int attempts) {
    }

    /** @param error what it failed with */
    default void error(Throwable error) {
    }

    /** @return the scope, open on this thread until closed: the observation is the parent of what runs in it */
    default Scope openScope() {
      return () -> { };
    }

    /** Ends the observation. */
    default void stop() {
    }
  }

  /** An open scope; closing it throws nothing. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Runs {@code work} under a started span: in its scope, its outcome from the value or the failure, stopped once.
   *
   * @param span the started span
   * @param work what runs
   * @param outcome the outcome of a value
   * @param failure the outcome of a failure
   * @param <T> the value's type
   * @return the value
   */
  static <T> T observe(Span span, Supplier<T> work, Function<? super T, String> outcome,
      Function<? super RuntimeException, String> failure) {
    if (span == Span.NOOP) {
      return work.get();
    }
    Scope scope = span.openScope();
    try {
      T value = work.get();
      span.outcome(outcome.apply(value));
      return value;
    } catch (RuntimeException e) {
      span.outcome(failure.apply(e));
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.stop();
    }
  }
}
