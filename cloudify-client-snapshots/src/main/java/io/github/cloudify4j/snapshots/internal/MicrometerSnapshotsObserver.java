package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.snapshots.observation.ArchiveTransferObservationContext;
import io.github.cloudify4j.snapshots.observation.DefaultArchiveTransferObservationConvention;
import io.github.cloudify4j.snapshots.observation.DefaultWorkflowObservationConvention;
import io.github.cloudify4j.snapshots.observation.SnapshotsObservationDocumentation;
import io.github.cloudify4j.snapshots.observation.WorkflowObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/** {@link SnapshotsObserver} on a Micrometer {@code ObservationRegistry}; loaded only when a client has one. */
@InternalApi
public final class MicrometerSnapshotsObserver implements SnapshotsObserver {
  private final ObservationRegistry registry;

  private MicrometerSnapshotsObserver(ObservationRegistry registry) {
    this.registry = registry;
  }

  /**
   * The observer.
   *
   * @param registry an {@code ObservationRegistry}, held by the client as an Object
   * @return the observer
   */
  public static SnapshotsObserver create(Object registry) {
    return new MicrometerSnapshotsObserver((ObservationRegistry) registry);
  }

  @Override
  public Span workflow(String workflow, String subject) {
    WorkflowObservationContext context = new WorkflowObservationContext(workflow, null, subject);
    return new ObservationSpan(SnapshotsObservationDocumentation.WORKFLOW_RUN.observation(null,
        DefaultWorkflowObservationConvention.INSTANCE, () -> context, registry).start(), context, null);
  }

  @Override
  public Span step(String workflow, String step) {
    Observation parent = registry.getCurrentObservation();
    String subject = parent != null && parent.getContext() instanceof WorkflowObservationContext
        ? ((WorkflowObservationContext) parent.getContext()).subject() : null;
    WorkflowObservationContext context = new WorkflowObservationContext(workflow, step, subject);
    return new ObservationSpan(SnapshotsObservationDocumentation.WORKFLOW_STEP.observation(null,
        DefaultWorkflowObservationConvention.Steps.INSTANCE, () -> context, registry).start(), context, null);
  }

  @Override
  public Span transfer(String direction, String snapshotId) {
    ArchiveTransferObservationContext context = new ArchiveTransferObservationContext(direction, snapshotId);
    return new ObservationSpan(SnapshotsObservationDocumentation.ARCHIVE_TRANSFER.observation(null,
        DefaultArchiveTransferObservationConvention.INSTANCE, () -> context, registry).start(), null, context);
  }

  private static final class ObservationSpan implements Span {
    private final Observation observation;
    private final WorkflowObservationContext workflow;
    private final ArchiveTransferObservationContext transfer;

    ObservationSpan(Observation observation, WorkflowObservationContext workflow,
        ArchiveTransferObservationContext transfer) {
      this.observation = observation;
      this.workflow = workflow;
      this.transfer = transfer;
    }

    @Override
    public void outcome(String outcome) {
      if (workflow != null) {
        workflow.setOutcome(outcome);
      } else {
        transfer.setOutcome(outcome);
      }
    }

    @Override
    public void transferred(long bytes, int attempts) {
      if (transfer != null) {
        transfer.setBytes(bytes);
        transfer.setAttempts(attempts);
      }
    }

    @Override
    public void error(Throwable error) {
      observation.error(error);
    }

    @Override
    public Scope openScope() {
      Observation.Scope scope = observation.openScope();
      return scope::close;
    }

    @Override
    public void stop() {
      observation.stop();
    }
  }
}
