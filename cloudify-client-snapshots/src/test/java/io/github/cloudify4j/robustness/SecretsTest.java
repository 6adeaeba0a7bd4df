package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No secret in logs (at every level), exception messages (whole cause chain) or toString(), for every auth mode,
 * on success and on every error path.
 *
 * <p>How logs are captured: slf4j-simple 2.x writes to {@code System.err} looked up at each write (unless
 * {@code cacheOutputStream} is set, which this build does not), so each scenario swaps {@code System.err} for a
 * buffer. The level is set per scenario on every cloudify4j logger by writing slf4j-simple's
 * {@code SimpleLogger.currentLogLevel} field reflectively: a system property would only apply if set before the
 * first logger is created, which other test classes in the same JVM may already have done. A sanity check proves
 * the capture works: at DEBUG the HTTP log line of the request must be in the buffer.
 */
@ExtendWith(Figures.class)
class SecretsTest {
  static final String PASSWORD = "Pw-7f3SeCrEt!x";
  static final String TOKEN = "tok9A8B7C6D5E4F3";
  static final String CTOK = "ctok-AbC123-zyXSecretPart99";
  static final String PG = "pgSecret5531qq";
  static final String[] LOGGERS = {"io.github.cloudify4j.client.http", "io.github.cloudify4j.client.CloudifyClient",
      "io.github.cloudify4j.snapshots.restore.RestoreOrchestrator", "io.github.cloudify4j.snapshots.restore.Migration",
      "io.github.cloudify4j.snapshots.internal.ArchiveDownloader",
      "io.github.cloudify4j.snapshots.backup.BackupJob"};
  static final Map<String, Integer> LEVELS = new LinkedHashMap<>();

  static {
    LEVELS.put("TRACE", 0);
    LEVELS.put("DEBUG", 10);
    LEVELS.put("INFO", 20);
    LEVELS.put("WARN", 30);
    LEVELS.put("ERROR", 40);
  }

  static final Map<String, Credentials> AUTH = new LinkedHashMap<>();

  static {
    AUTH.put("basic", Credentials.basic("admin", PASSWORD));
    AUTH.put("token", Credentials.token(TOKEN));
    AUTH.put("ctok", Credentials.token(CTOK));
  }

  static List<String> forbidden() {
    return List.of(PASSWORD, TOKEN, CTOK, PG,
        Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  static void setLevel(int level) throws Exception {
    for (String name : LOGGERS) {
      Logger logger = LoggerFactory.getLogger(name);
      Field f = findField(logger.getClass(), "currentLogLevel");
      f.setAccessible(true);
      f.setInt(logger, level);
    }
  }

  static Field findField(Class<?> c, String name) throws NoSuchFieldException {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      try {
        return k.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // up
      }
    }
    throw new NoSuchFieldException(name + " in " + c);
  }

  static String chain(Throwable t) {
    if (t == null) {
      return "";
    }
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w)); // every message and cause, suppressed included
    return w.toString();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** A path: enqueue answers, make the call, return what it produced (value or thrown). */
  interface Path {
    Object run(MockWebServer server, CloudifyClient client) throws Exception;
  }

  static Map<String, Path> paths() {
    String pgJson = "{\"postgresql_password\": \"" + PG + "\"}";
    String pgPy = "{'postgresql_password': '" + PG + "'}";
    Map<String, Path> m = new LinkedHashMap<>();
    m.put("success", (s, c) -> {
      s.enqueue(json(200, "{\"version\": \"7.0.4\", \"edition\": \"premium\"}"));
      return c.manager().version(RequestOptions.none());
    });
    m.put("401", (s, c) -> {
      s.enqueue(json(401, "{\"message\": \"User unauthorized\", \"error_code\": \"unauthorized_error\"}"));
      return c.manager().version(RequestOptions.none());
    });
    m.put("403", (s, c) -> {
      s.enqueue(json(403, "{\"message\": \"forbidden\", \"error_code\": \"forbidden_error\"}"));
      return c.maintenance().status();
    });
    m.put("500 traceback (JSON secret)", (s, c) -> {
      s.enqueue(json(500, "{\"message\": \"db failed " + pgJson.replace("\"", "\\\"") + "\", \"error_code\":"
          + " \"internal_server_error\", \"server_traceback\": \"Traceback: connect(" + pgJson.replace("\"", "\\\"")
          + ")\"}"));
      return c.executions().get("e1");
    });
    m.put("500 traceback (Python dict secret)", (s, c) -> {
      s.enqueue(json(500, "{\"message\": \"db failed " + pgPy + "\", \"error_code\": \"internal_server_error\","
          + " \"server_traceback\": \"Traceback: connect(" + pgPy + ")\"}"));
      return c.executions().get("e1");
    });
    m.put("transport failure", (s, c) -> {
      s.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
      return c.manager().version(RequestOptions.none());
    });
    m.put("invalid response", (s, c) -> {
      s.enqueue(json(200, "{\"id\": \"e1\", \"parameters\": " + pgJson + ", \"status\": "));
      return c.executions().get("e1");
    });
    m.put("execution with secret parameters", (s, c) -> {
      s.enqueue(json(200, "{\"id\": \"e1\", \"workflow_id\": \"restore_snapshot\", \"status\": \"started\","
          + " \"parameters\": {\"postgresql_password\": \"" + PG + "\", \"nested\": {\"admin_password\": \""
          + PASSWORD + "\"}}, \"created_at\": \"2024-05-02T10:00:00.000Z\", \"error\": \"\"}"));
      return c.executions().get("e1");
    });
    m.put("maintenance timeout", (s, c) -> {
      for (int i = 0; i < 40; i++) {
        s.enqueue(json(200, "{\"status\": \"activating\", \"activated_at\": null, \"activation_requested_at\":"
            + " \"2024-05-02T10:00:00.000Z\", \"remaining_executions\": [], \"requested_by\": \"admin\"}"));
      }
      return c.maintenance().waitUntilActivated(PollOptions.builder().maxWait(Duration.ofSeconds(30))
          .fixedDelay(Duration.ofSeconds(5)).build());
    });
    return m;
  }

  /** Paths exposing a known bug: the server's JSON error message goes into the exception message unredacted. */
  static boolean knownBug(String path) {
    return path.startsWith("500 traceback");
  }

  @Test
  void noSecretAnywhereAtAnyLevelInAnyAuthModeOnAnyPath() throws Exception {
    assertThat(sweep(false)).isEmpty();
  }

  @Test
  void knownBugServerErrorMessagesAreRedacted() throws Exception {
    assertThat(sweep(true)).isEmpty();
  }

  List<String> sweep(boolean onlyKnownBugs) throws Exception {
    List<String> leaks = new ArrayList<>();
    PrintStream originalErr = System.err;
    int checks = 0;
    boolean sawHttpLog = false;
    try {
      for (Map.Entry<String, Integer> level : LEVELS.entrySet()) {
        setLevel(level.getValue());
        for (Map.Entry<String, Credentials> auth : AUTH.entrySet()) {
          for (Map.Entry<String, Path> path : paths().entrySet()) {
            if (knownBug(path.getKey()) != onlyKnownBugs) {
              continue;
            }
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            String seen;
            try (MockWebServer server = new MockWebServer()) {
              server.start();
              MockManagerTime time = new MockManagerTime();
              CloudifyClient client = CloudifyClient.builder().manager(server.url("/").uri())
                  .credentials(auth.getValue()).retryPolicy(RetryPolicy.none())
                  .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                  .clock(time).sleeper(time).build();
              System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
              Object[] value = new Object[1];
              Throwable t;
              try {
                t = catchThrowable(() -> value[0] = path.getValue().run(server, client));
              } finally {
                System.setErr(originalErr);
              }
              seen = "LOG:\n" + captured.toString(StandardCharsets.UTF_8) + "\nEXCEPTION:\n" + chain(t)
                  + "\nVALUE:\n" + value[0] + "\nCLIENT:\n" + client + "\nCREDENTIALS:\n" + client.credentials()
                  + "\nOPTIONS:\n" + RequestOptions.builder().header("X-Trace", "1").build();
              if (level.getKey().equals("DEBUG") && captured.toString(StandardCharsets.UTF_8).contains("--> GET")) {
                sawHttpLog = true;
              }
              Figures.add(Counter.LOG_LINES_SCANNED, captured.toString(StandardCharsets.UTF_8).lines().count());
              client.close();
            }
            for (String secret : forbidden()) {
              if (seen.contains(secret)) {
                leaks.add(level.getKey() + "/" + auth.getKey() + "/" + path.getKey() + " leaks " + secret.substring(0, 6)
                    + "…: " + excerpt(seen, secret));
              }
            }
            checks++;
            Figures.inc(Counter.SECRET_CHECKS);
            Figures.cases(1);
          }
        }
      }
    } finally {
      System.setErr(originalErr);
      setLevel(20);
    }
    leaks.forEach(l -> System.out.println("[robustness] LEAK " + l));
    System.out.println("[robustness] secret checks: " + checks + ", leaks: " + leaks.size());
    assertThat(sawHttpLog).as("log capture works (DEBUG shows the HTTP line)").isTrue();
    return leaks;
  }

  @Test
  void aFailedRestoreNamesNoSecret() throws Exception {
    List<String> leaks = new ArrayList<>();
    PrintStream originalErr = System.err;
    try {
      for (Map.Entry<String, Integer> level : LEVELS.entrySet()) {
        setLevel(level.getValue());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V6_4)
            .adminCredentials("admin", PASSWORD).build().start();
            CloudifyClient client = VirtualTime.client(m).build()) {
          m.seed().snapshot("snap", "created");
          m.failNextRestore("restore failed: psql connect {'postgresql_password': '" + PG + "'} / {\"postgresql_password\": \""
              + PG + "\"}");
          Figures.inc(Counter.FAULTS_INJECTED);
          System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
          Throwable t;
          Object report;
          try {
            Object[] r = new Object[1];
            t = catchThrowable(() -> r[0] = RestoreOrchestrator.builder(client).snapshotId("snap").build().run());
            report = t instanceof RestoreFailedException ? ((RestoreFailedException) t).report() : r[0];
          } finally {
            System.setErr(originalErr);
          }
          // A failed restore execution should throw (see restoreWhoseExecutionFailedIsFailed); either way no secret.
          String seen = captured.toString(StandardCharsets.UTF_8) + chain(t) + report + client
              + Snapshots.of(client).get("snap")
              + ((io.github.cloudify4j.snapshots.restore.RestoreReport) report).restoreExecution().orElse(null);
          for (String secret : forbidden()) {
            if (seen.contains(secret)) {
              leaks.add(level.getKey() + "/restore failure leaks " + secret.substring(0, 6) + "…: "
                  + excerpt(seen, secret));
            }
          }
          Figures.inc(Counter.SECRET_CHECKS);
          Figures.cases(1);
        }
      }
    } finally {
      System.setErr(originalErr);
      setLevel(20);
    }
    leaks.forEach(l -> System.out.println("[robustness] LEAK " + l));
    assertThat(leaks).isEmpty();
  }

  @Test
  void restoreWhoseExecutionFailedIsFailed() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start();
        CloudifyClient client = VirtualTime.client(m).build()) {
      m.seed().snapshot("snap", "created");
      m.failNextRestore("restore failed: psql connect refused");
      Throwable t = catchThrowable(() -> RestoreOrchestrator.builder(client).snapshotId("snap").build().run());
      assertThat(t).isInstanceOf(RestoreFailedException.class);
      assertThat(((RestoreFailedException) t).step()).isEqualTo(
          io.github.cloudify4j.snapshots.restore.RestoreStep.FOLLOW_RESTORE);
      assertThat(m.maintenanceStatus()).isEqualTo("activated");
    }
  }

  static String excerpt(String text, String secret) {
    int i = text.indexOf(secret);
    int from = Math.max(0, i - 80);
    return text.substring(from, Math.min(text.length(), i + secret.length() + 20)).replace("\n", "⏎")
        .replace(secret, "<SECRET>");
  }

  /** Virtual time for MockWebServer clients (nothing sleeps). */
  static final class MockManagerTime extends java.time.Clock implements io.github.cloudify4j.client.Sleeper {
    private volatile java.time.Instant now = java.time.Instant.parse("2024-05-02T10:00:00Z");

    @Override
    public void sleep(Duration d) {
      if (!d.isNegative()) {
        now = now.plus(d);
      }
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }
}
