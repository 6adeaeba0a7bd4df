package io.github.cloudify4j.testkit;

/** How the REST API looks to a client while a legacy restore restarts the manager's services. */
public enum RestartMode {
  /** The listener is closed; new connections are refused (the port is re-bound when the window ends). */
  CONNECTION_REFUSED,
  /** nginx answers {@code 502 Bad Gateway} with its HTML page. */
  BAD_GATEWAY,
  /** Connections are accepted but never answered until the window ends. */
  HANG,
  /** No outage at all. */
  NONE
}
