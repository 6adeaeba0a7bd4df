package io.github.cloudify4j.client.manager;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.internal.CoreApi;
import io.github.cloudify4j.client.internal.InternalAccess;
import io.github.cloudify4j.client.model.ClusterStatus;
import io.github.cloudify4j.client.model.ManagerNode;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.ClientContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The manager itself: version, health of this node, health of the cluster, the cluster's manager nodes. Every
 * method that sends a request has an overload taking {@link RequestOptions} last (a pinned node, a call timeout).
 */
public final class Manager {
  private final ClientContext context;
  private final CoreApi api;
  private final AtomicReference<ServerVersion> cachedVersion;

  static {
    InternalAccess.managers(Manager::new);
  }

  /** Made by the client ({@code client.manager()}); not constructible by applications. */
  private Manager(ClientContext context, AtomicReference<ServerVersion> cachedVersion) {
    this.context = requireNonNull(context, "context == null");
    this.api = context.create(CoreApi.class);
    this.cachedVersion = requireNonNull(cachedVersion, "cachedVersion == null");
  }

  /**
   * {@code GET /api/version}, asked every time (and remembered for {@link #serverVersion()}).
   *
   * @return the version the manager reports, with its edition
   */
  public ServerVersion version() {
    return version(RequestOptions.none());
  }

  /**
   * {@link #version()} with per-call options.
   *
   * @param options per-call options (a pinned node, a call timeout)
   * @return the version the manager reports, with its edition
   * @throws NullPointerException when {@code options} is null
   */
  public ServerVersion version(RequestOptions options) {
    requireNonNull(options, "options == null");
    ServerVersion version = api.version(context.callOptions(options));
    cachedVersion.set(version);
    return version;
  }

  /**
   * The server version, asked once per client and remembered: requests whose shape depends on the version (the
   * 5.x restore body) use it. Never guessed from errors.
   *
   * @return the remembered version, asked now if this client never asked
   */
  public ServerVersion serverVersion() {
    ServerVersion version = cachedVersion.get();
    return version != null ? version : version();
  }

  /**
   * {@code GET /status}: the services of the node that answers.
   *
   * @return that node's status and its services
   */
  public ManagerStatus status() {
    return status(RequestOptions.none());
  }

  /**
   * {@link #status()} with per-call options: pin a node to ask that node about itself.
   *
   * @param options per-call options (a pinned node, a call timeout)
   * @return that node's status and its services
   * @throws NullPointerException when {@code options} is null
   */
  public ManagerStatus status(RequestOptions options) {
    requireNonNull(options, "options == null");
    return api.status(null, context.callOptions(options));
  }

  /**
   * {@code GET /cluster-status}, in full.
   *
   * @return the cluster's status with every service of every node
   */
  public ClusterStatus clusterStatus() {
    return clusterStatus(RequestOptions.none());
  }

  /**
   * {@link #clusterStatus()} with per-call options.
   *
   * @param options per-call options (a pinned node, a call timeout)
   * @return the cluster's status with every service of every node
   * @throws NullPointerException when {@code options} is null
   */
  public ClusterStatus clusterStatus(RequestOptions options) {
    requireNonNull(options, "options == null");
    return api.clusterStatus(null, context.callOptions(options));
  }

  /**
   * {@code GET /cluster-status?summary=true}. The server answers 500 when the status is {@code Fail}; that
   * arrives as an {@link io.github.cloudify4j.client.errors.InternalServerErrorException}.
   *
   * @return the cluster's overall status, without the services' details
   */
  public ClusterStatus clusterStatusSummary() {
    return clusterStatusSummary(RequestOptions.none());
  }

  /**
   * {@link #clusterStatusSummary()} with per-call options.
   *
   * @param options per-call options (a pinned node, a call timeout)
   * @return the cluster's overall status, without the services' details
   * @throws NullPointerException when {@code options} is null
   */
  public ClusterStatus clusterStatusSummary(RequestOptions options) {
    requireNonNull(options, "options == null");
    return api.clusterStatus(true, context.callOptions(options));
  }

  /**
   * {@code GET /managers}: every manager node of the cluster.
   *
   * @return the nodes, one for a single manager
   */
  public List<ManagerNode> managers() {
    return managers(RequestOptions.none());
  }

  /**
   * {@link #managers()} with per-call options.
   *
   * @param options per-call options (a pinned node, a call timeout)
   * @return the nodes, one for a single manager
   * @throws NullPointerException when {@code options} is null
   */
  public List<ManagerNode> managers(RequestOptions options) {
    requireNonNull(options, "options == null");
    return api.managers(null, context.callOptions(options)).items();
  }

  /**
   * {@code GET /managers?hostname=...}: the node of that host name, if the cluster has one.
   *
   * @param hostname the node's host name, as the manager knows it
   * @return the node, or empty when no node has that name
   * @throws IllegalArgumentException if {@code hostname} is blank or holds control characters
   */
  public Optional<ManagerNode> manager(String hostname) {
    return manager(hostname, RequestOptions.none());
  }

  /**
   * {@link #manager(String)} with per-call options.
   *
   * @param hostname the node's host name, as the manager knows it
   * @param options per-call options (a pinned node, a call timeout)
   * @return the node, or empty when no node has that name
   * @throws IllegalArgumentException if {@code hostname} is blank or holds control characters
   */
  public Optional<ManagerNode> manager(String hostname, RequestOptions options) {
    Arguments.requireText(hostname, "hostname");
    requireNonNull(options, "options == null");
    return api.managers(hostname, context.callOptions(options)).items().stream().findFirst();
  }
}
