package io.github.cloudify4j.testkit.internal;

import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.RestartMode;
import io.github.cloudify4j.testkit.ServerProfile;
import io.github.cloudify4j.testkit.WorkflowMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** Settings collected by the public builder. Fields are read under the State lock once the fake runs. */
public final class Config {
  public ServerProfile profile = ServerProfile.V7_0_4;
  public String adminUser = "admin";
  public String adminPassword = "admin";
  public String defaultTenant = "default_tenant";
  public final List<String> extraTenants = new ArrayList<>();
  /** username -> {password, role}. */
  public final Map<String, String[]> extraUsers = new LinkedHashMap<>();
  /** token -> username. */
  public final Map<String, String> apiTokens = new LinkedHashMap<>();
  public int port;
  public int nodes = 1;
  public String bindAddress = "127.0.0.1";
  public Path storageDir;
  public boolean realTime;
  public Instant startTime;
  public SSLContext sslContext;
  public boolean requireTenantHeader = true;
  public boolean kubernetes;
  public Edition edition = Edition.PREMIUM;
  public int threads = 32;
  public WorkflowMode workflowMode = WorkflowMode.AUTOMATIC;
  /** The restore flag file of {@link WorkflowMode#WORKER_DRIVEN} (null: {@code <storageDir>/snapshot_restoring}). */
  public Path restoreFlagFile;

  public Duration workflowStartDelay = Duration.ofMillis(500);
  public Duration createSnapshotDuration = Duration.ofSeconds(10);
  public Duration restoreDuration = Duration.ofSeconds(60);
  public Duration restartOffset = Duration.ofSeconds(10);
  public Duration restartLength = Duration.ofSeconds(30);
  public Duration postRestoreDelay = Duration.ofSeconds(5);
  public Duration cancelDelay = Duration.ofSeconds(1);
  public Duration executionDuration = Duration.ofSeconds(30);
  public RestartMode restartMode = RestartMode.CONNECTION_REFUSED;

  /** The cluster this fake serves nodes of (null: a plain manager; its nodes share one view). */
  public ClusterModel cluster;
  /** The side of {@link #cluster} this fake serves: it listens only for the nodes on this side. */
  public int clusterSide;
  /** Fixed ports per node (null: node 0 on {@link #port}, the others ephemeral). */
  public int[] nodePorts;

  /** A copy of these settings (the lists and maps are copied; the SSL context and cluster are shared). */
  public Config copy() {
    Config c = new Config();
    c.profile = profile;
    c.adminUser = adminUser;
    c.adminPassword = adminPassword;
    c.defaultTenant = defaultTenant;
    c.extraTenants.addAll(extraTenants);
    c.extraUsers.putAll(extraUsers);
    c.apiTokens.putAll(apiTokens);
    c.port = port;
    c.nodes = nodes;
    c.bindAddress = bindAddress;
    c.storageDir = storageDir;
    c.realTime = realTime;
    c.startTime = startTime;
    c.sslContext = sslContext;
    c.requireTenantHeader = requireTenantHeader;
    c.kubernetes = kubernetes;
    c.edition = edition;
    c.threads = threads;
    c.workflowMode = workflowMode;
    c.restoreFlagFile = restoreFlagFile;
    c.workflowStartDelay = workflowStartDelay;
    c.createSnapshotDuration = createSnapshotDuration;
    c.restoreDuration = restoreDuration;
    c.restartOffset = restartOffset;
    c.restartLength = restartLength;
    c.postRestoreDelay = postRestoreDelay;
    c.cancelDelay = cancelDelay;
    c.executionDuration = executionDuration;
    c.restartMode = restartMode;
    c.cluster = cluster;
    c.clusterSide = clusterSide;
    c.nodePorts = nodePorts == null ? null : nodePorts.clone();
    return c;
  }
}
