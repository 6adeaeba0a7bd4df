package io.github.cloudify4j.snapshots.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One split-brain or quorum risk found by comparing the nodes' answers: what kind ({@link #code()}, to decide on),
 * the nodes involved and what each of them says ({@link #says()}), and the risk in words ({@link #message()}, to
 * show; its wording may change).
 */
public final class ClusterRisk {
  /** The guide's warning, quoted in every split-brain risk. */
  public static final String DATA_LOSS = "When connectivity returns, one master is chosen by the newest PostgreSQL"
      + " data; all data, installed deployments and plugins written on the other side are lost.";

  /** The kinds of risk. */
  public enum Code {
    /** Nodes that answer see different sets of nodes as reachable: the cluster is split into sides. */
    VIEWS_DISAGREE,
    /** Two nodes both answer the client, and each reports the other unreachable. */
    MUTUALLY_UNREACHABLE,
    /** A side reaches fewer than a majority of the registered nodes. */
    MINORITY_SIDE,
    /** Fewer than a majority of the database nodes are healthy in a node's view. */
    DB_WITHOUT_QUORUM,
    /** Fewer than a majority of the broker nodes are healthy in a node's view. */
    BROKER_WITHOUT_QUORUM
  }

  private final Code code;
  private final Map<String, String> says;
  private final String message;

  ClusterRisk(Code code, Map<String, String> says, String message) {
    this.code = requireNonNull(code, "code == null");
    this.says = Collections.unmodifiableMap(new LinkedHashMap<>(says));
    this.message = requireNonNull(message, "message == null");
  }

  /**
   * The kind of risk; decide on this, never on the message.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }

  /**
   * The nodes involved (by host name, or by URL where the host name is unknown) and what each says, in order.
   *
   * @return node to its statement
   */
  public Map<String, String> says() {
    return says;
  }

  /**
   * The risk in words, for people.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
