package io.github.cloudify4j.snapshots.cluster;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.model.ClusterStatus;
import io.github.cloudify4j.client.model.ManagerNode;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServiceStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One manager node as it answered when asked alone (pinned, no failover): whether it answered, its own services
 * ({@code /status}), its view of the cluster ({@code /cluster-status}) and the registered managers
 * ({@code /managers}). A node's view of the cluster is what its own monitoring reaches: a node it cannot reach is
 * listed with {@code "No services."}, which is how a split shows in the REST API.
 */
public final class NodeHealth {
  /** How the node answered. */
  public enum State {
    /** It answered {@code /status} and {@code /cluster-status}. */
    ANSWERED,
    /** It answered {@code /status} but not with a cluster view (community manager, or an error on that call). */
    NO_CLUSTER_VIEW,
    /** It answered 503 {@code in_snapshot_restore_error}: a restore runs on it (6.x). */
    RESTORING,
    /** No answer (connection refused, timeout): the node is down, or unreachable from the client. */
    UNREACHABLE
  }

  private final URI url;
  private final String hostname;
  private final State state;
  private final ManagerStatus status;
  private final ClusterStatus cluster;
  private final List<ManagerNode> managers;
  private final boolean community;
  private final String problem;

  NodeHealth(URI url, String hostname, State state, ManagerStatus status, ClusterStatus cluster,
      List<ManagerNode> managers, boolean community, String problem) {
    this.url = requireNonNull(url, "url == null");
    this.hostname = hostname;
    this.state = requireNonNull(state, "state == null");
    this.status = status;
    this.cluster = cluster;
    this.managers = managers == null ? Collections.emptyList()
        : Collections.unmodifiableList(new ArrayList<>(managers));
    this.community = community;
    this.problem = problem;
  }

  /**
   * The node's URL, one of the client's managers.
   *
   * @return the URL
   */
  public URI url() {
    return url;
  }

  /**
   * The node's host name in the cluster: given to {@link ClusterDoctor.Builder#hostname}, or found by matching the
   * URL's host with a {@code /managers} row's host name or addresses. The REST API has no "who am I" field, so this
   * is empty when neither names it.
   *
   * @return the host name, if known
   */
  public Optional<String> hostname() {
    return Optional.ofNullable(hostname);
  }

  /**
   * The host name, or the URL where it is unknown: how reports name the node.
   *
   * @return a name for people
   */
  public String name() {
    return hostname != null ? hostname : url.toString();
  }

  /**
   * How the node answered.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * Whether the node answered at all (any state but {@link State#UNREACHABLE}).
   *
   * @return true when it answered
   */
  public boolean answered() {
    return state != State.UNREACHABLE;
  }

  /**
   * The node's own {@code /status}.
   *
   * @return its status, if it answered
   */
  public Optional<ManagerStatus> status() {
    return Optional.ofNullable(status);
  }

  /**
   * The node's {@code /cluster-status} in full: the cluster as this node sees it.
   *
   * @return its view, if it gave one
   */
  public Optional<ClusterStatus> clusterView() {
    return Optional.ofNullable(cluster);
  }

  /**
   * The registered managers as this node lists them ({@code /managers}; one shared table, so every node that
   * reaches the database lists the same).
   *
   * @return the managers, empty if it did not answer
   */
  public List<ManagerNode> managers() {
    return managers;
  }

  /**
   * Whether the node says it is a community manager (its {@code /managers} row, or a 404
   * {@code missing_premium_package_error}).
   *
   * @return true for community
   */
  public boolean community() {
    return community;
  }

  /**
   * What went wrong asking the node, in words (secret-free).
   *
   * @return the problem, if any
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /**
   * The host names this node's view lists with services, that is: the nodes its monitoring reaches.
   *
   * @return host names, sorted; empty without a view
   */
  public Set<String> reaches() {
    Set<String> out = new TreeSet<>();
    if (cluster != null) {
      for (ClusterStatus.Service s : cluster.services().values()) {
        for (Map.Entry<String, ClusterStatus.Node> n : s.nodes().entrySet()) {
          if (!n.getValue().services().isEmpty()) {
            out.add(n.getKey());
          }
        }
      }
    }
    return out;
  }

  /**
   * The host names this node's view lists without services ({@code "No services."}): nodes it cannot reach.
   *
   * @return host names, sorted; empty without a view
   */
  public Set<String> cannotReach() {
    Set<String> out = new TreeSet<>(listed());
    out.removeAll(reaches());
    return out;
  }

  /**
   * Every host name this node's view lists (the cluster's registered nodes).
   *
   * @return host names, sorted; empty without a view
   */
  public Set<String> listed() {
    Set<String> out = new TreeSet<>();
    if (cluster != null) {
      for (ClusterStatus.Service s : cluster.services().values()) {
        out.addAll(s.nodes().keySet());
      }
    }
    return out;
  }

  /**
   * A clustered service's status in this node's view: {@code OK}, {@code Degraded} (quorum held, some nodes
   * failing) or {@code Fail} (no quorum).
   *
   * @param service {@code manager}, {@code db} or {@code broker}
   * @return the status as sent, if the view has the service
   */
  public Optional<String> serviceStatus(String service) {
    requireNonNull(service, "service == null");
    if (cluster == null || !cluster.services().containsKey(service)) {
      return Optional.empty();
    }
    return Optional.of(cluster.services().get(service).status());
  }

  /**
   * Whether a majority ({@code n / 2 + 1}) of the service's registered nodes is healthy in this node's view, counted
   * here from the nodes' statuses (the server computes the same for the service's status). An external service
   * counts as having its quorum when its status is {@code OK}.
   *
   * @param service {@code db} or {@code broker}
   * @return the answer, empty without a view of the service
   */
  public Optional<Boolean> hasQuorum(String service) {
    requireNonNull(service, "service == null");
    if (cluster == null || !cluster.services().containsKey(service)) {
      return Optional.empty();
    }
    ClusterStatus.Service s = cluster.services().get(service);
    if (s.nodes().isEmpty()) {
      return Optional.of(!"Fail".equalsIgnoreCase(s.status()));
    }
    long healthy = s.nodes().values().stream().filter(n -> "OK".equalsIgnoreCase(n.status())).count();
    return Optional.of(healthy >= s.nodes().size() / 2 + 1);
  }

  /**
   * The node's own services that are not active, by display name.
   *
   * @return inactive service names; empty without a status
   */
  public List<String> inactiveServices() {
    List<String> out = new ArrayList<>();
    if (status != null) {
      for (Map.Entry<String, ServiceStatus> e : status.services().entrySet()) {
        if (!e.getValue().isActive()) {
          out.add(e.getKey());
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "NodeHealth{" + name() + ", " + state + (status != null ? ", status " + status.status() : "")
        + (cluster != null ? ", cluster " + cluster.status() + ", reaches " + reaches() : "")
        + (problem != null ? ", problem " + problem : "") + "}";
  }
}
