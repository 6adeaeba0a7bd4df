package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example, run against an embedded manager: an API change that breaks an example breaks the build. */
class ExamplesTest {
  @TempDir Path dir;
  FakeCloudifyManager m;
  ByteArrayOutputStream buf;
  PrintStream out;

  @BeforeEach
  void start() {
    m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
    buf = new ByteArrayOutputStream();
    out = new PrintStream(buf, true, StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    m.close();
  }

  String output() {
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void clientSetupBasicTokenClusterAndEnvironment() {
    try (CloudifyClient c = ClientSetupExample.basic(m.baseUrl(), m.adminUsername(), m.adminPassword(),
        m.defaultTenant())) {
      ClientSetupExample.run(c, out);
    }
    try (CloudifyClient c = ClientSetupExample.token(m.baseUrl(), m.issueToken(m.adminUsername()))) {
      ClientSetupExample.run(c, out);
    }
    try (FakeCloudifyManager cluster = FakeCloudifyManager.builder().nodes(2).build().start();
        CloudifyClient c = ClientSetupExample.cluster(List.of(URI.create(cluster.baseUrl(0)),
            URI.create(cluster.baseUrl(1))), cluster.adminUsername(), cluster.adminPassword())) {
      ClientSetupExample.run(c, out);
    }
    // What fromEnv() reads, given explicitly:
    try (CloudifyClient c = CloudifyClient.builder().fromEnv(Map.of("CLOUDIFY_MANAGER_URL", m.baseUrl(),
        "CLOUDIFY_USERNAME", m.adminUsername(), "CLOUDIFY_PASSWORD", m.adminPassword())).build()) {
      ClientSetupExample.run(c, out);
    }
    assertThat(output()).contains("version:     7.0.4").contains("status:      OK")
        .contains("maintenance: deactivated").contains("Credentials.basic(admin, ****)")
        .contains("Credentials.token(****)");
    assertThat(output().lines().filter(l -> l.startsWith("Connected to"))).hasSize(4);
  }

  @Test
  void maintenanceWindowWaitsForTheRemainingExecution() {
    m.seed().blueprints(1).deployments(1);
    String busy = m.seed().runningExecution("dep-1", "install");
    AtomicInteger sleeps = new AtomicInteger();
    AtomicInteger worked = new AtomicInteger();
    try (CloudifyClient c = FakeTime.client(m).sleeper(d -> {
      m.advance(d);
      if (sleeps.incrementAndGet() == 2) {
        m.seed().finish(busy, "terminated"); // the install ends while we wait
      }
    }).build()) {
      MaintenanceWindowExample.run(c, out, Duration.ofMinutes(5), () -> {
        assertThat(m.maintenanceStatus()).isEqualTo("activated");
        worked.incrementAndGet();
      });
    }
    assertThat(worked).hasValue(1);
    assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    assertThat(output()).contains("activation requested").contains("waiting for 1 execution(s): " + busy)
        .contains("Maintenance mode: activated").contains("Maintenance mode: deactivated");
  }

  @Test
  void snapshotAdministration() throws Exception {
    m.seed().blueprints(2).snapshot("nightly-1", "created").snapshot("nightly-2", "created")
        .snapshot("broken", "failed");
    Terminal term = Terminal.plain(out);
    try (CloudifyClient c = FakeTime.client(m).build()) {
      assertThat(SnapshotAdminExample.list(c, term)).isEqualTo(3);
      DownloadResult d = SnapshotAdminExample.download(c, "nightly-2", dir, term);
      assertThat(d.path()).exists().isEqualTo(dir.resolve("nightly-2.zip"));
      SnapshotAdminExample.delete(c, "broken", term);
    }
    assertThat(m.snapshot("broken")).isEmpty();
    assertThat(output()).contains("3 snapshots on").containsPattern("  ID +STATUS +CREATED +BY +ERROR")
        .containsPattern("  broken +failed .*seeded failure").contains("100 %")
        .contains("Downloaded nightly-2 to " + dir.resolve("nightly-2.zip")).contains("Deleted broken");
  }

  @Test
  void dailyBackupCreatesVerifiesAndPrunes() throws Exception {
    m.seed().blueprints(2).deployments(1);
    try (CloudifyClient c = FakeTime.client(m).build()) {
      BackupReport r = DailyBackupExample.run(c, Terminal.plain(out), dir, 7, 30);
      assertThat(r.archive()).exists();
      String sha = Files.readString(r.checksumFile()).split(" ")[0];
      assertThat(r.sha256()).contains(sha);
      assertThat(output()).contains("Backup " + r.snapshotId() + " done").contains("sha256:    " + sha)
          .contains("CREATE").contains("WAIT").contains("DOWNLOAD").contains("VERIFY").contains("PRUNE_MANAGER");
      // Again the same day: nothing to do.
      BackupReport again = DailyBackupExample.run(c, Terminal.plain(out), dir, 7, 30);
      assertThat(again.isNoOp()).isTrue();
    }
  }

  @Test
  void restorePrintsThePlanAndRunsOnlyWhenConfirmed() throws Exception {
    Path archive = dir.resolve("nightly.zip");
    try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      source.seed().blueprints(3).deployments(2).secrets(2).snapshot("nightly", "created");
      Files.copy(source.archivePath("nightly"), archive);
    }
    try (CloudifyClient c = FakeTime.client(m).build()) {
      assertThat(RestoreExample.run(c, Terminal.plain(out), archive, "nightly", false)).isNull();
      assertThat(m.count("snapshots")).isZero();
      assertThat(output()).contains("Restore plan: snapshot nightly").contains("Not confirmed");

      RestoreReport report = RestoreExample.run(c, Terminal.plain(out), archive, "nightly", true);
      assertThat(report.isComplete()).isTrue();
    }
    assertThat(m.count("blueprints")).isEqualTo(3);
    assertThat(output()).contains("Restore of nightly COMPLETE").contains("maintenance mode:   deactivated");
  }

  // ---- the programs behind the mains: exit codes, one-line errors (issue #14)

  @Test
  void aMaintenanceWindowThatIsNeverReachedEndsWithOneLineAndNoStaleAdvice() {
    m.seed().blueprints(1).deployments(1);
    String busy = m.seed().runningExecution("dep-1", "install"); // never ends
    ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);

    int code = MaintenanceWindowExample.run(connection("--max-wait-minutes", "1"), out, err, Map.of(),
        FakeTime.clients(m));

    String errors = errBuf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(output() + errors).isEqualTo(1);
    assertThat(m.maintenanceStatus()).isEqualTo("deactivated");
    assertThat(output()).contains("Maintenance mode: deactivated");
    assertThat(errors.lines()).as(errors).hasSize(1).allMatch(l -> l.startsWith("error: "));
    assertThat(errors).contains(busy).contains("1 min").doesNotContain("\tat ")
        // the example has just deactivated it: advice to deactivate would contradict what it printed
        .doesNotContainPattern("(?i)or deactivate|deactivate (it|maintenance)");
  }

  @Test
  void everyProgramStatesItsExitCodesAndRefusesBadArguments() throws Exception {
    ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
    Terminal term = Terminal.plain(out);
    Map<String, String> env = Map.of();
    java.util.function.UnaryOperator<CloudifyClient.Builder> same = b -> b;
    String[] help = {"--help"};
    assertThat(ClientSetupExample.run(help, out, err, env, same)).isZero();
    assertThat(MaintenanceWindowExample.run(help, out, err, env, same)).isZero();
    assertThat(SnapshotAdminExample.run(help, term, err, env, same)).isZero();
    assertThat(DailyBackupExample.run(help, term, err, env, same)).isZero();
    assertThat(RestoreExample.run(help, term, err, env, same)).isZero();
    assertThat(output().lines().filter(l -> l.startsWith("usage: "))).hasSize(5);
    assertThat(output().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("exit codes: 0 ")))
        .hasSize(5);
    assertThat(errBuf.size()).isZero();

    // Bad arguments: exit 2 and one line, before anything is sent.
    assertThat(RestoreExample.run(connection("--yes"), term, err, env, same)).isEqualTo(2); // no --archive
    assertThat(SnapshotAdminExample.run(connection("download"), term, err, env, same)).isEqualTo(2); // no ID
    assertThat(SnapshotAdminExample.run(connection("rename", "x"), term, err, env, same)).isEqualTo(2);
    assertThat(MaintenanceWindowExample.run(connection("--max-wait-minutes", "soon"), out, err, env, same))
        .isEqualTo(2);
    assertThat(DailyBackupExample.run(connection("--keep-locally", "-1", "--backup-dir", dir.toString()), term,
        err, env, same)).isEqualTo(2);
    String errors = errBuf.toString(StandardCharsets.UTF_8);
    assertThat(errors.lines()).as(errors).hasSize(5).allMatch(l -> l.startsWith("error: "));
    assertThat(m.journal().all()).isEmpty();
  }

  @Test
  void aFailureEndsWithOneLineAndAStackTraceOnlyWithDebug() {
    ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
    Terminal term = Terminal.plain(out);

    assertThat(SnapshotAdminExample.run(connection("delete", "nosuch"), term, err, Map.of(), FakeTime.clients(m)))
        .isEqualTo(1);
    String errors = errBuf.toString(StandardCharsets.UTF_8);
    assertThat(errors.lines()).as(errors).hasSize(1).allMatch(l -> l.startsWith("error: ") && l.contains("nosuch"));

    errBuf.reset();
    assertThat(SnapshotAdminExample.run(connection("delete", "nosuch", "--debug"), term, err, Map.of(),
        FakeTime.clients(m))).isEqualTo(1);
    assertThat(errBuf.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("\tat ");
  }

  private String[] connection(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--manager", m.baseUrl(), "--username",
        m.adminUsername(), "--password", m.adminPassword()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }
}
