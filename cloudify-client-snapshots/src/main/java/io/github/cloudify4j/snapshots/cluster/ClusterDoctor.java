package io.github.cloudify4j.snapshots.cluster;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.PremiumFeatureRequiredException;
import io.github.cloudify4j.client.manager.Manager;
import io.github.cloudify4j.client.model.ClusterStatus;
import io.github.cloudify4j.client.model.ManagerNode;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.workflow.WorkflowListener;
import io.github.cloudify4j.snapshots.workflow.internal.StepRunner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The cluster "doctor": asks every manager node of a client separately, concludes a {@link ClusterVerdict} with the
 * split-brain and quorum risks, plans the guide's recovery procedure for it, and runs the plan.
 *
 * <pre>{@code
 * ClusterDoctor doctor = ClusterDoctor.builder(client).build();
 * ClusterReport report = doctor.examine();        // asks every node: /status, /cluster-status, /managers
 * System.out.print(report.render());              // health table, verdict, risks, plan
 * RecoveryReport done = doctor.recover(report.plan());  // SDK steps run; operator steps are printed
 * }</pre>
 *
 * <p>Each node is asked pinned (no failover: a node's own answer is the point), without retries and within a call
 * timeout, so a dead node costs one failed connection. A node that does not answer {@code /status} is not asked
 * anything else. What the REST API does not tell (which node is active, the database leader, the broker's members)
 * is not guessed; docs/cluster-recovery.md lists what the verdicts rely on.
 */
public final class ClusterDoctor {
  private static final String DATA = "/etc/cloudify";

  private final CloudifyClient client;
  private final Map<URI, String> hostnames;
  private final Duration callTimeout;
  private final PollOptions healthWait;
  private final WorkflowListener<RecoveryStep> listener;
  private final UnaryOperator<RestoreOrchestrator.Builder> restore;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private ClusterDoctor(Builder b) {
    this.client = b.client;
    this.hostnames = Collections.unmodifiableMap(new HashMap<>(b.hostnames));
    this.callTimeout = b.callTimeout;
    this.healthWait = b.healthWait;
    this.listener = b.listener;
    this.restore = b.restore;
  }

  /**
   * A doctor for every manager node of {@code client}.
   *
   * @param client the client; its managers are the nodes asked
   * @return a builder
   */
  public static Builder builder(CloudifyClient client) {
    return new Builder(requireNonNull(client, "client == null"));
  }

  /**
   * Examines the client's cluster with the default settings: {@code builder(client).build().examine()}. What a CLI
   * {@code doctor} command calls.
   *
   * @param client the client; its managers are the nodes asked
   * @return the health, verdict and plan, with a text rendering
   */
  public static ClusterReport examine(CloudifyClient client) {
    return builder(client).build().examine();
  }

  /**
   * Asks every node and plans the recovery for what it found.
   *
   * @return the health, verdict and plan
   */
  public ClusterReport examine() {
    ClusterHealth health = health();
    return new ClusterReport(health, plan(health));
  }

  /**
   * Asks every node of the client, in order, and concludes: {@code /status} first (a node that does not answer it
   * is marked unreachable and asked nothing else), then {@code /managers} and {@code /cluster-status}.
   *
   * @return the health
   */
  public ClusterHealth health() {
    List<NodeHealth> nodes = new ArrayList<>();
    for (URI url : client.managers()) {
      nodes.add(ask(url));
    }
    return ClusterHealth.analyse(nodes, client.managers().get(0), client.poller().clock().instant());
  }

  /** Asks a run of {@link #recover} to stop at its next wait; it fails with the step it was at. */
  public void cancel() {
    cancelled.set(true);
  }

  private NodeHealth ask(URI url) {
    RequestOptions pinned = RequestOptions.builder().node(url).retryPolicy(RetryPolicy.none())
        .callTimeout(callTimeout).build();
    Manager m = client.manager();
    ManagerStatus status;
    try {
      status = m.status(pinned);
    } catch (CloudifyTransportException e) {
      return new NodeHealth(url, hostnames.get(url), NodeHealth.State.UNREACHABLE, null, null, null, false,
          "no answer: " + firstLine(e));
    } catch (CloudifyException e) {
      return new NodeHealth(url, hostnames.get(url), NodeHealth.State.NO_CLUSTER_VIEW, null, null, null, false,
          "/status failed: " + firstLine(e));
    }
    boolean community = false;
    List<String> problems = new ArrayList<>();
    List<ManagerNode> managers = Collections.emptyList();
    try {
      managers = m.managers(pinned);
      community = !managers.isEmpty() && managers.stream().allMatch(n -> n.edition().map("community"::equals)
          .orElse(false));
    } catch (PremiumFeatureRequiredException e) {
      community = true;
    } catch (CloudifyException e) {
      problems.add("/managers failed: " + firstLine(e));
    }
    ClusterStatus view = null;
    NodeHealth.State state = NodeHealth.State.ANSWERED;
    try {
      view = m.clusterStatus(pinned);
    } catch (PremiumFeatureRequiredException e) {
      community = true;
      state = NodeHealth.State.NO_CLUSTER_VIEW;
    } catch (CloudifyServiceException e) {
      if (e.errorCode().map("in_snapshot_restore_error"::equals).orElse(false)) {
        state = NodeHealth.State.RESTORING;
        problems.add("/cluster-status: 503 in_snapshot_restore_error (a snapshot restore runs on this node)");
      } else {
        state = NodeHealth.State.NO_CLUSTER_VIEW;
        problems.add("/cluster-status failed: " + firstLine(e));
      }
    } catch (CloudifyException e) {
      state = NodeHealth.State.NO_CLUSTER_VIEW;
      problems.add("/cluster-status failed: " + firstLine(e));
    }
    return new NodeHealth(url, hostnameOf(url, managers), state, status, view, managers, community,
        problems.isEmpty() ? null : String.join("; ", problems));
  }

  private String hostnameOf(URI url, List<ManagerNode> managers) {
    String given = hostnames.get(url);
    if (given != null) {
      return given;
    }
    String host = url.getHost();
    for (ManagerNode n : managers) {
      if (host.equalsIgnoreCase(n.hostname()) || n.privateIp().map(host::equals).orElse(false)
          || n.publicIp().map(host::equals).orElse(false) || n.networks().containsValue(host)) {
        return n.hostname();
      }
    }
    return null;
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  // ------------------------------------------------------------------ plans

  /**
   * The guide's recovery procedure for a verdict, with this cluster's names and addresses filled in. Computed
   * without contacting the managers.
   *
   * @param health what {@link #health()} found
   * @return the plan; empty for {@link ClusterVerdict#HEALTHY} and {@link ClusterVerdict#SINGLE_MANAGER}
   */
  public RecoveryPlan plan(ClusterHealth health) {
    requireNonNull(health, "health == null");
    List<RecoveryPlan.Item> items = new ArrayList<>();
    switch (health.verdict()) {
      case HEALTHY:
        return new RecoveryPlan(health.verdict(), "Nothing to do: healthy manager cluster", items, null, this);
      case SINGLE_MANAGER:
        return new RecoveryPlan(health.verdict(), "Nothing to do: single manager, no cluster", items, null, this);
      case RESTORE_IN_PROGRESS:
        items.add(sdk(RecoveryStep.WAIT_HEALTHY, "Wait (at most " + healthWait.maxWait() + ") until the restore"
            + " has ended and every node answers, agrees and is healthy."));
        return new RecoveryPlan(health.verdict(), "Snapshot restore in progress", items, null, this);
      case NODE_DOWN: {
        String dead = health.downNodes().isEmpty() ? "<the node down>" : health.downNodes().iterator().next();
        String ip = ipOf(health, dead);
        items.add(sdk(RecoveryStep.IDENTIFY_FAILED_NODE, "Name the node down: " + dead
            + (health.downNodes().size() > 1 ? " (one at a time: also " + health.downNodes() + ")" : "")
            + ", as every live node reports it."));
        items.add(sdk(RecoveryStep.CONFIRM_OTHERS_HEALTHY, "Ask the other nodes again: they must answer, be"
            + " healthy and agree that only " + health.downNodes() + " is down."));
        items.add(sdk(RecoveryStep.REMOVE_NODE, "Remove " + dead + " from the cluster: DELETE /managers/" + dead
            + " (premium; what `cfy cluster remove " + dead + "` does)."));
        addReplace(items, dead, ip);
        items.add(sdk(RecoveryStep.WAIT_HEALTHY, "Wait (at most " + healthWait.maxWait() + ") until the fresh"
            + " manager has joined and the cluster is healthy."));
        return new RecoveryPlan(health.verdict(), "One manager cluster node down", items, dead, this);
      }
      case ACTIVE_NODE_DOWN: {
        String dead = health.downNodes().isEmpty() ? health.firstNode().toString()
            : health.downNodes().iterator().next();
        String ip = ipOf(health, dead);
        items.add(sdk(RecoveryStep.VERIFY_FAILOVER, "Verify the automatic failover: another node answers, is"
            + " healthy, sees a majority, and the database and broker keep their quorum"
            + health.usableNode().map(u -> " (now: " + u + ")").orElse("") + "."));
        items.add(sdk(RecoveryStep.POINT_CLIENT, "Point the client at the node that took over."));
        items.add(op(RecoveryStep.INVESTIGATE, "On " + dead + ": investigate the error; fix the problem, or"
            + " replace the manager with the next steps.", Arrays.asList(
                "sudo cfy_manager status",
                "sudo journalctl -u cloudify-restservice --since -1h",
                "sudo tail -n 200 /var/log/cloudify/rest/cloudify-rest-service.log")));
        addReplace(items, dead, ip);
        items.add(sdk(RecoveryStep.WAIT_HEALTHY, "Wait (at most " + healthWait.maxWait() + ") until " + dead
            + " is back (fixed or replaced) and the cluster is healthy."));
        return new RecoveryPlan(health.verdict(), "Active manager node down", items, dead, this);
      }
      case WHOLE_CLUSTER_DOWN:
      case DB_WITHOUT_QUORUM:
      case BROKER_WITHOUT_QUORUM: {
        List<String> hosts = new ArrayList<>(health.registered());
        String all = hosts.isEmpty() ? "every manager host" : String.join(", ", hosts);
        items.add(op(RecoveryStep.SAVE_CERTIFICATES, "On each of " + all + ": save the certificates off the"
            + " host.", Arrays.asList("sudo tar czf /root/cloudify-ssl-$(hostname).tgz " + DATA + "/ssl",
                "scp root@$(hostname):/root/cloudify-ssl-$(hostname).tgz <safe place>/")));
        items.add(op(RecoveryStep.TEARDOWN, "On each of " + all + ": tear the manager down.",
            Collections.singletonList("sudo cfy_manager remove")));
        items.add(op(RecoveryStep.INSTALL_WITH_CERTIFICATES, "On each host: put the saved certificates back and"
            + " name them in " + DATA + "/config.yaml (the same paths as before), then install a fresh manager.",
            Arrays.asList("sudo tar xzf /root/cloudify-ssl-$(hostname).tgz -C /",
                "sudo vi " + DATA + "/config.yaml   # ssl_inputs: the certificate and key paths under " + DATA
                    + "/ssl",
                "sudo cfy_manager install --private-ip <host private ip> --public-ip <host public ip>")));
        items.add(op(RecoveryStep.CREATE_AND_JOIN, "Create the cluster and join every manager to it (the"
            + " config.yaml of each names the same database and broker nodes); check from a workstation.",
            Collections.singletonList("cfy cluster status")));
        items.add(sdk(RecoveryStep.WAIT_HEALTHY, "Wait (at most " + healthWait.maxWait() + ") until every node"
            + " answers and the new cluster is healthy."));
        items.add(op(RecoveryStep.STOP_OTHER_MANAGERS, "On every manager but the first healthy one: stop it for"
            + " the restore.", Collections.singletonList("sudo cfy_manager stop")));
        items.add(sdk(RecoveryStep.RESTORE_SNAPSHOT, "Apply the latest working snapshot on the active manager"
            + " with the RestoreOrchestrator (pinned to that node, other nodes confirmed stopped)."));
        items.add(op(RecoveryStep.START_OTHER_MANAGERS, "On the other managers: start them again.",
            Collections.singletonList("sudo cfy_manager start")));
        items.add(sdk(RecoveryStep.VERIFY, "Wait (at most " + healthWait.maxWait() + ") until the verdict is"
            + " HEALTHY."));
        return new RecoveryPlan(health.verdict(), "Whole cluster down or working wrong", items, null, this);
      }
      case SPLIT_BRAIN: {
        List<String> minority = new ArrayList<>();
        for (ClusterRisk r : health.risks()) {
          if (r.code() == ClusterRisk.Code.MINORITY_SIDE) {
            minority.addAll(r.says().keySet());
          }
        }
        String losing = minority.isEmpty() ? "the side you will not keep" : String.join(", ", minority);
        items.add(op(RecoveryStep.INVESTIGATE, "Decide which side to keep: when the network returns, the side"
            + " with the newest PostgreSQL data wins and everything written on the other side is lost. Before"
            + " reconnecting, take a snapshot of " + losing + " (BackupJob with allowUnsafeCluster(true), or the"
            + " CLI against that node).", Arrays.asList(
                "cfy snapshots create split-brain-$(date +%Y%m%d%H%M)",
                "cfy snapshots download split-brain-<stamp> -o split-brain-<stamp>.zip")));
        items.add(op(RecoveryStep.RECONNECT_SIDES, "Restore the network between the sides; then re-apply what"
            + " was lost from the saved snapshot by hand.", Collections.singletonList("cfy cluster status")));
        items.add(sdk(RecoveryStep.WAIT_HEALTHY, "Wait (at most " + healthWait.maxWait() + ") until every node"
            + " agrees again and the cluster is healthy."));
        return new RecoveryPlan(health.verdict(), "Split brain", items, null, this);
      }
      default:
        items.add(op(RecoveryStep.INVESTIGATE, "Look at the inactive services the table shows, on their hosts.",
            Arrays.asList("sudo cfy_manager status", "cfy cluster status")));
        items.add(sdk(RecoveryStep.WAIT_HEALTHY, "Wait (at most " + healthWait.maxWait() + ") until the cluster"
            + " is healthy."));
        return new RecoveryPlan(health.verdict(), "Degraded cluster", items, null, this);
    }
  }

  private static void addReplace(List<RecoveryPlan.Item> items, String dead, String ip) {
    items.add(op(RecoveryStep.DESTROY_NODE, "On " + dead + " (if it is still there): destroy the manager.",
        Collections.singletonList("sudo cfy_manager remove")));
    items.add(op(RecoveryStep.BOOTSTRAP_NODE, "On a fresh host: copy " + DATA + "/config.yaml and the"
        + " certificates from a healthy manager, set this host's addresses, and install.", Arrays.asList(
            "sudo scp -r root@<healthy manager>:" + DATA + "/config.yaml root@<healthy manager>:" + DATA + "/ssl "
                + DATA + "/",
            "sudo cfy_manager install --private-ip " + ip + " --public-ip <public ip>")));
    items.add(op(RecoveryStep.JOIN_CLUSTER, "The fresh manager joins the existing cluster while it installs"
        + " (config.yaml names the cluster's database and broker nodes); check from a workstation.",
        Collections.singletonList("cfy cluster status")));
  }

  private static String ipOf(ClusterHealth health, String hostname) {
    for (NodeHealth n : health.nodes()) {
      for (ManagerNode m : n.managers()) {
        if (m.hostname().equals(hostname) && m.privateIp().isPresent()) {
          return m.privateIp().get();
        }
      }
    }
    return "<private ip>";
  }

  private static RecoveryPlan.Item sdk(RecoveryStep step, String description) {
    return new RecoveryPlan.Item(step, RecoveryPlan.Actor.SDK, description, Collections.emptyList());
  }

  private static RecoveryPlan.Item op(RecoveryStep step, String description, List<String> commands) {
    return new RecoveryPlan.Item(step, RecoveryPlan.Actor.OPERATOR, description, commands);
  }

  // ------------------------------------------------------------------ recovery run

  /**
   * Runs a plan of this doctor, step by step through the same step runner as a restore or a backup: SDK steps are
   * carried out, operator steps are handed over (the listener's {@link WorkflowListener#onProgress} gets each
   * command; the result's detail says the SDK did not run them), and waits are bounded by
   * {@link Builder#healthWait(PollOptions)} on the client's clock.
   *
   * @param plan a plan made by {@link #plan(ClusterHealth)} or {@link #examine()} of this doctor
   * @return the report of a COMPLETE run
   * @throws RecoveryFailedException when a step fails; its cause is what stopped it, its report what was done
   * @throws IllegalArgumentException when the plan was made by another doctor
   */
  public RecoveryReport recover(RecoveryPlan plan) {
    requireNonNull(plan, "plan == null");
    if (!plan.madeBy(this)) {
      throw new IllegalArgumentException("the plan was made by another ClusterDoctor: run the plan of this one");
    }
    return new Run(plan).run();
  }

  private final class Run {
    final RecoveryPlan plan;
    final List<StepResult<RecoveryStep>> results = new ArrayList<>();
    final StepRunner<RecoveryStep> runner;
    CloudifyClient pointed;
    URI newActive;
    String removed;
    RestoreReport restored;
    ClusterHealth last;

    Run(RecoveryPlan plan) {
      this.plan = plan;
      this.runner = new StepRunner<>("Recovery (" + plan.procedure() + ")", listener,
          client.poller().clock(), cancelled::get, results::add, StepRunner::message);
    }

    RecoveryReport run() {
      for (RecoveryPlan.Item item : plan.items()) {
        try {
          runner.run(item.step(), () -> item.actor() == RecoveryPlan.Actor.OPERATOR ? handOver(item) : sdk(item));
        } catch (StepRunner.StepFailedException f) {
          RecoveryReport report = report(RecoveryReport.Outcome.FAILED, item.step(), f.result().detail());
          throw new RecoveryFailedException(item.step(), report, f.result().detail(), f.getCause());
        }
      }
      return report(RecoveryReport.Outcome.COMPLETE, null, null);
    }

    RecoveryReport report(RecoveryReport.Outcome outcome, RecoveryStep failed, String why) {
      return new RecoveryReport(plan, outcome, results, pointed, newActive, removed, restored, last, failed, why);
    }

    String handOver(RecoveryPlan.Item item) {
      for (String c : item.commands()) {
        listener.onProgress(item.step(), "$ " + c);
      }
      return "handed to the operator (not run by the SDK): " + item.description()
          + (item.commands().isEmpty() ? "" : " $ " + String.join(" ; ", item.commands()));
    }

    String sdk(RecoveryPlan.Item item) {
      switch (item.step()) {
        case IDENTIFY_FAILED_NODE: {
          last = health();
          if (last.downNodes().isEmpty()) {
            throw new IllegalStateException("no node is down any more: " + last.verdict());
          }
          return "down: " + last.downNodes();
        }
        case CONFIRM_OTHERS_HEALTHY: {
          last = health();
          if (last.verdict() != ClusterVerdict.NODE_DOWN && last.verdict() != ClusterVerdict.ACTIVE_NODE_DOWN) {
            throw new IllegalStateException("the other nodes are not healthy and in agreement: " + last.verdict()
                + " " + last.risks());
          }
          if (plan.target() != null && !last.downNodes().contains(plan.target())) {
            throw new IllegalStateException(plan.target() + " is not reported down any more");
          }
          return "the live nodes agree that " + last.downNodes() + " is down; use " + last.usableNode().orElse(null);
        }
        case REMOVE_NODE: {
          URI via = last != null && last.usableNode().isPresent() ? last.usableNode().get() : null;
          RequestOptions o = via == null ? RequestOptions.none() : RequestOptions.builder().node(via).build();
          ManagerNode gone = client.manager().removeManager(plan.target(), o);
          removed = gone.hostname();
          return "removed " + removed + " (DELETE /managers/" + plan.target() + ")";
        }
        case VERIFY_FAILOVER: {
          last = health();
          if (last.verdict() != ClusterVerdict.ACTIVE_NODE_DOWN && last.verdict() != ClusterVerdict.NODE_DOWN) {
            throw new IllegalStateException("no clean failover: " + last.verdict() + " " + last.risks());
          }
          newActive = last.usableNode().orElseThrow(() -> new IllegalStateException(
              "no node answers healthy with a majority: the failover did not happen"));
          return "failover to " + newActive + "; database and broker quorum held";
        }
        case POINT_CLIENT:
          pointed = client.pinnedTo(newActive);
          return "client pointed at " + newActive;
        case RESTORE_SNAPSHOT: {
          URI node = last != null && last.usableNode().isPresent() ? last.usableNode().get()
              : client.managers().get(0);
          RestoreOrchestrator.Builder b = RestoreOrchestrator.builder(client).node(node);
          if (client.managers().size() > 1) {
            b.confirmOtherNodesStopped(true);
          }
          restored = restore.apply(b).build().run();
          return "restored " + restored.snapshotId() + " on " + node + ": " + restored.outcome();
        }
        case WAIT_HEALTHY:
        case VERIFY:
          last = client.poller().until("a healthy cluster", ClusterDoctor.this::health)
              .succeedWhen(h -> h.verdict() == ClusterVerdict.HEALTHY, "every node answers, agrees and is healthy")
              .options(healthWait).cancelWhen(cancelled::get).await();
          return "healthy: " + last.registered();
        default:
          throw new IllegalStateException("not an SDK step: " + item.step());
      }
    }
  }

  /** Builds a {@link ClusterDoctor}. */
  public static final class Builder {
    private final CloudifyClient client;
    private final Map<URI, String> hostnames = new HashMap<>();
    private Duration callTimeout = Duration.ofSeconds(10);
    private PollOptions healthWait = PollOptions.builder().maxWait(Duration.ofMinutes(30))
        .fixedDelay(Duration.ofSeconds(15)).build();
    private WorkflowListener<RecoveryStep> listener = new WorkflowListener<RecoveryStep>() { };
    private UnaryOperator<RestoreOrchestrator.Builder> restore = RestoreOrchestrator.Builder::latestRestorableSnapshot;

    private Builder(CloudifyClient client) {
      this.client = client;
    }

    /**
     * Names a node: the REST API has no "who am I" field, so a node whose URL's host is not one of the
     * {@code /managers} rows' host names or addresses (a load balancer, a tunnel) is named here. With names, the
     * doctor can tell which node a dead or split node is, and report mutual unreachability.
     *
     * @param node one of the client's managers
     * @param hostname its host name as {@code /managers} lists it
     * @return this builder
     * @throws IllegalArgumentException if {@code node} is not one of the client's managers
     */
    public Builder hostname(URI node, String hostname) {
      requireNonNull(node, "node == null");
      requireNonNull(hostname, "hostname == null");
      if (!client.managers().contains(node)) {
        throw new IllegalArgumentException("node is not one of the client's managers: " + node);
      }
      hostnames.put(node, hostname);
      return this;
    }

    /**
     * How long one call to one node may take (default 10 s): a node that hangs costs at most this.
     *
     * @param callTimeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration callTimeout) {
      requireNonNull(callTimeout, "callTimeout == null");
      if (callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
      }
      this.callTimeout = callTimeout;
      return this;
    }

    /**
     * How a recovery waits for a healthy cluster (default: every 15 s, at most 30 minutes), on the client's clock.
     *
     * @param healthWait the poll options; their maximum wait bounds each wait
     * @return this builder
     */
    public Builder healthWait(PollOptions healthWait) {
      this.healthWait = requireNonNull(healthWait, "healthWait == null");
      return this;
    }

    /**
     * Told about each recovery step as it runs; operator commands arrive as progress.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(WorkflowListener<RecoveryStep> listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Chooses the snapshot of {@link RecoveryStep#RESTORE_SNAPSHOT} (default: the latest restorable snapshot on
     * the manager; after a reinstall give the archive, e.g. {@code b -> b.snapshotId("nightly").uploadFrom(zip)}).
     * The doctor has already pinned the builder to the restore node and confirmed the others stopped.
     *
     * @param restore adds the snapshot choice (and any other option) to the orchestrator's builder
     * @return this builder
     */
    public Builder restore(UnaryOperator<RestoreOrchestrator.Builder> restore) {
      this.restore = requireNonNull(restore, "restore == null");
      return this;
    }

    /**
     * The doctor.
     *
     * @return a doctor with a copy of these settings
     */
    public ClusterDoctor build() {
      return new ClusterDoctor(this);
    }
  }
}
