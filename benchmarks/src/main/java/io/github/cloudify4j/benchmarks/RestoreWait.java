package io.github.cloudify4j.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * "Waiting costs nothing": a {@link RestoreOrchestrator} follows a restore that lasts {@code minutes} simulated
 * minutes on the testkit's virtual clock (the client's sleeper advances the fake's clock, so nothing really
 * sleeps). Run in its own JVM; prints {@code name=value} lines: requests, polls, the backoff's bound on polls, the
 * process and client-thread CPU time.
 *
 * <p>A first run (a 1-minute restore) warms the JVM up; the measured run is the second one. Its CPU time covers
 * the whole orchestrated restore (upload of a small archive, maintenance mode, restore, follow, health, verify)
 * and the fake manager running in the same JVM.
 */
public final class RestoreWait {
  private RestoreWait() {}

  /** The orchestrator's default poll options, passed explicitly so the bound below uses the same numbers. */
  static final PollOptions POLL = PollOptions.builder().initialDelay(Duration.ofSeconds(2))
      .maxDelay(Duration.ofSeconds(15)).multiplier(1.5).build();

  public static void main(String[] args) throws Exception {
    Duration restore = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 10);
    Path dir = Files.createTempDirectory("cloudify4j-restore-wait-");
    try {
      Path archive = dir.resolve("nightly.zip");
      try (FakeCloudifyManager source = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
        source.seed().blueprints(3).deployments(2).secrets(2).snapshot("nightly", "created");
        Files.copy(source.archivePath("nightly"), archive, StandardCopyOption.REPLACE_EXISTING);
      }
      runOnce(archive, Duration.ofMinutes(1), false);   // warm-up
      runOnce(archive, restore, true);
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void runOnce(Path archive, Duration restore, boolean print) {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .restoreDuration(restore).build().start();
        CloudifyClient client = CloudifyClient.builder()
            .manager(m.baseUrl())
            .basicAuth(m.adminUsername(), m.adminPassword())
            .tenant(m.defaultTenant())
            .clock(clockOf(m))
            .sleeper(m::advance)
            .build()) {
      RestoreOrchestrator orchestrator = RestoreOrchestrator.builder(client)
          .snapshotId("nightly").uploadFrom(archive).pollOptions(POLL).build();
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      m.journal().clear();
      Instant virtualStart = m.now();
      long cpu0 = os.getProcessCpuTime();
      long thread0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      RestoreReport report = orchestrator.run();
      long wall1 = System.nanoTime();
      long thread1 = threads.getCurrentThreadCpuTime();
      long cpu1 = os.getProcessCpuTime();
      Duration simulated = Duration.between(virtualStart, m.now());
      if (!report.isComplete()) {
        throw new IllegalStateException("restore not complete: " + report);
      }
      List<RecordedRequest> all = m.journal().all();
      int restoreAt = -1;
      for (int i = 0; i < all.size(); i++) {
        RecordedRequest r = all.get(i);
        if (r.method().equals("POST") && r.path().endsWith("/restore")) {
          restoreAt = i;
        }
      }
      int polls = 0;
      for (int i = restoreAt + 1; i < all.size(); i++) {
        RecordedRequest r = all.get(i);
        if (r.method().equals("GET") && r.path().endsWith("/snapshot-status")) {
          polls++;
        }
      }
      if (print) {
        System.out.println("restore_wait_simulated_s=" + simulated.getSeconds());
        System.out.println("restore_wait_requests=" + all.size());
        System.out.println("restore_wait_polls=" + polls);
        System.out.println("restore_wait_polls_bound=" + pollBound(restore));
        System.out.println("restore_wait_cpu_ms=" + (cpu1 - cpu0) / 1_000_000);
        System.out.println("restore_wait_client_thread_cpu_ms=" + (thread1 - thread0) / 1_000_000);
        System.out.println("restore_wait_wall_ms=" + (wall1 - wall0) / 1_000_000);
      }
    }
  }

  /**
   * The most polls the backoff allows while a restore of this length runs: the first poll, then one after each
   * delay until the delays add up to the duration, plus one for the poll that sees it over.
   */
  static int pollBound(Duration restore) {
    long total = 0;
    int polls = 1;
    while (total < restore.toMillis()) {
      total += POLL.delayAfter(polls).toMillis();
      polls++;
    }
    return polls + 1;
  }

  static Clock clockOf(FakeCloudifyManager m) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return m.now();
      }
    };
  }
}
