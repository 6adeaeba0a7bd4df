package io.github.cloudify4j.examples;

import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RestartMode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The demo's two embedded managers ({@link FakeCloudifyManager}, real HTTP on loopback, real time): the "old" one
 * with data to back up, and the fresh "new" one that replaces it after the disaster. By default both imitate
 * Cloudify 5.0.5, the version of the backup and restore guide: its restore restarts the manager's services (the
 * REST API refuses connections for a few seconds), marks overdue scheduled executions failed and keeps future ones.
 * 6.4 behaves alike but also turns future scheduled executions into execution schedules; 7.0.4 restores through
 * the REST API without a restart.
 */
public final class EmbeddedManagers {
  /** How long the embedded managers take for each thing; stated in the output. */
  public static final class Timing {
    final Duration workflowStart;
    final Duration createSnapshot;
    final Duration restore;
    final Duration restartOffset;
    final Duration restartLength;
    final Duration postRestore;
    final Duration poll;

    Timing(Duration workflowStart, Duration createSnapshot, Duration restore, Duration restartOffset,
        Duration restartLength, Duration postRestore, Duration poll) {
      this.workflowStart = workflowStart;
      this.createSnapshot = createSnapshot;
      this.restore = restore;
      this.restartOffset = restartOffset;
      this.restartLength = restartLength;
      this.postRestore = postRestore;
      this.poll = poll;
    }

    /** What a person watches: about 15 s in all. */
    public static Timing standard() {
      return new Timing(Duration.ofMillis(300), Duration.ofSeconds(3), Duration.ofSeconds(8),
          Duration.ofMillis(1500), Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    /** For tests and CI ({@code --quick}): the same story in about 3 s. */
    public static Timing quick() {
      return new Timing(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofMillis(1500),
          Duration.ofMillis(200), Duration.ofMillis(700), Duration.ofMillis(200), Duration.ofMillis(100));
    }

    public Duration poll() {
      return poll;
    }

    /** The timings as a person reads them. */
    public String describe(ServerProfile profile) {
      return "a snapshot takes " + human(createSnapshot) + ", a restore " + human(restore)
          + (profile == ServerProfile.V7_0_4 ? "" : ", of which the REST API is down " + human(restartLength)
              + " (connection refused) while the services restart");
    }

    private static String human(Duration d) {
      return io.github.cloudify4j.examples.console.Human.duration(d);
    }
  }

  /** How far the new manager's clock is ahead: the disaster strikes later than the backup. */
  public static final Duration DISASTER_AFTER = Duration.ofHours(2);

  private EmbeddedManagers() {}

  /** The old manager, with blueprints, deployments, secrets, plugins and two scheduled executions. */
  public static FakeCloudifyManager oldManager(ServerProfile profile, Timing t) {
    FakeCloudifyManager m = builder(profile, t).build().start();
    Instant now = m.now();
    m.seed().blueprints(4).deployments(3).secrets(5).plugins(2);
    // The guide's "special case": one scheduled run falls between the backup and the restore (overdue by then),
    // the other one later.
    m.seed().scheduledExecution("dep-1", "heal", now.plus(Duration.ofHours(1)));
    m.seed().scheduledExecution("dep-2", "scale", now.plus(Duration.ofDays(2)));
    return m;
  }

  /** Earlier daily snapshots on the manager (1..n days old), named by {@code idOf}: retention deletes some. */
  public static void earlierBackups(FakeCloudifyManager m, int n, Function<Instant, String> idOf) {
    Instant now = m.now();
    for (int days = n; days >= 1; days--) {
      m.seed().snapshot(idOf.apply(now.minus(Duration.ofDays(days))), "created");
    }
  }

  /** The new, empty manager; its clock is {@link #DISASTER_AFTER} ahead of the old one's. */
  public static FakeCloudifyManager newManager(ServerProfile profile, Timing t) {
    FakeCloudifyManager m = builder(profile, t)
        .restoreDuration(t.restore)
        .restartWindow(t.restartOffset, t.restartLength)
        .restartMode(RestartMode.CONNECTION_REFUSED)
        .postRestoreDelay(t.postRestore)
        .build().start();
    m.advance(DISASTER_AFTER);
    return m;
  }

  private static FakeCloudifyManager.Builder builder(ServerProfile profile, Timing t) {
    return FakeCloudifyManager.builder()
        .profile(profile)
        .realTime()
        .workflowStartDelay(t.workflowStart)
        .createSnapshotDuration(t.createSnapshot);
  }
}
