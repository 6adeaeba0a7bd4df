package io.github.cloudify4j.snapshots.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.snapshots.backup.BackupFailedException;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.snapshots.backup.BackupStep;
import io.github.cloudify4j.snapshots.restore.Migration;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreRefusal;
import io.github.cloudify4j.snapshots.restore.RestoreRefusedException;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.testkit.FakeCloudifyCluster;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The split-brain guard of the workflows: a restore onto a split cluster, a backup from a minority side and a
 * migration from a split source are refused with a typed code before anything changes; the explicit override lets
 * them go on and the report records it.
 */
class ClusterGuardTest {
  @TempDir
  Path dir;

  FakeCloudifyCluster cluster;
  final List<CloudifyClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(CloudifyClient::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  FakeCloudifyCluster start(ServerProfile profile) {
    cluster = FakeCloudifyCluster.builder().profile(profile).build().start();
    cluster.manager().seed().snapshot("nightly", "created");
    return cluster;
  }

  /** A client of the cluster's nodes in this order, on the fake's virtual time. */
  CloudifyClient client(int... order) {
    FakeCloudifyManager m = cluster.manager();
    List<URI> nodes = new ArrayList<>();
    for (int i : order) {
      nodes.add(URI.create(cluster.baseUrl(i)));
    }
    CloudifyClient c = CloudifyClient.builder().managers(nodes)
        .basicAuth(m.adminUsername(), m.adminPassword()).tenant(m.defaultTenant())
        .timeouts(Timeouts.of(Duration.ofMillis(500), Duration.ofSeconds(5)))
        .clock(m.clock()).sleeper(cluster::advance).build();
    clients.add(c);
    return c;
  }

  static List<RecordedRequest> modifying(FakeCloudifyManager m) {
    return m.journal().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"));
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aRestoreOntoASplitClusterIsRefusedBeforeAnythingChanges(ServerProfile profile) {
    start(profile).splitBrain(2);
    CloudifyClient client = client(0, 1, 2);

    RestoreRefusedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
        .snapshotId("nightly").confirmOtherNodesStopped(true).build().run(), RestoreRefusedException.class);

    assertThat(e.code()).isEqualTo(RestoreRefusal.Code.CLUSTER_SPLIT);
    assertThat(e.report().failedStep()).contains(RestoreStep.PREFLIGHT);
    assertThat(modifying(cluster.side(0))).isEmpty();
    assertThat(modifying(cluster.side(2))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void theOverrideRestoresAndIsRecorded(ServerProfile profile) {
    start(profile).splitBrain(2);
    CloudifyClient client = client(0, 1, 2);

    RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly")
        .confirmOtherNodesStopped(true).allowUnsafeCluster(true).build().run();

    assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
    assertThat(report.clusterGuardOverridden()).isTrue();
    assertThat(cluster.side(0).journal().matching("POST", "/snapshots/nightly/restore"))
        .extracting(RecordedRequest::node).containsExactly(0);
    assertThat(modifying(cluster.side(2))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aHealthyClusterIsNotRecordedAsOverridden(ServerProfile profile) {
    start(profile);
    RestoreReport report = RestoreOrchestrator.builder(client(0, 1, 2)).snapshotId("nightly")
        .confirmOtherNodesStopped(true).allowUnsafeCluster(true).build().run();
    assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
    assertThat(report.clusterGuardOverridden()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aRestoreWhileTheDatabaseHasNoQuorumIsRefused(ServerProfile profile) {
    start(profile).dbWithoutQuorum();
    RestoreRefusedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client(0, 1, 2))
        .snapshotId("nightly").confirmOtherNodesStopped(true).build().run(), RestoreRefusedException.class);
    assertThat(e.code()).isEqualTo(RestoreRefusal.Code.CLUSTER_WITHOUT_QUORUM);
    assertThat(modifying(cluster.manager())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aBackupFromTheMinoritySideIsRefusedUnlessOverridden(ServerProfile profile) {
    start(profile).splitBrain(2);
    CloudifyClient client = client(2, 0, 1); // the lone node first: the backup would be taken there

    BackupFailedException e = catchThrowableOfType(() -> BackupJob.builder(client).directory(dir).prefix("daily")
        .build().run(), BackupFailedException.class);

    assertThat(e.step()).isEqualTo(BackupStep.CHECK);
    assertThat(e.getCause()).isInstanceOf(UnsafeClusterException.class);
    assertThat(((UnsafeClusterException) e.getCause()).risk().code()).isEqualTo(ClusterRisk.Code.MINORITY_SIDE);
    assertThat(modifying(cluster.side(2))).isEmpty();
    assertThat(dir.toFile().list()).isEmpty();

    BackupReport report = BackupJob.builder(client).directory(dir).prefix("daily").allowUnsafeCluster(true).build()
        .run();
    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
    assertThat(report.clusterGuardOverridden()).isTrue();
    assertThat(cluster.side(2).journal().matching("PUT", "/snapshots/daily")).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aBackupOfAHealthyClusterPaysOnlyTheGuardsReads(ServerProfile profile) {
    start(profile);
    BackupReport report = BackupJob.builder(client(0, 1, 2)).directory(dir).prefix("daily").build().run();
    assertThat(report.clusterGuardOverridden()).isFalse();
    for (int other : new int[] {1, 2}) {
      assertThat(cluster.manager().journal().onNode(other)).extracting(r -> r.method() + " " + r.apiPath())
          .containsExactly("GET /status", "GET /managers", "GET /cluster-status");
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aMigrationFromASplitSourceIsRefusedBeforeASnapshotIsCreated(ServerProfile profile) {
    start(profile).splitBrain(2);
    try (FakeCloudifyManager target = FakeCloudifyManager.builder().profile(profile).build().start();
        CloudifyClient targetClient = CloudifyClient.builder().manager(target.baseUrl())
            .basicAuth(target.adminUsername(), target.adminPassword()).clock(target.clock())
            .sleeper(target::advance).build()) {
      RestoreRefusedException e = catchThrowableOfType(() -> Migration.builder(client(0, 1, 2), targetClient)
          .workDir(dir).build().run(), RestoreRefusedException.class);
      assertThat(e.code()).isEqualTo(RestoreRefusal.Code.CLUSTER_SPLIT);
      assertThat(modifying(cluster.side(0))).isEmpty();
      assertThat(modifying(target)).isEmpty();
      assertThat(cluster.side(0).journal().all().stream().map(RecordedRequest::apiPath)
          .collect(Collectors.toSet())).containsOnly("/status", "/managers", "/cluster-status");
    }
  }
}
