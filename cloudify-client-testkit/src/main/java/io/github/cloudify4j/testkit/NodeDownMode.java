package io.github.cloudify4j.testkit;

/** How a node that is taken down behaves. */
public enum NodeDownMode {
  /** The listener is closed: connections are refused. */
  REFUSE_CONNECTIONS,
  /** Connections are accepted but requests are never answered until the node comes back. */
  HANG
}
