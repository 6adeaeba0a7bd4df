package io.github.cloudify4j.client.observation;

import io.micrometer.observation.Observation;

/**
 * What a {@link ClientRequestObservationConvention} reads about one request of a client: filled in by the client
 * while the request runs, read by the convention when the observation starts and stops.
 *
 * <p>Nothing here is secret: the URL is masked by the client (user info, secret-looking query parameters), and
 * no header is kept. The endpoint is the template the endpoint was declared with ({@code /snapshots/{id}}), so it
 * can be a low-cardinality key; the URL, which holds the ids, cannot.
 *
 * <p>The setters are the client's: a convention or handler only reads.
 */
public final class ClientRequestObservationContext extends Observation.Context {
  private final String method;
  private final String endpoint;
  private final String url;
  private int status = -1;
  private RequestOutcome outcome = RequestOutcome.UNKNOWN;
  private int nodeIndex = -1;
  private String node;
  private int retries;
  private int failovers;

  /**
   * A context for one request.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param endpoint the endpoint's template below the API base, e.g. {@code /snapshots/{id}/archive}
   * @param url the full URL, masked (no credentials, no secret query values)
   */
  public ClientRequestObservationContext(String method, String endpoint, String url) {
    this.method = java.util.Objects.requireNonNull(method, "method == null");
    this.endpoint = java.util.Objects.requireNonNull(endpoint, "endpoint == null");
    this.url = java.util.Objects.requireNonNull(url, "url == null");
  }

  /**
   * The HTTP method.
   *
   * @return e.g. {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * The endpoint's template, the same for every id: {@code /snapshots/{id}/archive}.
   *
   * @return the template, starting with {@code /}, relative to {@code /api/v3.1}
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The request's URL with credentials and secret query values masked ({@code ****}).
   *
   * @return the masked URL
   */
  public String url() {
    return url;
  }

  /**
   * The status code of the last answer, or -1 when none came (yet).
   *
   * @return the status, or -1
   */
  public int status() {
    return status;
  }

  /**
   * Records the status code of the answer the call returned.
   *
   * @param status the HTTP status code
   */
  public void setStatus(int status) {
    this.status = status;
    this.outcome = RequestOutcome.forStatus(status);
  }

  /**
   * How the request ended.
   *
   * @return the outcome; {@link RequestOutcome#UNKNOWN} while it runs
   */
  public RequestOutcome outcome() {
    return outcome;
  }

  /**
   * Records how the request ended.
   *
   * @param outcome the outcome
   */
  public void setOutcome(RequestOutcome outcome) {
    this.outcome = java.util.Objects.requireNonNull(outcome, "outcome == null");
  }

  /**
   * The index (0-based, in the order the client was given them) of the manager node that answered last, or -1
   * when none did.
   *
   * @return the node index, or -1
   */
  public int nodeIndex() {
    return nodeIndex;
  }

  /**
   * The base URL of that node (no credentials), or null when none answered.
   *
   * @return the node's base URL, or null
   */
  public String node() {
    return node;
  }

  /**
   * Records the node the latest attempt went to.
   *
   * @param index its 0-based index among the client's managers
   * @param node its base URL, without credentials
   */
  public void setNode(int index, String node) {
    this.nodeIndex = index;
    this.node = node;
  }

  /**
   * How many times the request was repeated after a failed attempt (each also a {@code cloudify.client.retry}
   * event).
   *
   * @return the number of retries
   */
  public int retries() {
    return retries;
  }

  /** Counts one retry. */
  public void addRetry() {
    retries++;
  }

  /**
   * How many times the request moved to another manager node (each also a {@code cloudify.client.failover}
   * event).
   *
   * @return the number of failovers
   */
  public int failovers() {
    return failovers;
  }

  /** Counts one failover. */
  public void addFailover() {
    failovers++;
  }
}
