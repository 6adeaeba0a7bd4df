package io.github.cloudify4j.snapshots.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** Every observation of the snapshots module, with its keys: what {@code docs/observability.md} lists. */
public enum SnapshotsObservationDocumentation implements ObservationDocumentation {

  /** One run of a restore, backup or migration, from its first step to its report or exception. */
  WORKFLOW_RUN {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultWorkflowObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {WorkflowKeys.WORKFLOW, WorkflowKeys.STEP, WorkflowKeys.OUTCOME, WorkflowKeys.EXCEPTION};
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {WorkflowKeys.SNAPSHOT_ID};
    }
  },

  /** One step of a run: a child of the run's observation (the requests it makes are its children). */
  WORKFLOW_STEP {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultWorkflowObservationConvention.Steps.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {WorkflowKeys.WORKFLOW, WorkflowKeys.STEP, WorkflowKeys.OUTCOME, WorkflowKeys.EXCEPTION};
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {WorkflowKeys.SNAPSHOT_ID};
    }
  },

  /** One archive download (resumptions included) or upload. */
  ARCHIVE_TRANSFER {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultArchiveTransferObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {TransferKeys.DIRECTION, TransferKeys.OUTCOME, TransferKeys.EXCEPTION};
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {TransferKeys.SNAPSHOT_ID, TransferKeys.BYTES, TransferKeys.ATTEMPTS};
    }
  };

  /** The keys of {@code cloudify.workflow.runs} and {@code cloudify.workflow.steps}. */
  public enum WorkflowKeys implements KeyName {
    /** Low cardinality: {@code restore}, {@code backup} or {@code migration}. */
    WORKFLOW {
      @Override
      public String asString() {
        return "workflow";
      }
    },
    /** Low cardinality: the step's name ({@code DOWNLOAD}, {@code RESTORE}...), {@code none} on a run. */
    STEP {
      @Override
      public String asString() {
        return "step";
      }
    },
    /**
     * Low cardinality. A restore or migration run: {@code COMPLETE}, {@code PARTIAL}, {@code FAILED}; a backup run:
     * {@code DONE}, {@code SKIPPED} (the slot's verified archive was there), {@code FAILED}; a step: {@code
     * SUCCEEDED}, {@code FAILED}, {@code CANCELLED}, {@code SKIPPED}.
     */
    OUTCOME {
      @Override
      public String asString() {
        return "outcome";
      }
    },
    /** Low cardinality: the simple class name of the exception, or {@code none}. */
    EXCEPTION {
      @Override
      public String asString() {
        return "exception";
      }
    },
    /** High cardinality: the snapshot id (or {@code (latest)}), {@code none} when not known. */
    SNAPSHOT_ID {
      @Override
      public String asString() {
        return "snapshot.id";
      }
    }
  }

  /** The keys of {@code cloudify.archive.transfers}. */
  public enum TransferKeys implements KeyName {
    /** Low cardinality: {@code download} or {@code upload}. */
    DIRECTION {
      @Override
      public String asString() {
        return "direction";
      }
    },
    /** Low cardinality: {@code SUCCESS} or {@code FAILURE}. */
    OUTCOME {
      @Override
      public String asString() {
        return "outcome";
      }
    },
    /** Low cardinality: the simple class name of the exception, or {@code none}. */
    EXCEPTION {
      @Override
      public String asString() {
        return "exception";
      }
    },
    /** High cardinality: the snapshot id. */
    SNAPSHOT_ID {
      @Override
      public String asString() {
        return "snapshot.id";
      }
    },
    /** High cardinality: the archive's bytes, -1 when the transfer failed. */
    BYTES {
      @Override
      public String asString() {
        return "bytes";
      }
    },
    /** High cardinality: the requests a download took (resumptions), 1 for an upload. */
    ATTEMPTS {
      @Override
      public String asString() {
        return "attempts";
      }
    }
  }
}
