package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;
import okhttp3.Request;

/**
 * Watches the requests of a client. Free of Micrometer types on purpose: {@link #NOOP} is what every client
 * without an {@code ObservationRegistry} uses, and it never loads a Micrometer class, so Micrometer stays an
 * optional dependency. {@link MicrometerRequestObserver} is the one made from a registry.
 */
@InternalApi
public interface RequestObserver {

  /**
   * Starts watching one request.
   *
   * @param request the request as Retrofit built it (its {@code Invocation} tag gives the endpoint's template)
   * @return the watch, to be stopped exactly once; {@link Watch#NOOP} when nothing observes
   */
  Watch start(Request request);

  /** Observes nothing, loads nothing. */
  RequestObserver NOOP = request -> Watch.NOOP;

  /**
   * One request being watched. Carried by the request as its tag (see {@link #of}), so the retry and failover
   * interceptors report what they do to the call they work on.
   */
  interface Watch {
    /** A watch that records nothing. */
    Watch NOOP = new Watch() {
    };

    /** An attempt failed and the request is repeated. @param reason what failed, without secrets */
    default void retry(String reason) {
    }

    /** A node failed and the request moves to the next. @param reason what failed, without secrets */
    default void failover(String reason) {
    }

    /** The latest attempt goes to this node. @param index its 0-based index @param label its base URL */
    default void node(int index, String label) {
    }

    /** The answer's status. @param status the status code */
    default void status(int status) {
    }

    /** The call fails. @param error the exception it throws */
    default void error(Throwable error) {
    }

    /** Opens the observation's scope on this thread (tracing: the current span). @return closes it */
    default Scope openScope() {
      return () -> { };
    }

    /** Ends the observation. */
    default void stop() {
    }
  }

  /** An open scope; closing it throws nothing. */
  interface Scope extends AutoCloseable {
    /** Closes the scope. */
    @Override
    void close();
  }

  /**
   * The watch a request carries, if any.
   *
   * @param request a request of the chain
   * @return its watch, or {@link Watch#NOOP}
   */
  static Watch of(Request request) {
    Watch watch = request.tag(Watch.class);
    return watch == null ? Watch.NOOP : watch;
  }
}
