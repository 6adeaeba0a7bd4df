package io.github.cloudify4j.client.observation;

/**
 * How a request ended, by class of HTTP status, or {@link #TRANSPORT_ERROR} when no answer came: the
 * {@code outcome} key of {@code cloudify.client.requests}. A dashboard splits errors the operator must fix
 * (client errors: credentials, a wrong id) from the manager's (server errors) and the network's (transport).
 */
public enum RequestOutcome {
  /** A 1xx answer (never expected from a manager). */
  INFORMATIONAL,
  /** A 2xx answer. */
  SUCCESS,
  /** A 3xx answer (the client follows no redirects). */
  REDIRECTION,
  /** A 4xx answer. */
  CLIENT_ERROR,
  /** A 5xx answer. */
  SERVER_ERROR,
  /** No answer: the connection failed, timed out or was interrupted, on every node tried. */
  TRANSPORT_ERROR,
  /** Not known yet (the request is still under way), or a status outside 100-599. */
  UNKNOWN;

  /**
   * The outcome of an answer with this status code.
   *
   * @param status the HTTP status code of the answer
   * @return its class, {@link #UNKNOWN} outside 100-599
   */
  public static RequestOutcome forStatus(int status) {
    if (status >= 100 && status < 200) {
      return INFORMATIONAL;
    }
    if (status >= 200 && status < 300) {
      return SUCCESS;
    }
    if (status >= 300 && status < 400) {
      return REDIRECTION;
    }
    if (status >= 400 && status < 500) {
      return CLIENT_ERROR;
    }
    if (status >= 500 && status < 600) {
      return SERVER_ERROR;
    }
    return UNKNOWN;
  }
}
