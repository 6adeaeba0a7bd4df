package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.snapshots.workflow.StepResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.archive.ArchiveProblem;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyCluster;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue #10: what the orchestrator refuses, and what it waits for, against the fake manager. */
class RestoreCompatibilityAndSafetyTest {
  @TempDir Path dir;

  private static List<RecordedRequest> modifying(FakeCloudifyManager m) {
    return m.journal().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"));
  }

  static RestoreRefusal refusal(RestoreFailedException e) {
    assertThat(e).isInstanceOf(RestoreRefusedException.class);
    return ((RestoreRefusedException) e).refusal();
  }

  private static StepResult<RestoreStep> step(RestoreReport report, RestoreStep step) {
    return report.steps().stream().filter(s -> s.step() == step).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + step + " in " + report));
  }

  // 12
  @Test
  void aSnapshotNewerThanTheManagerIsRefusedBeforeUpload() {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.PREFLIGHT);
      assertThat(refusal(e).code()).isEqualTo(RestoreRefusal.Code.ARCHIVE_NOT_RESTORABLE);
      assertThat(refusal(e).archiveProblems()).extracting(ArchiveProblem::code)
          .containsExactly(ArchiveProblem.Code.SNAPSHOT_NEWER_THAN_MANAGER);
      assertThat(e.report().refusal()).contains(refusal(e));
      assertThat(m.journal().count("PUT", "/snapshots/")).isZero();
      assertThat(m.journal().count(null, "/maintenance/")).isZero();
      assertThat(modifying(m)).isEmpty();
    }
  }

  @Test
  void aLegacySnapshotNewerThanTheManagerIsRefusedBeforeUpload() {
    Path archive = Archives.create(ServerProfile.V6_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V5_0_5).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e.step()).isEqualTo(RestoreStep.PREFLIGHT);
      assertThat(modifying(m)).isEmpty();
    }
  }

  // 13
  @Test
  void aLegacySnapshotOnKubernetesIsRefused() {
    Path archive = Archives.create(ServerProfile.V6_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).kubernetes(true)
        .build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.PREFLIGHT);
      assertThat(refusal(e).code()).isEqualTo(RestoreRefusal.Code.ARCHIVE_NOT_RESTORABLE);
      assertThat(refusal(e).archiveProblems()).extracting(ArchiveProblem::code)
          .contains(ArchiveProblem.Code.LEGACY_ON_KUBERNETES);
      assertThat(modifying(m)).isEmpty();
    }
  }

  // 14
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void aManagerWithBlueprintsIsRefusedWithoutForce(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      m.seed().blueprints(2);
      m.journal().clear();
      RestoreFailedException e = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
      assertThat(e).isNotNull();
      assertThat(e.step()).isEqualTo(RestoreStep.PREFLIGHT);
      assertThat(refusal(e).code()).isEqualTo(RestoreRefusal.Code.MANAGER_NOT_EMPTY);
      assertThat(modifying(m)).isEmpty();

      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
          .restoreOptions(RestoreOptions.builder().force(true).build()).build().run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(m.count("blueprints")).isEqualTo(3);
    }
  }

  // 15
  @Test
  void aRestoreThatDropsEntitiesIsPartial() {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      m.dropOnRestore("blueprints");
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build()
          .run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.PARTIAL);
      Verification v = report.verification().orElseThrow(AssertionError::new);
      assertThat(v.missing()).containsEntry("blueprints", 3L);
      assertThat(v.missing()).doesNotContainKey("deployments");
      assertThat(v.restoreErrors()).hasSize(3).allMatch(msg -> msg.startsWith("Error restoring blueprint"));
      assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    }
  }

  // 16
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void completionWaitsForStatusAndReauthentication(ServerProfile profile) {
    Path archive = Archives.createLegacy(profile, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile).build().start()) {
      AtomicBoolean checkingHealth = new AtomicBoolean();
      AtomicInteger sleepsWhileUnhealthy = new AtomicInteger();
      // the manager reports Fail until the health check has polled three times
      try (CloudifyClient client = VirtualTime.client(m).sleeper(d -> {
        if (checkingHealth.get() && sleepsWhileUnhealthy.incrementAndGet() == 3) {
          m.statusFail(false);
        }
        m.advance(d);
      }).build()) {
        m.restoreReplacesAdminPassword("from-the-snapshot");
        RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
            .postRestoreCredentials(Credentials.basic(m.adminUsername(), "from-the-snapshot"))
            .listener(new RestoreListener() {
              @Override
              public void onStepStarted(RestoreStep step) {
                if (step == RestoreStep.FOLLOW_RESTORE) {
                  m.statusFail(true);
                } else if (step == RestoreStep.CHECK_HEALTH) {
                  checkingHealth.set(true);
                }
              }
            }).build().run();
        assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(sleepsWhileUnhealthy.get()).isGreaterThanOrEqualTo(3);
        assertThat(step(report, RestoreStep.CHECK_HEALTH).duration()).isPositive();
        List<RecordedRequest> statusPolls = m.journal().matching("GET", "/status");
        assertThat(statusPolls.size()).isGreaterThanOrEqualTo(4);
        // every health poll used the re-authenticated credentials
        String newAuth = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (m.adminUsername() + ":from-the-snapshot").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(statusPolls).allMatch(r -> newAuth.equals(r.header("Authorization")), "new credentials");
        assertThat(step(report, RestoreStep.REAUTHENTICATE).startedAt())
            .isBefore(step(report, RestoreStep.CHECK_HEALTH).startedAt().plusMillis(1));
      }
    }
  }

  // 17
  @Test
  void aClusterRestoreGoesToOneNodeOnly() {
    Path archive = Archives.create(ServerProfile.V7_0_4, dir, "nightly");
    try (FakeCloudifyCluster cluster = FakeCloudifyCluster.builder().nodes(3).profile(ServerProfile.V7_0_4).build()
        .start()) {
      FakeCloudifyManager m = cluster.manager();
      List<URI> nodes = cluster.baseUrls().stream().map(URI::create).collect(Collectors.toList());
      try (CloudifyClient client = VirtualTime.client(m).managers(nodes).build()) {
        m.journal().clear();
        RestoreFailedException blocked = catchThrowableOfType(() -> RestoreOrchestrator.builder(client)
            .snapshotId("nightly").uploadFrom(archive).build().run(), RestoreFailedException.class);
        assertThat(blocked.step()).isEqualTo(RestoreStep.PREFLIGHT);
        assertThat(refusal(blocked).code()).isEqualTo(RestoreRefusal.Code.CLUSTER_NOT_CONFIRMED);
        assertThat(modifying(m)).isEmpty();

        m.journal().clear();
        RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive)
            .confirmOtherNodesStopped(true).node(nodes.get(1)).build().run();
        assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        // The split-brain guard asks every node alone, once, for its view (reads only); everything else, and
        // every change, goes to node 1.
        assertThat(m.journal().all()).isNotEmpty().allMatch(r -> r.node() == 1 || r.method().equals("GET")
            && Arrays.asList("/status", "/managers", "/cluster-status").contains(r.apiPath()),
            "every request on node 1 but the guard's reads");
        for (int other : new int[] {0, 2}) {
          assertThat(m.journal().onNode(other)).extracting(r -> r.method() + " " + r.apiPath())
              .containsExactly("GET /status", "GET /managers", "GET /cluster-status");
        }
        assertThat(m.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(1);
        assertThat(step(report, RestoreStep.CHECK_HEALTH).detail()).contains("cluster OK");
        assertThat(report.warnings()).noneMatch(w -> w.contains("unreadable"));
      }
    }
  }

  // 18
  @ParameterizedTest
  @EnumSource(ServerProfile.class)
  void anUploadWhoseAnswerIsLostIsNotSentTwice(ServerProfile profile) {
    Path archive = Archives.create(profile, dir, "nightly");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(profile).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      m.faults().on("PUT", "/snapshots/").processThenDropConnection();
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build()
          .run();
      assertThat(report.outcome()).as(report.toString()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(m.journal().count("PUT", "/snapshots/nightly/archive")).isEqualTo(1);
      assertThat(report.warnings()).anyMatch(w -> w.contains("not uploaded twice"));
    }
  }
}
