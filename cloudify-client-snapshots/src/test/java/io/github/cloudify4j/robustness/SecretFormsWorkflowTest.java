package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.poll.PollListener;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.testing.SecretForms;
import io.github.cloudify4j.client.testing.SecretForms.Form;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.backup.BackupFailedException;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupStep;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreListener;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of {@link SecretForms} as the text of a failed workflow, through the snapshot module's paths that
 * carry server text: {@link BackupJob} (a {@code failed} snapshot, and a {@code created} snapshot whose
 * {@code create_snapshot} execution {@code failed}), {@link Snapshots#waitUntilCreated}, the restore orchestrator
 * (its exception, report, step results and listener callbacks), models' {@code toString()} and the log at TRACE
 * (every level's lines). Real HTTP exchanges: the fake manager's failure knobs, and a MockWebServer manager for the
 * case the fake cannot produce.
 */
@ExtendWith(Figures.class)
class SecretFormsWorkflowTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PG = SecretsTest.PG;

  @TempDir Path dir;

  static Stream<Form> forms() {
    return SecretForms.all().stream();
  }

  /** Issue #15: the execution's error went unmasked into the exception, the report and the ERROR log line. */
  @Test
  void backupOfACreatedSnapshotWhoseExecutionFailedMasksTheErrorAtTheDefaultLevel() throws Exception {
    String error = "create_snapshot failed: {\"postgresql_password\": \"" + PG + "\"} / psql password='" + PG + "'";
    List<String> seen = new ArrayList<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Throwable t = captured(log, 20, () -> createdButExecutionFailed(error, seen));
    assertThat(t).isNull();
    String logText = log.toString(StandardCharsets.UTF_8);
    assertThat(logText).as("the ERROR line is there").contains("ERROR").contains("failed at WAIT")
        .contains("postgresql_password").contains("****");
    seen.add(logText);
    for (String text : seen) {
      assertThat(text).doesNotContain(PG);
    }
    Figures.inc(Counter.SECRET_CHECKS);
    Figures.cases(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void noWorkflowPathCarriesTheSecret(Form f) throws Exception {
    List<String> seen = new ArrayList<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Throwable t = captured(log, 0, () -> {
      createdButExecutionFailed(f.text(), seen);
      failedSnapshot(f.text(), seen);
      failedRestore(f.text(), seen);
    });
    assertThat(t).isNull();
    String logText = log.toString(StandardCharsets.UTF_8);
    assertThat(logText).as("TRACE is on").contains("TRACE").contains("ERROR");
    Figures.add(Counter.LOG_LINES_SCANNED, logText.lines().count());
    seen.add(logText);
    for (String text : seen) {
      assertThat(text).as(f.name()).doesNotContain(f.secret()).doesNotContain(PG);
    }
    Figures.add(Counter.SECRET_CHECKS, seen.size());
    Figures.add(Counter.FAULTS_INJECTED, 3);
    Figures.cases(1);
  }

  interface Scenario {
    void run() throws Exception;
  }

  /** Runs with every cloudify4j logger at {@code level}, capturing what is logged; returns what was thrown. */
  private static Throwable captured(ByteArrayOutputStream log, int level, Scenario scenario) throws Exception {
    PrintStream original = System.err;
    SecretsTest.setLevel(level);
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      return catchThrowable(scenario::run);
    } finally {
      System.setErr(original);
      SecretsTest.setLevel(20);
    }
  }

  /** The snapshot says {@code created}, its {@code create_snapshot} execution ended {@code failed} with the text. */
  private void createdButExecutionFailed(String error, List<String> seen) throws Exception {
    AtomicBoolean created = new AtomicBoolean();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          String path = request.getPath().split("\\?")[0];
          try {
            if (path.startsWith("/api/v3.1/snapshots/") && request.getMethod().equals("PUT")) {
              created.set(true);
              return json(201, execution("pending", ""));
            }
            if (path.startsWith("/api/v3.1/snapshots/") && request.getMethod().equals("GET") && created.get()) {
              return json(200, MAPPER.writeValueAsString(MAPPER.createObjectNode()
                  .put("id", path.substring(path.lastIndexOf('/') + 1)).put("status", "created")
                  .put("created_at", "2024-05-02T10:00:00.000Z").put("error", "")));
            }
            if (path.equals("/api/v3.1/executions/exec-1")) {
              return json(200, execution("failed", error));
            }
            return json(404, "{\"message\": \"Requested resource not found\", \"error_code\": \"not_found_error\"}");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
      server.start();
      SecretsTest.MockManagerTime time = new SecretsTest.MockManagerTime();
      Path backups = Files.createDirectories(dir.resolve("mock-" + System.nanoTime()));
      try (CloudifyClient client = CloudifyClient.builder().manager(server.url("/").uri())
          .basicAuth("admin", SecretsTest.PASSWORD).retryPolicy(RetryPolicy.none()).clock(time).sleeper(time)
          .build()) {
        Throwable t = catchThrowable(() -> BackupJob.builder(client).directory(backups).prefix("daily-").build().run());
        assertThat(t).isInstanceOf(BackupFailedException.class);
        BackupFailedException e = (BackupFailedException) t;
        assertThat(e.step()).isEqualTo(BackupStep.WAIT);
        assertThat(e.getMessage()).contains("create_snapshot execution exec-1 ended failed");
        seeBackup(e, seen);
      }
    }
  }

  /** The fake fails the snapshot (and its execution) with the text: backup, waiter and toString. */
  private void failedSnapshot(String error, List<String> seen) throws Exception {
    Path backups = Files.createDirectories(dir.resolve("fake-" + System.nanoTime()));
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .startTime(Instant.parse("2026-11-25T03:00:00Z")).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      m.failNextSnapshotCreation(error);
      Throwable t = catchThrowable(() -> BackupJob.builder(client).directory(backups).prefix("daily-").build().run());
      assertThat(t).isInstanceOf(BackupFailedException.class);
      seeBackup((BackupFailedException) t, seen);
      Snapshots snapshots = Snapshots.of(client);
      seen.add(snapshots.get("daily-20261125").toString());
      List<Object> events = new ArrayList<>();
      PollListener<io.github.cloudify4j.snapshots.Snapshot> listener = events::add;
      t = catchThrowable(() -> snapshots.waitUntilCreated("daily-20261125", PollOptions.timeout(Duration.ofMinutes(5)),
          listener));
      assertThat(t).isInstanceOf(WaitFailedException.class);
      seen.add(SecretsTest.chain(t));
      seen.add(String.valueOf(((WaitFailedException) t).lastObserved(Object.class).orElse(null)));
      seen.add(events.toString());
      client.executions().listAll(io.github.cloudify4j.client.ListParams.none())
          .forEach(e -> seen.add(e.toString()));
    }
  }

  /** The fake fails the restore execution with the text: exception, report, steps, listener. */
  private static void failedRestore(String error, List<String> seen) {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V6_4)
        .adminCredentials("admin", SecretsTest.PASSWORD).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      m.seed().snapshot("snap", "created");
      m.failNextRestore(error);
      List<String> told = new ArrayList<>();
      RestoreListener listener = new RestoreListener() {
        @Override
        public void onStepFinished(StepResult<RestoreStep> result) {
          told.add(result.toString());
          told.add(result.detail());
        }

        @Override
        public void onStepFailed(StepResult<RestoreStep> result, Throwable cause) {
          told.add(result.toString());
          told.add(result.detail());
          told.add(SecretsTest.chain(cause));
        }

        @Override
        public void onProgress(RestoreStep step, String message) {
          told.add(message);
        }
      };
      Throwable t = catchThrowable(() -> RestoreOrchestrator.builder(client).snapshotId("snap").listener(listener)
          .build().run());
      assertThat(t).isInstanceOf(RestoreFailedException.class);
      RestoreFailedException e = (RestoreFailedException) t;
      assertThat(e.step()).isEqualTo(RestoreStep.FOLLOW_RESTORE);
      seen.add(SecretsTest.chain(e));
      seen.add(e.report().toString());
      seen.add(e.report().failure().orElse(""));
      seen.add(String.valueOf(e.report().restoreExecution().orElse(null)));
      e.report().steps().forEach(s -> seen.add(s.toString() + s.detail()));
      seen.add(String.join("\n", told));
      assertThat(told).isNotEmpty();
    }
  }

  private static void seeBackup(BackupFailedException e, List<String> seen) {
    seen.add(SecretsTest.chain(e));
    seen.add(e.toString());
    seen.add(e.report().toString());
    seen.add(String.valueOf(e.report().failure()));
    seen.add(String.valueOf(e.report().warnings()));
  }

  private static String execution(String status, String error) throws Exception {
    ObjectNode e = MAPPER.createObjectNode().put("id", "exec-1").put("workflow_id", "create_snapshot")
        .put("status", status).put("error", error).put("created_at", "2024-05-02T10:00:00.000Z");
    e.putObject("parameters").put("snapshot_id", "daily-20240502").putObject("config")
        .put("postgresql_password", PG);
    return MAPPER.writeValueAsString(e);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }
}
