package io.github.cloudify4j.snapshots.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.errors.PremiumFeatureRequiredException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.FakeCloudifyCluster;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import io.github.cloudify4j.testkit.WorkflowMode;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The doctor against the fake cluster, each failure case of the guide on both cluster profiles: the verdict, what
 * the nodes said, the plan, and the recovery run (virtual time: the sleeper advances the fake's clock and plays the
 * operator where a plan waits for one).
 */
class ClusterDoctorTest {
  static final Duration WAIT = Duration.ofMinutes(10);

  FakeCloudifyCluster cluster;
  CloudifyClient client;
  /** What the "operator" does at the first wait of a recovery run; null: nothing. */
  Runnable operator;

  FakeCloudifyCluster start(ServerProfile profile) {
    cluster = FakeCloudifyCluster.builder().profile(profile).build().start();
    return cluster;
  }

  List<URI> nodes() {
    return cluster.baseUrls().stream().map(URI::create).collect(Collectors.toList());
  }

  CloudifyClient client() {
    FakeCloudifyManager m = cluster.manager();
    Sleeper sleeper = d -> {
      Runnable op = operator;
      operator = null;
      if (op != null) {
        op.run();
      }
      cluster.advance(d);
    };
    client = CloudifyClient.builder().managers(nodes())
        .basicAuth(m.adminUsername(), m.adminPassword()).tenant(m.defaultTenant())
        .timeouts(Timeouts.of(Duration.ofMillis(500), Duration.ofSeconds(5)))
        .clock(m.clock()).sleeper(sleeper).build();
    return client;
  }

  ClusterDoctor.Builder doctor() {
    ClusterDoctor.Builder b = ClusterDoctor.builder(client == null ? client() : client)
        .healthWait(PollOptions.builder().maxWait(WAIT).fixedDelay(Duration.ofSeconds(15)).build());
    for (int i = 0; i < cluster.size(); i++) {
      b.hostname(nodes().get(i), cluster.hostname(i));
    }
    return b;
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static List<String> gets(FakeCloudifyManager m, int node) {
    return m.journal().onNode(node).stream().map(r -> r.method() + " " + r.apiPath()
        + (r.query() == null || r.query().isEmpty() ? "" : "?" + r.query())).collect(Collectors.toList());
  }

  static List<RecoveryStep> ran(RecoveryReport report) {
    return report.steps().stream().map(StepResult::step).collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aHealthyClusterIsAskedNodeByNodeAndNeedsNothing(ServerProfile profile) {
    start(profile);
    ClusterReport report = doctor().build().examine();

    assertThat(report.verdict()).isEqualTo(ClusterVerdict.HEALTHY);
    assertThat(report.health().risks()).isEmpty();
    assertThat(report.health().registered()).containsExactly("cfy-manager-1", "cfy-manager-2", "cfy-manager-3");
    assertThat(report.health().usableNode()).contains(nodes().get(0));
    assertThat(report.plan().items()).isEmpty();
    for (int i = 0; i < 3; i++) {
      // each node asked alone, once per endpoint, nothing else
      assertThat(gets(cluster.manager(), i)).containsExactly("GET /status", "GET /managers", "GET /cluster-status");
      NodeHealth n = report.health().nodes().get(i);
      assertThat(n.state()).isEqualTo(NodeHealth.State.ANSWERED);
      assertThat(n.reaches()).containsExactly("cfy-manager-1", "cfy-manager-2", "cfy-manager-3");
      assertThat(n.hasQuorum("db")).contains(true);
      assertThat(n.hasQuorum("broker")).contains(true);
    }
    assertThat(report.render()).contains("Verdict: HEALTHY").contains("cfy-manager-2").contains("Nothing to do");
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void oneNodeDownIsRemovedReplacedAndAwaited(ServerProfile profile) {
    start(profile).nodeDown(2);
    ClusterDoctor doctor = doctor().build();
    ClusterReport report = doctor.examine();

    assertThat(report.verdict()).isEqualTo(ClusterVerdict.NODE_DOWN);
    assertThat(report.health().downNodes()).containsExactly("cfy-manager-3");
    assertThat(report.health().nodes().get(2).state()).isEqualTo(NodeHealth.State.UNREACHABLE);
    assertThat(report.plan().steps()).containsExactly(RecoveryStep.IDENTIFY_FAILED_NODE,
        RecoveryStep.CONFIRM_OTHERS_HEALTHY, RecoveryStep.REMOVE_NODE, RecoveryStep.DESTROY_NODE,
        RecoveryStep.BOOTSTRAP_NODE, RecoveryStep.JOIN_CLUSTER, RecoveryStep.WAIT_HEALTHY);
    assertThat(report.plan().items().get(4).actor()).isEqualTo(RecoveryPlan.Actor.OPERATOR);
    assertThat(report.plan().items().get(4).commands())
        .contains("sudo cfy_manager install --private-ip 10.0.0.13 --public-ip <public ip>");

    operator = () -> cluster.nodeUp(2); // the operator bootstraps a fresh node on the same address
    cluster.manager().journal().clear();
    RecoveryReport done = doctor.recover(report.plan());

    assertThat(done.outcome()).isEqualTo(RecoveryReport.Outcome.COMPLETE);
    assertThat(done.removedNode()).contains("cfy-manager-3");
    assertThat(cluster.isRegistered(2)).isFalse();
    List<RecordedRequest> deletes = cluster.manager().journal().matching("DELETE", "/managers/");
    assertThat(deletes).hasSize(1);
    assertThat(deletes.get(0).apiPath()).isEqualTo("/managers/cfy-manager-3");
    assertThat(deletes.get(0).node()).isEqualTo(0);
    assertThat(done.steps()).extracting(StepResult::status).containsOnly(StepResult.Status.SUCCEEDED);
    assertThat(done.steps().get(4).detail()).startsWith("handed to the operator");
    assertThat(done.finalHealth().get().verdict()).isEqualTo(ClusterVerdict.HEALTHY);
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void theWaitForAHealthyClusterIsBounded(ServerProfile profile) {
    start(profile).nodeDown(2);
    ClusterDoctor doctor = doctor().build();
    RecoveryPlan plan = doctor.examine().plan();
    java.time.Instant before = cluster.manager().now();

    RecoveryFailedException e = catchThrowableOfType(() -> doctor.recover(plan), RecoveryFailedException.class);

    assertThat(e.step()).isEqualTo(RecoveryStep.WAIT_HEALTHY);
    assertThat(e.getCause()).isInstanceOf(WaitTimeoutException.class);
    assertThat(e.report().outcome()).isEqualTo(RecoveryReport.Outcome.FAILED);
    assertThat(e.report().removedNode()).contains("cfy-manager-3");
    assertThat(Duration.between(before, cluster.manager().now())).isBetween(WAIT, WAIT.plusMinutes(1));
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void activeNodeDownNamesTheNodeThatTookOverAndPointsTheClientAtIt(ServerProfile profile) {
    int newActive = start(profile).activeDown();
    ClusterDoctor doctor = doctor().build();
    ClusterReport report = doctor.examine();

    assertThat(report.verdict()).isEqualTo(ClusterVerdict.ACTIVE_NODE_DOWN);
    assertThat(report.health().downNodes()).containsExactly("cfy-manager-1");
    assertThat(report.health().usableNode()).contains(nodes().get(newActive));
    assertThat(report.plan().steps()).startsWith(RecoveryStep.VERIFY_FAILOVER, RecoveryStep.POINT_CLIENT,
        RecoveryStep.INVESTIGATE).endsWith(RecoveryStep.WAIT_HEALTHY);

    operator = () -> cluster.nodeUp(0); // fixed
    RecoveryReport done = doctor.recover(report.plan());

    assertThat(done.newActiveNode()).contains(nodes().get(newActive));
    CloudifyClient pointed = done.client().get();
    cluster.manager().journal().clear();
    pointed.manager().status();
    assertThat(cluster.manager().journal().all()).extracting(RecordedRequest::node).containsExactly(newActive);
    assertThat(done.finalHealth().get().verdict()).isEqualTo(ClusterVerdict.HEALTHY);
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void wholeClusterDownIsReinstalledThenTheLatestSnapshotRestored(ServerProfile profile) {
    start(profile);
    cluster.nodeDown(0);
    cluster.nodeDown(1);
    cluster.nodeDown(2);
    ClusterDoctor doctor = doctor().build();
    ClusterReport report = doctor.examine();

    assertThat(report.verdict()).isEqualTo(ClusterVerdict.WHOLE_CLUSTER_DOWN);
    assertThat(report.health().usableNode()).isEmpty();
    assertThat(report.plan().steps()).containsExactly(RecoveryStep.SAVE_CERTIFICATES, RecoveryStep.TEARDOWN,
        RecoveryStep.INSTALL_WITH_CERTIFICATES, RecoveryStep.CREATE_AND_JOIN, RecoveryStep.WAIT_HEALTHY,
        RecoveryStep.STOP_OTHER_MANAGERS, RecoveryStep.RESTORE_SNAPSHOT, RecoveryStep.START_OTHER_MANAGERS,
        RecoveryStep.VERIFY);
    assertThat(report.plan().items().get(0).commands()).anyMatch(c -> c.contains("/etc/cloudify/ssl"));

    operator = () -> { // reinstalled: a fresh cluster, and the saved archive uploaded as the latest snapshot
      cluster.heal();
      cluster.manager().seed().snapshot("nightly", "uploaded");
    };
    RecoveryReport done = doctor.recover(report.plan());

    assertThat(done.outcome()).isEqualTo(RecoveryReport.Outcome.COMPLETE);
    assertThat(done.restore().get().snapshotId()).isEqualTo("nightly");
    assertThat(cluster.manager().journal().matching("POST", "/snapshots/nightly/restore"))
        .extracting(RecordedRequest::node).containsExactly(0);
    assertThat(done.finalHealth().get().verdict()).isEqualTo(ClusterVerdict.HEALTHY);
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aDatabaseWithoutQuorumIsReportedByEveryNode(ServerProfile profile) {
    start(profile).dbWithoutQuorum();
    ClusterReport report = doctor().build().examine();

    assertThat(report.verdict()).isEqualTo(ClusterVerdict.DB_WITHOUT_QUORUM);
    ClusterRisk risk = report.health().risks().get(0);
    assertThat(risk.code()).isEqualTo(ClusterRisk.Code.DB_WITHOUT_QUORUM);
    assertThat(risk.says()).containsOnlyKeys("cfy-manager-1", "cfy-manager-2", "cfy-manager-3");
    assertThat(risk.says().get("cfy-manager-1")).isEqualTo("db Fail, healthy 1 of 3");
    assertThat(report.health().nodes()).allMatch(n -> !n.hasQuorum("db").get() && n.hasQuorum("broker").get());
    assertThat(report.health().blockingRisk(nodes().get(0))).contains(risk);
    assertThat(report.plan().procedure()).isEqualTo("Whole cluster down or working wrong");
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aSplitBrainNamesBothSidesAndWhatEachSays(ServerProfile profile) {
    start(profile).splitBrain(2);
    ClusterReport report = doctor().build().examine();

    assertThat(report.verdict()).isEqualTo(ClusterVerdict.SPLIT_BRAIN);
    assertThat(report.health().risks()).extracting(ClusterRisk::code).containsExactly(
        ClusterRisk.Code.VIEWS_DISAGREE, ClusterRisk.Code.MUTUALLY_UNREACHABLE,
        ClusterRisk.Code.MUTUALLY_UNREACHABLE, ClusterRisk.Code.MINORITY_SIDE, ClusterRisk.Code.DB_WITHOUT_QUORUM,
        ClusterRisk.Code.BROKER_WITHOUT_QUORUM);
    // the lone node sees the database and the broker without their majority; the other side keeps both
    assertThat(report.health().risks().get(4).says()).containsOnlyKeys("cfy-manager-3");
    assertThat(report.health().risks().get(5).says()).containsOnlyKeys("cfy-manager-3");
    ClusterRisk views = report.health().risks().get(0);
    assertThat(views.says()).containsEntry("cfy-manager-1",
        "reaches [cfy-manager-1, cfy-manager-2], cannot reach [cfy-manager-3]")
        .containsEntry("cfy-manager-3", "reaches [cfy-manager-3], cannot reach [cfy-manager-1, cfy-manager-2]");
    assertThat(views.message()).contains(ClusterRisk.DATA_LOSS);
    assertThat(report.health().risks().get(3).says()).containsOnlyKeys("cfy-manager-3");
    assertThat(report.health().blockingRisk(nodes().get(2)).get().code()).isEqualTo(ClusterRisk.Code.MINORITY_SIDE);
    assertThat(report.health().blockingRisk(nodes().get(0)).get().code())
        .isEqualTo(ClusterRisk.Code.VIEWS_DISAGREE);
    assertThat(report.health().usableNode()).contains(nodes().get(0));
    assertThat(report.plan().steps()).containsExactly(RecoveryStep.INVESTIGATE, RecoveryStep.RECONNECT_SIDES,
        RecoveryStep.WAIT_HEALTHY);
    assertThat(report.render()).contains("Verdict: SPLIT_BRAIN").contains("Risk MINORITY_SIDE");
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aSplitIsSeenWithoutHostNamesToo(ServerProfile profile) {
    start(profile).splitBrain(2);
    ClusterHealth health = ClusterDoctor.builder(client()).build().health();

    assertThat(health.verdict()).isEqualTo(ClusterVerdict.SPLIT_BRAIN);
    assertThat(health.risks()).extracting(ClusterRisk::code)
        .containsExactly(ClusterRisk.Code.VIEWS_DISAGREE, ClusterRisk.Code.MINORITY_SIDE,
            ClusterRisk.Code.DB_WITHOUT_QUORUM, ClusterRisk.Code.BROKER_WITHOUT_QUORUM);
    assertThat(health.risks().get(1).says()).containsOnlyKeys(nodes().get(2).toString());
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aCommunityManagerIsASingleManagerNotAFailure(ServerProfile profile) {
    cluster = FakeCloudifyCluster.builder().profile(profile).edition(Edition.COMMUNITY).build().start();
    ClusterReport report = ClusterDoctor.examine(client());

    assertThat(report.verdict()).isEqualTo(ClusterVerdict.SINGLE_MANAGER);
    assertThat(report.health().nodes().get(0).community()).isTrue();
    assertThat(report.plan().items()).isEmpty();
    assertThat(gets(cluster.manager(), 0)).containsExactly("GET /status", "GET /managers", "GET /cluster-status");
    // removing a node is premium: a typed error, nothing removed
    PremiumFeatureRequiredException e = catchThrowableOfType(
        () -> client.manager().removeManager("cfy-manager-1"), PremiumFeatureRequiredException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorCode()).contains("missing_premium_package_error");
    assertThat(cluster.isRegistered(0)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aRestoreRunningOn64IsReportedAsSuch(ServerProfile profile) throws Exception {
    FakeCloudifyCluster.Builder b = FakeCloudifyCluster.builder().profile(profile);
    b.options().workflows(WorkflowMode.WORKER_DRIVEN);
    cluster = b.build().start();
    Files.createDirectories(cluster.manager().restoreFlagFile().getParent());
    Files.createFile(cluster.manager().restoreFlagFile());

    ClusterReport report = doctor().build().examine();

    if (profile == ServerProfile.V6_4) {
      assertThat(report.verdict()).isEqualTo(ClusterVerdict.RESTORE_IN_PROGRESS);
      assertThat(report.health().nodes()).extracting(NodeHealth::state).contains(NodeHealth.State.RESTORING);
      assertThat(report.plan().steps()).containsExactly(RecoveryStep.WAIT_HEALTHY);
    } else {
      assertThat(report.verdict()).isNotEqualTo(ClusterVerdict.RESTORE_IN_PROGRESS);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void operatorCommandsReachTheListenerAndAreNotRun(ServerProfile profile) {
    start(profile).activeDown();
    List<String> progress = new ArrayList<>();
    ClusterDoctor doctor = doctor().listener(new io.github.cloudify4j.snapshots.workflow.WorkflowListener<>() {
      @Override
      public void onProgress(RecoveryStep step, String message) {
        progress.add(step + " " + message);
      }
    }).build();
    RecoveryPlan plan = doctor.examine().plan();
    operator = () -> cluster.nodeUp(0);
    doctor.recover(plan);
    assertThat(progress).contains("INVESTIGATE $ sudo cfy_manager status", "DESTROY_NODE $ sudo cfy_manager remove",
        "JOIN_CLUSTER $ cfy cluster status");
    // nothing but the REST API was used: the fake saw only reads and no removal in this procedure
    assertThat(cluster.manager().journal().filter(r -> !r.method().equals("GET"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = ServerProfile.class, names = {"V6_4", "V7_0_4"})
  void aPlanOfAnotherDoctorIsRefused(ServerProfile profile) {
    start(profile).nodeDown(1);
    RecoveryPlan plan = doctor().build().examine().plan();
    List<Object> errors = new ArrayList<>(Arrays.asList(catchThrowableOfType(
        () -> doctor().build().recover(plan), IllegalArgumentException.class)));
    assertThat(errors).hasSize(1);
    assertThat(cluster.manager().journal().matching("DELETE", "/managers/")).isEmpty();
  }
}
