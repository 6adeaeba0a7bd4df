package io.github.cloudify4j.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Every observation a client makes, with its keys and events: the reference {@code docs/observability.md} is
 * written from, and what Micrometer's documentation generator reads.
 */
public enum ClientObservationDocumentation implements ObservationDocumentation {

  /**
   * One request of a client to a manager, from the first attempt to the answer (or the failure) it returns,
   * retries and failovers included. For a streamed body (an archive download) it ends when the headers came.
   */
  CLIENT_REQUEST {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultClientRequestObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return HighCardinalityKeys.values();
    }

    @Override
    public Observation.Event[] getEvents() {
      return Events.values();
    }
  };

  /** The low-cardinality keys of {@code cloudify.client.requests}: tags of its metrics, safe to aggregate. */
  public enum LowCardinalityKeys implements KeyName {
    /** The HTTP method: {@code GET}, {@code PUT}, {@code POST}, {@code PATCH}, {@code DELETE}, {@code HEAD}. */
    METHOD {
      @Override
      public String asString() {
        return "method";
      }
    },
    /** The endpoint's template, never an id: {@code /snapshots/{id}/archive}. */
    ENDPOINT {
      @Override
      public String asString() {
        return "endpoint";
      }
    },
    /** The status code of the answer, or {@code NONE} when none came. */
    STATUS {
      @Override
      public String asString() {
        return "status";
      }
    },
    /** A {@link RequestOutcome}: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code TRANSPORT_ERROR}... */
    OUTCOME {
      @Override
      public String asString() {
        return "outcome";
      }
    },
    /** The 0-based index of the manager node that answered, or {@code NONE}. */
    NODE_INDEX {
      @Override
      public String asString() {
        return "node.index";
      }
    },
    /** The simple class name of the exception the call threw ({@code NotFoundException}), or {@code none}. */
    EXCEPTION {
      @Override
      public String asString() {
        return "exception";
      }
    }
  }

  /** The high-cardinality keys of {@code cloudify.client.requests}: on spans only, never metric tags. */
  public enum HighCardinalityKeys implements KeyName {
    /** The full URL, credentials and secret query values masked. */
    URL {
      @Override
      public String asString() {
        return "url";
      }
    },
    /** The base URL of the node that answered (no credentials), or {@code NONE}. */
    NODE {
      @Override
      public String asString() {
        return "node";
      }
    },
    /** How many times the request was repeated. */
    RETRIES {
      @Override
      public String asString() {
        return "retries";
      }
    },
    /** How many times the request moved to another manager node. */
    FAILOVERS {
      @Override
      public String asString() {
        return "failovers";
      }
    }
  }

  /** The events of {@code cloudify.client.requests}: one each time it happens. */
  public enum Events implements Observation.Event {
    /** A failed attempt (no answer, or 502/503/504) is repeated after a backoff. */
    RETRY {
      @Override
      public String getName() {
        return "cloudify.client.retry";
      }
    },
    /** A node did not answer (or its proxy answered 502/503/504) and the request moves to the next node. */
    FAILOVER {
      @Override
      public String getName() {
        return "cloudify.client.failover";
      }
    }
  }
}
