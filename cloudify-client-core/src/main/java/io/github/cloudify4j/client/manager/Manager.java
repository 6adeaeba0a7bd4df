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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The manager itself: version, health of this node, health of the cluster, the cluster's manager nodes. */
public final class Manager {
  private final CoreApi api;
  private final AtomicReference<ServerVersion> cachedVersion;

  static {
    InternalAccess.managers(Manager::new);
  }

  /** Made by the client ({@code client.manager()}); not constructible by applications. */
  private Manager(CoreApi api, AtomicReference<ServerVersion> cachedVersion) {
    this.api = requireNonNull(api, "api == null");
    this.cachedVersion = requireNonNull(cachedVersion, "cachedVersion == null");
  }

  /** {@code GET /api/version}, asked every time. */
  public ServerVersion version() {
    return version(RequestOptions.none());
  }

  public ServerVersion version(RequestOptions options) {
    requireNonNull(options, "options == null");
    ServerVersion version = api.version(options);
    cachedVersion.set(version);
    return version;
  }

  /**
   * The server version, asked once per client and remembered: requests whose shape depends on the version (the
   * 5.x restore body) use it. Never guessed from errors.
   */
  public ServerVersion serverVersion() {
    ServerVersion version = cachedVersion.get();
    return version != null ? version : version();
  }

  /** {@code GET /status}: the services of the node that answers. */
  public ManagerStatus status() {
    return api.status(null, RequestOptions.none());
  }

  public ManagerStatus status(RequestOptions options) {
    requireNonNull(options, "options == null");
    return api.status(null, options);
  }

  /** {@code GET /cluster-status}, in full. */
  public ClusterStatus clusterStatus() {
    return api.clusterStatus(null, RequestOptions.none());
  }

  public ClusterStatus clusterStatus(RequestOptions options) {
    requireNonNull(options, "options == null");
    return api.clusterStatus(null, options);
  }

  /**
   * {@code GET /cluster-status?summary=true}. The server answers 500 when the status is {@code Fail}; that
   * arrives as an {@link io.github.cloudify4j.client.errors.InternalServerErrorException}.
   */
  public ClusterStatus clusterStatusSummary() {
    return api.clusterStatus(true, RequestOptions.none());
  }

  /** {@code GET /managers}: every manager node of the cluster. */
  public List<ManagerNode> managers() {
    return api.managers(null, RequestOptions.none()).items();
  }

  /** {@code GET /managers?hostname=...}. */
  public Optional<ManagerNode> manager(String hostname) {
    Arguments.requireText(hostname, "hostname");
    return api.managers(hostname, RequestOptions.none()).items().stream().findFirst();
  }
}
