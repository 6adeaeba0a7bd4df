package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.EnteringMaintenanceModeException;
import io.github.cloudify4j.client.maintenance.MaintenanceChange;
import io.github.cloudify4j.client.model.ClusterStatus;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerNode;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.RestoreStart;
import io.github.cloudify4j.snapshots.RestoreStatus;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.snapshots.restore.ExistingSnapshotPolicy;
import io.github.cloudify4j.snapshots.restore.Migration;
import io.github.cloudify4j.snapshots.restore.RestoreListener;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.restore.StepResult;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.FakeCloudifyManagerExtension;
import io.github.cloudify4j.testkit.ServerProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's code, as the README shows it: if an API change breaks a snippet, this stops compiling. The
 * testkit snippet runs for real. Keep both in step when either changes.
 */
class ReadmeSnippetsTest {
  private static final Logger log = LoggerFactory.getLogger(ReadmeSnippetsTest.class);

  @RegisterExtension
  static FakeCloudifyManagerExtension manager = FakeCloudifyManagerExtension.builder()
      .profile(ServerProfile.V7_0_4).build();          // also V5_0_5, V6_4

  @Test
  void backsUpTheManager(FakeCloudifyManager m, @TempDir Path dir) {
    m.seed().blueprints(3).deployments(2);
    try (CloudifyClient client = CloudifyClient.builder()
        .manager(m.baseUrl())
        .basicAuth(m.adminUsername(), m.adminPassword())
        .sleeper(m::advance)    // every wait of the client advances the fake's clock: nothing really sleeps
        .clock(m.clock())       // and the client measures that same time
        .build()) {
      BackupReport report = BackupJob.builder(client).directory(dir).prefix("daily-").build().run();
      assertThat(report.archive()).exists();
    }
  }

  static void theClient(String password) {
    try (CloudifyClient client = CloudifyClient.builder()
        .manager("https://manager.example.com")
        .credentials(Credentials.basic("admin", password))
        .tenant("default_tenant")                                  // the default
        .tls(TlsConfig.trustPem(Path.of("/etc/cloudify/ca.pem")))
        .build()) {
      System.out.println(client.manager().version().versionText()); // 7.0.4
    }
  }

  static CloudifyClient haCluster() {
    return CloudifyClient.builder()
        .managers(List.of(URI.create("https://mgr-1.example.com"),
                          URI.create("https://mgr-2.example.com"),
                          URI.create("https://mgr-3.example.com")))
        .credentials(Credentials.token(System.getenv("CLOUDIFY_TOKEN")))
        .build();
  }

  static CloudifyClient retries(String url, Credentials credentials) {
    RetryPolicy patient = RetryPolicy.builder()
        .maxAttempts(6)
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(30))
        .maxElapsed(Duration.ofMinutes(5))
        .build();
    CloudifyClient client = CloudifyClient.builder().manager(url).credentials(credentials)
        .retryPolicy(patient).build();
    return client;
  }

  static void perCallOptions(CloudifyClient client, String restoreId) {
    Execution restore = client.executions().get(restoreId,
        RequestOptions.builder().bypassMaintenance(true).build());    // readable in maintenance mode
    CloudifyClient patientView = client.withOptions(o -> o.timeout(Duration.ofMinutes(2)));  // shares connections
  }

  static void errors(Snapshots snapshots) {
    try {
      snapshots.restore("nightly", RestoreOptions.defaults());
    } catch (EnteringMaintenanceModeException e) {
      // executions are still running: wait until maintenance mode is activated
    } catch (CloudifyServiceException e) {
      log.error("{} {}: {}", e.statusCode(), e.errorCode().orElse("-"), e.serverMessage());
    }
  }

  static void maintenance(CloudifyClient client) {
    MaintenanceChange change = client.maintenance().activate();     // a 304 (already on) is not an error
    MaintenanceStatus status = client.maintenance().waitUntilActivated(
        PollOptions.timeout(Duration.ofMinutes(30)),
        poll -> poll.value().ifPresent(s -> System.out.println(
            s.status() + ", waiting for " + s.remainingExecutions().size() + " execution(s)")));
    // ... work that needs a quiet manager ...
    if (change.changed()) {
      client.maintenance().deactivate();                            // only undo what we did
    }
  }

  static void executionsAndManager(CloudifyClient client, String id) {
    Execution e = client.executions().get(id);
    Page<Execution> page = client.executions().list(ListParams.builder()
        .filter("workflow_id", "restore_snapshot").includeSystemWorkflows(true)
        .sortDescending("created_at").size(10).build());
    client.executions().listAll(ListParams.builder().filter("status", "failed").build())   // pages lazily
        .forEach(System.out::println);
    client.executions().cancel(id);            // also forceCancel(id), kill(id)
    Execution done = client.executions().waitUntilSucceeded(id, PollOptions.timeout(Duration.ofMinutes(10)));

    ServerVersion version = client.manager().version();      // GET /api/version
    ManagerStatus health = client.manager().status();        // GET /status: OK or Fail, per service
    ClusterStatus cluster = client.manager().clusterStatus();
    List<ManagerNode> nodes = client.manager().managers();
  }

  static void snapshots(CloudifyClient client) {
    Snapshots snapshots = Snapshots.of(client);
    Page<Snapshot> recent = snapshots.list(ListParams.builder()
        .filter("status", "created", "uploaded").sortDescending("created_at").size(20).build());

    Execution create = snapshots.create("nightly-20261125", SnapshotCreateOptions.builder()
        .includeLogs(false)            // logs dominate an archive's size
        .queue(true)                   // wait for running executions instead of failing
        .build());
    Snapshot created = snapshots.waitUntilCreated("nightly-20261125", PollOptions.timeout(Duration.ofHours(1)));

    DownloadResult archive = snapshots.download("nightly-20261125", Path.of("/backups/nightly-20261125.zip"),
        DownloadOptions.builder()
            .verifyZip(true).sha256(true)
            .listener((done, total) -> System.out.printf("%d / %d bytes%n", done, total))
            .build());

    snapshots.upload("nightly-20261125", Path.of("/backups/nightly-20261125.zip"));
    snapshots.uploadFromUrl("nightly-20261125", URI.create("https://files.example.com/nightly-20261125.zip"));

    RestoreStart restore = snapshots.restore("nightly-20261125", RestoreOptions.builder().force(false).build());
    RestoreStatus status = snapshots.restoreStatus();   // RUNNING, NOT_RUNNING or UNKNOWN
  }

  static void orchestrator(CloudifyClient client, String sourceAdminPassword) {
    RestoreOrchestrator restore = RestoreOrchestrator.builder(client)
        .snapshotId("nightly-20261125")
        .uploadFrom(Path.of("/backups/nightly-20261125.zip"))       // or uploadFromUrl(URI), or nothing
        .onExistingSnapshot(ExistingSnapshotPolicy.FAIL)             // or REUSE, REPLACE
        .restoreOptions(RestoreOptions.builder().force(false).build())
        .postRestoreCredentials(Credentials.basic("admin", sourceAdminPassword))
        .listener(new RestoreListener() {
          @Override public void onStepFinished(StepResult step) { System.out.println(step); }
          @Override public void onProgress(RestoreStep step, String message) { System.out.println("  " + message); }
        })
        .build();

    System.out.println(restore.plan());      // the steps, REST calls and cfy equivalents; sends nothing
    RestoreReport report = restore.run();    // COMPLETE or PARTIAL; FAILED throws RestoreFailedException
    System.out.println(report);
  }

  static void migration(String oldPassword, String newPassword) {
    try (CloudifyClient oldManager = CloudifyClient.builder().manager("https://old.example.com")
             .basicAuth("admin", oldPassword).build();
         CloudifyClient newManager = CloudifyClient.builder().manager("https://new.example.com")
             .basicAuth("admin", newPassword).build()) {
      Migration.MigrationReport report = Migration.builder(oldManager, newManager)
          .workDir(Path.of("/var/backups/cloudify"))
          .build()
          .run();
      System.out.println(report.restore().outcome());        // COMPLETE or PARTIAL
      report.followUps().forEach(System.out::println);       // agents, plugins, clients, retiring the old manager
    }
  }

  static void dailyBackup() {
    try (CloudifyClient client = CloudifyClient.fromEnv()) {
      BackupReport report = BackupJob.builder(client)
          .directory(Path.of("/var/backups/cloudify"))
          .prefix("daily-")                 // snapshots daily-20261125, files daily-20261125.zip + .sha256
          .keepOnManager(7)
          .keepLocally(30)
          .build()
          .run();                           // safe to call again: same day = no-op, interrupted = resumes
      System.out.println(report);
    }
  }
}
