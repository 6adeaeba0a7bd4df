package io.github.cloudify4j.snapshots.cluster;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.model.ManagerNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The health of a cluster as every node told it, asked separately: each {@link NodeHealth}, the
 * {@link ClusterVerdict}, the split-brain and quorum {@link ClusterRisk risks}, and which node a client can use now.
 * {@link #render()} is the text a "doctor" command prints.
 *
 * <p>Built on what the REST API exposes (docs/cluster-facts.md): the nodes' views of who is reachable and the
 * per-service status computed against a majority. It names no "active" manager and no database leader, so neither
 * is claimed here: "active" is the node the client used first, and a node "a client can use" is one that answers and
 * sees a majority.
 */
public final class ClusterHealth {
  private final ClusterVerdict verdict;
  private final List<NodeHealth> nodes;
  private final Set<String> registered;
  private final Set<String> down;
  private final List<ClusterRisk> risks;
  private final List<String> findings;
  private final URI firstNode;
  private final URI usableNode;
  private final Instant checkedAt;

  private ClusterHealth(ClusterVerdict verdict, List<NodeHealth> nodes, Set<String> registered, Set<String> down,
      List<ClusterRisk> risks, List<String> findings, URI firstNode, URI usableNode, Instant checkedAt) {
    this.verdict = verdict;
    this.nodes = Collections.unmodifiableList(new ArrayList<>(nodes));
    this.registered = Collections.unmodifiableSet(new TreeSet<>(registered));
    this.down = Collections.unmodifiableSet(new TreeSet<>(down));
    this.risks = Collections.unmodifiableList(new ArrayList<>(risks));
    this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
    this.firstNode = firstNode;
    this.usableNode = usableNode;
    this.checkedAt = checkedAt;
  }

  /**
   * What the doctor concluded.
   *
   * @return the verdict
   */
  public ClusterVerdict verdict() {
    return verdict;
  }

  /**
   * Every node of the client, in the client's order, as it answered.
   *
   * @return the nodes
   */
  public List<NodeHealth> nodes() {
    return nodes;
  }

  /**
   * The registered manager host names, as the nodes that answered list them.
   *
   * @return host names, sorted
   */
  public Set<String> registered() {
    return registered;
  }

  /**
   * The nodes that are down as far as the answers show: listed as unreachable by every node that gave a view.
   *
   * @return host names, sorted
   */
  public Set<String> downNodes() {
    return down;
  }

  /**
   * The split-brain and quorum risks found; empty when the nodes agree and every quorum holds.
   *
   * @return the risks
   */
  public List<ClusterRisk> risks() {
    return risks;
  }

  /**
   * What else was noticed, in words (secret-free).
   *
   * @return the findings
   */
  public List<String> findings() {
    return findings;
  }

  /**
   * Whether the nodes disagree about who is reachable (a split brain).
   *
   * @return true for a split
   */
  public boolean isSplit() {
    return verdict == ClusterVerdict.SPLIT_BRAIN;
  }

  /**
   * The node the client uses first: the closest the REST API allows to "the active manager".
   *
   * @return the client's first node
   */
  public URI firstNode() {
    return firstNode;
  }

  /**
   * A node a client can use now: the first (in the client's order) that answers, is healthy and sees a majority of
   * the nodes; after a failover, the node to point the client at.
   *
   * @return the node, if any
   */
  public Optional<URI> usableNode() {
    return Optional.ofNullable(usableNode);
  }

  /**
   * When the nodes were asked, by the client's clock.
   *
   * @return the time
   */
  public Instant checkedAt() {
    return checkedAt;
  }

  /**
   * The risk that makes a restore or backup on {@code target} unsafe, if any: a split brain (a restore onto, or a
   * backup taken from, one side of a split loses the other side's data), or a database or broker without quorum
   * while every node answers (so the nodes are not merely stopped for a cluster restore).
   *
   * @param target the node the work goes to
   * @return the blocking risk, or empty when the work may go on
   */
  public Optional<ClusterRisk> blockingRisk(URI target) {
    requireNonNull(target, "target == null");
    if (verdict == ClusterVerdict.SPLIT_BRAIN) {
      NodeHealth t = nodes.stream().filter(n -> n.url().equals(target)).findFirst().orElse(null);
      for (ClusterRisk r : risks) {
        if (r.code() == ClusterRisk.Code.MINORITY_SIDE && t != null && r.says().containsKey(t.name())) {
          return Optional.of(r);
        }
      }
      return risks.stream().filter(r -> r.code() == ClusterRisk.Code.VIEWS_DISAGREE).findFirst();
    }
    boolean allAnswer = nodes.stream().allMatch(NodeHealth::answered);
    if (allAnswer) {
      return risks.stream().filter(r -> r.code() == ClusterRisk.Code.DB_WITHOUT_QUORUM
          || r.code() == ClusterRisk.Code.BROKER_WITHOUT_QUORUM).findFirst();
    }
    return Optional.empty();
  }

  /**
   * The health as a text table per node (answer, status, cluster view, who it reaches, quorum), then the verdict,
   * the risks and the findings: what a {@code doctor} command prints.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-24s %-15s %-7s %-9s %-5s %-7s %s%n", "NODE", "ANSWER", "STATUS",
        "CLUSTER", "DB", "BROKER", "REACHES"));
    for (NodeHealth n : nodes) {
      sb.append(String.format(Locale.ROOT, "%-24s %-15s %-7s %-9s %-5s %-7s %s%n", n.name()
              + (n.url().equals(firstNode) ? " *" : ""),
          n.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          n.status().map(s -> s.status()).orElse("-"),
          n.clusterView().map(c -> c.status()).orElse("-"),
          quorum(n, "db"), quorum(n, "broker"),
          n.clusterView().isPresent() ? String.join(",", n.reaches()) : "-"));
      if (!n.inactiveServices().isEmpty()) {
        sb.append("    inactive: ").append(String.join(", ", n.inactiveServices())).append('\n');
      }
      n.problem().ifPresent(p -> sb.append("    ").append(p).append('\n'));
    }
    sb.append("* the client's first node. The REST API names no active manager, database leader or broker"
        + " members;\n  DB/BROKER say whether a majority of their nodes is healthy in that node's view.\n");
    sb.append("Verdict: ").append(verdict).append('\n');
    if (!down.isEmpty()) {
      sb.append("Down: ").append(String.join(", ", down)).append('\n');
    }
    sb.append("Use: ").append(usableNode == null ? "no node can be used now" : usableNode.toString()).append('\n');
    for (ClusterRisk r : risks) {
      sb.append("Risk ").append(r.code()).append(": ").append(r.message()).append('\n');
      for (Map.Entry<String, String> e : r.says().entrySet()) {
        sb.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      }
    }
    for (String f : findings) {
      sb.append("Note: ").append(f).append('\n');
    }
    return sb.toString();
  }

  private static String quorum(NodeHealth n, String service) {
    return n.hasQuorum(service).map(q -> q ? "yes" : "NO").orElse("-");
  }

  @Override
  public String toString() {
    return "ClusterHealth{" + verdict + ", down " + down + ", risks " + risks + ", nodes " + nodes + "}";
  }

  // ------------------------------------------------------------------ analysis

  /** Concludes from the answers; {@code first} is the client's first node. */
  static ClusterHealth analyse(List<NodeHealth> nodes, URI first, Instant at) {
    List<String> findings = new ArrayList<>();
    List<ClusterRisk> risks = new ArrayList<>();
    List<NodeHealth> answered = new ArrayList<>();
    List<NodeHealth> views = new ArrayList<>();
    Set<String> registered = new TreeSet<>();
    for (NodeHealth n : nodes) {
      if (n.answered()) {
        answered.add(n);
      }
      if (n.clusterView().isPresent()) {
        views.add(n);
        registered.addAll(n.listed());
      }
      for (ManagerNode m : n.managers()) {
        registered.add(m.hostname());
      }
    }
    if (answered.isEmpty()) {
      findings.add("No node answered: " + nodes.size() + " asked. Check from a host next to the managers before"
          + " treating the whole cluster as down (the client's own network may be at fault).");
      return new ClusterHealth(ClusterVerdict.WHOLE_CLUSTER_DOWN, nodes, registered, new TreeSet<>(), risks,
          findings, first, null, at);
    }
    if (answered.stream().anyMatch(n -> n.state() == NodeHealth.State.RESTORING)) {
      findings.add("A snapshot restore is running (503 in_snapshot_restore_error); the cluster status is not"
          + " available on that node until it ends.");
      return new ClusterHealth(ClusterVerdict.RESTORE_IN_PROGRESS, nodes, registered, new TreeSet<>(), risks,
          findings, first, null, at);
    }
    if (answered.stream().anyMatch(NodeHealth::community) || registered.size() <= 1) {
      findings.add(answered.stream().anyMatch(NodeHealth::community)
          ? "Community edition: a single manager, no cluster (cluster endpoints are premium)."
          : "One registered manager: no cluster.");
      NodeHealth only = answered.get(0);
      if (only.status().isPresent() && !only.status().get().isHealthy()) {
        findings.add("Its status is " + only.status().get().status() + "; inactive: " + only.inactiveServices());
      }
      return new ClusterHealth(ClusterVerdict.SINGLE_MANAGER, nodes, registered, new TreeSet<>(), risks,
          findings, first, only.url(), at);
    }

    int majority = registered.size() / 2 + 1;
    Map<Set<String>, List<NodeHealth>> sides = new LinkedHashMap<>();
    for (NodeHealth n : views) {
      sides.computeIfAbsent(n.reaches(), k -> new ArrayList<>()).add(n);
    }
    boolean split = sides.size() > 1;
    if (split) {
      Map<String, String> says = new LinkedHashMap<>();
      for (NodeHealth n : views) {
        says.put(n.name(), "reaches " + n.reaches() + ", cannot reach " + n.cannotReach());
      }
      risks.add(new ClusterRisk(ClusterRisk.Code.VIEWS_DISAGREE, says, "The nodes disagree about who is"
          + " reachable: the cluster is split into " + sides.size() + " sides, and each may act as the master. "
          + ClusterRisk.DATA_LOSS));
      for (int i = 0; i < views.size(); i++) {
        for (int j = i + 1; j < views.size(); j++) {
          NodeHealth a = views.get(i);
          NodeHealth b = views.get(j);
          if (a.hostname().isPresent() && b.hostname().isPresent()
              && a.cannotReach().contains(b.hostname().get()) && b.cannotReach().contains(a.hostname().get())) {
            Map<String, String> pair = new LinkedHashMap<>();
            pair.put(a.name(), "cannot reach " + b.name());
            pair.put(b.name(), "cannot reach " + a.name());
            risks.add(new ClusterRisk(ClusterRisk.Code.MUTUALLY_UNREACHABLE, pair, a.name() + " and " + b.name()
                + " both answer, and each reports the other unreachable. " + ClusterRisk.DATA_LOSS));
          }
        }
      }
      for (Map.Entry<Set<String>, List<NodeHealth>> side : sides.entrySet()) {
        if (side.getKey().size() < majority) {
          Map<String, String> says2 = new LinkedHashMap<>();
          for (NodeHealth n : side.getValue()) {
            says2.put(n.name(), "reaches " + side.getKey().size() + " of " + registered.size() + " nodes "
                + side.getKey());
          }
          risks.add(new ClusterRisk(ClusterRisk.Code.MINORITY_SIDE, says2, "This side reaches fewer than a"
              + " majority (" + majority + ") of the " + registered.size() + " nodes: what is written here is"
              + " likely to lose. " + ClusterRisk.DATA_LOSS));
        }
      }
    }
    for (String service : new String[] {"db", "broker"}) {
      Map<String, String> says = new LinkedHashMap<>();
      for (NodeHealth n : views) {
        if (!n.hasQuorum(service).orElse(true)) {
          says.put(n.name(), service + " " + n.serviceStatus(service).orElse("?") + ", healthy "
              + healthy(n, service));
        }
      }
      if (!says.isEmpty()) {
        boolean db = service.equals("db");
        risks.add(new ClusterRisk(db ? ClusterRisk.Code.DB_WITHOUT_QUORUM : ClusterRisk.Code.BROKER_WITHOUT_QUORUM,
            says, (db ? "The database" : "The message broker") + " has fewer than a majority of healthy nodes"
            + (db ? ": it cannot elect a leader, and writes fail or wait." : ": messages may be lost.")
            + " Which node leads is not exposed by the REST API."));
      }
    }

    Set<String> down = new TreeSet<>();
    if (!views.isEmpty()) {
      down.addAll(views.get(0).cannotReach());
      for (NodeHealth n : views) {
        down.retainAll(n.cannotReach());
      }
    }
    boolean firstDown = nodes.stream().anyMatch(n -> n.url().equals(first) && !n.answered());
    for (NodeHealth n : nodes) {
      if (!n.answered()) {
        if (n.hostname().isPresent()) {
          down.add(n.hostname().get());
        }
        findings.add(n.name() + " does not answer the client" + n.problem().map(p -> ": " + p).orElse("."));
      }
    }
    for (NodeHealth n : answered) {
      if (n.clusterView().isPresent() && n.hostname().isPresent() && down.contains(n.hostname().get())) {
        findings.add(n.name() + " answers the client but the cluster cannot reach it.");
      }
    }

    URI usable = null;
    for (NodeHealth n : views) {
      boolean sound = n.status().map(s -> s.isHealthy()).orElse(false);
      if (n.reaches().size() >= majority && sound && n.serviceStatus("manager").map(s -> !"Fail".equalsIgnoreCase(s))
          .orElse(false)) {
        usable = n.url();
        break;
      }
    }

    ClusterVerdict verdict;
    if (split) {
      verdict = ClusterVerdict.SPLIT_BRAIN;
    } else if (risks.stream().anyMatch(r -> r.code() == ClusterRisk.Code.DB_WITHOUT_QUORUM)) {
      verdict = ClusterVerdict.DB_WITHOUT_QUORUM;
    } else if (risks.stream().anyMatch(r -> r.code() == ClusterRisk.Code.BROKER_WITHOUT_QUORUM)) {
      verdict = ClusterVerdict.BROKER_WITHOUT_QUORUM;
    } else if (!down.isEmpty() || answered.size() < nodes.size()) {
      verdict = firstDown ? ClusterVerdict.ACTIVE_NODE_DOWN : ClusterVerdict.NODE_DOWN;
      if (firstDown && usable != null) {
        findings.add("Failover: " + usable + " answers, is healthy and sees a majority; point the client at it.");
      }
    } else if (answered.stream().anyMatch(n -> !n.status().map(s -> s.isHealthy()).orElse(false)
        || !n.clusterView().map(c -> c.isOk()).orElse(false))) {
      verdict = ClusterVerdict.DEGRADED;
      for (NodeHealth n : answered) {
        if (!n.inactiveServices().isEmpty()) {
          findings.add(n.name() + ": inactive " + n.inactiveServices());
        }
      }
    } else {
      verdict = ClusterVerdict.HEALTHY;
    }
    return new ClusterHealth(verdict, nodes, registered, down, risks, findings, first, usable, at);
  }

  private static String healthy(NodeHealth n, String service) {
    return n.clusterView().map(c -> {
      io.github.cloudify4j.client.model.ClusterStatus.Service s = c.services().get(service);
      long ok = s.nodes().values().stream().filter(x -> "OK".equalsIgnoreCase(x.status())).count();
      return ok + " of " + s.nodes().size();
    }).orElse("?");
  }
}
