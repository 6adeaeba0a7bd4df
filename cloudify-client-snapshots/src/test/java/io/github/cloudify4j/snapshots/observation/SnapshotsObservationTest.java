package io.github.cloudify4j.snapshots.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.testing.SecretForms;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.backup.BackupFailedException;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers, workflow runs and their steps are observations against the fake manager; the backup job's gauges
 * are on a MeterRegistry.
 */
class SnapshotsObservationTest {
  private static final Instant START = Instant.parse("2026-11-25T03:00:00Z");

  @TempDir Path dir;
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final List<Observation.Context> stopped = new ArrayList<>();

  @BeforeEach
  void record() {
    registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
  }

  private FakeCloudifyManager manager() {
    return FakeCloudifyManager.builder().startTime(START).build().start();
  }

  private CloudifyClient.Builder client(FakeCloudifyManager m) {
    return VirtualTime.client(m).observationRegistry(registry);
  }

  @Test
  void aBackupRunIsAnObservationWhoseStepsAreItsChildrenAndWhoseRequestsAreTheSteps() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (FakeCloudifyManager m = manager(); CloudifyClient client = client(m).build()) {
      m.seed().blueprints(2).deployments(1);
      BackupJob job = BackupJob.builder(client).directory(dir).prefix("daily-").meterRegistry(meters).build();

      BackupReport report = job.run();

      assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
      TestObservationRegistryAssert.assertThat(registry)
          .hasNumberOfObservationsWithNameEqualTo("cloudify.workflow.runs", 1)
          .hasObservationWithNameEqualTo("cloudify.workflow.runs").that()
          .hasContextualNameEqualTo("backup")
          .hasLowCardinalityKeyValue("workflow", "backup")
          .hasLowCardinalityKeyValue("step", KeyValue.NONE_VALUE)
          .hasLowCardinalityKeyValue("outcome", "DONE")
          .hasLowCardinalityKeyValue("exception", "none")
          .hasHighCardinalityKeyValue("snapshot.id", "daily-20261125")
          .doesNotHaveParentObservation()
          .hasBeenStopped();
      // every step that ran, in order, each a child of the run
      List<Observation.Context> steps = named("cloudify.workflow.steps");
      assertThat(steps).extracting(c -> c.getLowCardinalityKeyValue("step").getValue())
          .containsExactly("CHECK", "CREATE", "WAIT", "DOWNLOAD", "VERIFY", "PRUNE_MANAGER", "PRUNE_LOCAL");
      for (Observation.Context step : steps) {
        assertThat(step.getParentObservation()).isNotNull();
        assertThat(step.getParentObservation().getContextView().getName()).isEqualTo("cloudify.workflow.runs");
        assertThat(step.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SUCCEEDED");
        assertThat(step.getLowCardinalityKeyValue("workflow").getValue()).isEqualTo("backup");
        assertThat(step.getHighCardinalityKeyValue("snapshot.id").getValue()).isEqualTo("daily-20261125");
      }
      // the archive's request: the template, never the id; a child of the transfer, itself a child of DOWNLOAD
      Observation.Context archiveGet = named("cloudify.client.requests").stream()
          .filter(c -> c.getLowCardinalityKeyValue("endpoint").getValue().equals("/snapshots/{id}/archive"))
          .findFirst().orElseThrow();
      assertThat(archiveGet.getLowCardinalityKeyValue("method").getValue()).isEqualTo("GET");
      assertThat(archiveGet.getLowCardinalityKeyValue("status").getValue()).isEqualTo("200");
      assertThat(archiveGet.getHighCardinalityKeyValue("url").getValue())
          .isEqualTo(m.baseUrl().toString().replaceAll("/$", "") + "/api/v3.1/snapshots/daily-20261125/archive");
      Observation.ContextView transfer = archiveGet.getParentObservation().getContextView();
      assertThat(transfer.getName()).isEqualTo("cloudify.archive.transfers");
      assertThat(transfer.getLowCardinalityKeyValue("direction").getValue()).isEqualTo("download");
      assertThat(transfer.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SUCCESS");
      assertThat(transfer.getHighCardinalityKeyValue("bytes").getValue())
          .isEqualTo(Long.toString(report.bytes()));
      assertThat(transfer.getHighCardinalityKeyValue("attempts").getValue()).isEqualTo("1");
      assertThat(((Observation.Context) transfer).getParentObservation().getContextView()
          .getLowCardinalityKeyValue("step").getValue()).isEqualTo("DOWNLOAD");
      // no id in any low-cardinality key of any observation
      for (Observation.Context c : stopped) {
        for (KeyValue kv : c.getLowCardinalityKeyValues()) {
          assertThat(kv.getValue()).as(c.getName() + " " + kv.getKey()).doesNotContain("daily-2026");
        }
      }
      // the gauges
      String managerTag = m.baseUrl().toString().replaceAll("/$", "");
      assertThat(meters.get("cloudify.backup.last.success").tag("manager", managerTag).tag("job", "daily-")
          .timeGauge().value(java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo(report.finishedAt().toEpochMilli() / 1000.0);
      assertThat(meters.get("cloudify.backup.last.size").tag("manager", managerTag).gauge().value())
          .isEqualTo((double) report.bytes());
      assertThat(meters.get("cloudify.backup.failures").tag("manager", managerTag).counter().count()).isZero();

      // a second run in the slot finds the verified archive: SKIPPED, and still a success for the gauge
      m.advance(java.time.Duration.ofMinutes(10));
      BackupReport second = job.run();
      assertThat(second.isNoOp()).isTrue();
      List<Observation.Context> runs = named("cloudify.workflow.runs");
      assertThat(runs.get(1).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SKIPPED");
      assertThat(meters.get("cloudify.backup.last.success").timeGauge().value(java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo(second.finishedAt().toEpochMilli() / 1000.0);
    }
  }

  @Test
  void aFailedBackupIsCountedAndItsRunAndStepFail() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (FakeCloudifyManager m = manager();
        CloudifyClient client = client(m).retryPolicy(RetryPolicy.none()).build()) {
      m.faults().on("PUT", "/api/v3.1/snapshots/").always().respondWithJsonError(500);
      BackupJob job = BackupJob.builder(client).directory(dir).prefix("daily-").meterRegistry(meters).build();

      assertThatThrownBy(job::run).isInstanceOf(BackupFailedException.class);

      TestObservationRegistryAssert.assertThat(registry)
          .hasObservationWithNameEqualTo("cloudify.workflow.runs").that()
          .hasLowCardinalityKeyValue("outcome", "FAILED")
          .hasLowCardinalityKeyValue("exception", "BackupFailedException")
          .hasError();
      Observation.Context create = named("cloudify.workflow.steps").stream()
          .filter(c -> c.getLowCardinalityKeyValue("step").getValue().equals("CREATE")).findFirst().orElseThrow();
      assertThat(create.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("FAILED");
      assertThat(create.getLowCardinalityKeyValue("exception").getValue()).isEqualTo("InternalServerErrorException");
      Observation.Context put = named("cloudify.client.requests").stream()
          .filter(c -> c.getLowCardinalityKeyValue("method").getValue().equals("PUT")).findFirst().orElseThrow();
      assertThat(put.getLowCardinalityKeyValue("endpoint").getValue()).isEqualTo("/snapshots/{id}");
      assertThat(put.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SERVER_ERROR");
      assertThat(put.getParentObservation().getContextView().getLowCardinalityKeyValue("step").getValue())
          .isEqualTo("CREATE");
      assertThat(meters.get("cloudify.backup.failures").counter().count()).isEqualTo(1.0);
      assertThat(meters.get("cloudify.backup.last.success").timeGauge().value()).isNaN();
    }
  }

  @Test
  void aRestoreRunIsAnObservationWithItsOutcomeAndStepsAndTheUploadIsATransfer() throws Exception {
    Path archive = dir.resolve("nightly.zip");
    try (FakeCloudifyManager source = manager(); CloudifyClient client = VirtualTime.client(source).build()) {
      source.seed().blueprints(2).deployments(1);
      Snapshots snapshots = Snapshots.of(client);
      snapshots.create("nightly");
      snapshots.waitUntilCreated("nightly",
          io.github.cloudify4j.client.poll.PollOptions.timeout(java.time.Duration.ofMinutes(5)));
      snapshots.download("nightly", archive);
    }
    TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation(); // that client had none
    try (FakeCloudifyManager target = manager(); CloudifyClient client = client(target).build()) {
      RestoreReport report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build()
          .run();

      assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
      TestObservationRegistryAssert.assertThat(registry)
          .hasObservationWithNameEqualTo("cloudify.workflow.runs").that()
          .hasLowCardinalityKeyValue("workflow", "restore")
          .hasLowCardinalityKeyValue("outcome", "COMPLETE")
          .hasHighCardinalityKeyValue("snapshot.id", "nightly")
          .doesNotHaveError();
      List<Observation.Context> steps = named("cloudify.workflow.steps");
      assertThat(steps).isNotEmpty().allSatisfy(s -> {
        assertThat(s.getParentObservation().getContextView().getName()).isEqualTo("cloudify.workflow.runs");
        assertThat(s.getLowCardinalityKeyValue("workflow").getValue()).isEqualTo("restore");
      });
      assertThat(steps).extracting(s -> s.getLowCardinalityKeyValue("step").getValue())
          .containsSubsequence("PREFLIGHT", "UPLOAD");
      Observation.Context upload = named("cloudify.archive.transfers").get(0);
      assertThat(upload.getLowCardinalityKeyValue("direction").getValue()).isEqualTo("upload");
      assertThat(upload.getHighCardinalityKeyValue("bytes").getValue()).isEqualTo(Long.toString(Files.size(archive)));
      assertThat(upload.getParentObservation().getContextView().getLowCardinalityKeyValue("step").getValue())
          .isEqualTo("UPLOAD");
    }
  }

  @Test
  void aDownloadOnItsOwnIsATransferWithItsBytes() throws Exception {
    try (FakeCloudifyManager m = manager(); CloudifyClient client = client(m).build()) {
      Snapshots snapshots = Snapshots.of(client);
      snapshots.create("s-1");
      snapshots.waitUntilCreated("s-1",
          io.github.cloudify4j.client.poll.PollOptions.timeout(java.time.Duration.ofMinutes(5)));
      DownloadResult result = snapshots.download("s-1", dir.resolve("s-1.zip"));

      TestObservationRegistryAssert.assertThat(registry)
          .hasObservationWithNameEqualTo("cloudify.archive.transfers").that()
          .hasContextualNameEqualTo("archive download")
          .hasLowCardinalityKeyValue("direction", "download")
          .hasLowCardinalityKeyValue("outcome", "SUCCESS")
          .hasLowCardinalityKeyValue("exception", "none")
          .hasHighCardinalityKeyValue("snapshot.id", "s-1")
          .hasHighCardinalityKeyValue("bytes", Long.toString(result.bytes()))
          .doesNotHaveParentObservation();
    }
  }

  @Test
  void noSecretInAnyObservationOfABackupAndARestore() throws Exception {
    try (FakeCloudifyManager m = manager(); CloudifyClient client = client(m).build()) {
      m.seed().blueprints(1).secrets(2);
      BackupJob.builder(client).directory(dir).prefix("daily-").build().run();
      String all = stopped.stream().map(c -> c + "\n" + c.getAllKeyValues() + "\n" + c.getContextualName() + "\n"
          + c.getError()).collect(Collectors.joining("\n"));
      assertThat(all).doesNotContain(m.adminPassword());
      assertThat(all).doesNotContain(java.util.Base64.getEncoder().encodeToString(
          (m.adminUsername() + ":" + m.adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      for (SecretForms.Form form : SecretForms.all()) {
        assertThat(all).as(form.name()).doesNotContain(form.secret());
      }
    }
  }

  private List<Observation.Context> named(String name) {
    return stopped.stream().filter(c -> name.equals(c.getName())).collect(Collectors.toList());
  }
}
