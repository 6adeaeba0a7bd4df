package io.github.cloudify4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The scheduled backup on the fake's virtual clock: nothing sleeps, the cron schedule is never waited for. */
class CloudifyBackupSchedulerTest {
  static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

  @TempDir Path dir;
  FakeCloudifyManager m;

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CloudifyAutoConfiguration.class, CloudifyBackupAutoConfiguration.class));

  @BeforeEach
  void start() {
    m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).startTime(T0)
        .createSnapshotDuration(Duration.ofMinutes(2)).build().start();
    m.seed().blueprints(1);
  }

  @AfterEach
  void stop() {
    m.close();
  }

  ApplicationContextRunner enabled(String... more) {
    return runner
        .withPropertyValues(
            "cloudify.manager.urls=" + m.baseUrl(),
            "cloudify.username=" + m.adminUsername(),
            "cloudify.password=" + m.adminPassword(),
            "cloudify.backup.enabled=true",
            "cloudify.backup.directory=" + dir,
            "cloudify.backup.keep-on-manager=3",
            "cloudify.backup.keep-locally=5")
        .withPropertyValues(more)
        // The test clock: the client (and so the job) reads the fake's virtual time, and its waits advance it.
        .withBean(CloudifyClientCustomizer.class, () -> b -> b.clock(m.clock()).sleeper(m::advance));
  }

  @Test
  void offByDefault() {
    runner.withPropertyValues("cloudify.manager.urls=" + m.baseUrl())
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(CloudifyBackupScheduler.class)
            .doesNotHaveBean(BackupJob.class));
  }

  @Test
  void aRunMakesTheVerifiedArchiveOfTheSlotAndASecondRunIsANoOp() {
    enabled().run(ctx -> {
      assertThat(ctx).hasNotFailed();
      CloudifyBackupScheduler scheduler = ctx.getBean(CloudifyBackupScheduler.class);
      assertThat(scheduler.isRunning()).isTrue(); // the context started the schedule
      assertThat(scheduler.job().prefix()).isEqualTo("daily-");

      BackupReport report = scheduler.runNow().orElseThrow();
      assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
      assertThat(report.snapshotId()).isEqualTo("daily-20261125");
      assertThat(dir.resolve("daily-20261125.zip")).isRegularFile();
      assertThat(dir.resolve("daily-20261125.zip.sha256")).isRegularFile();
      assertThat(Files.size(dir.resolve("daily-20261125.zip"))).isEqualTo(report.bytes());
      assertThat(m.snapshotStatus("daily-20261125")).isEqualTo("created");
      assertThat(scheduler.lastReport()).contains(report);

      assertThat(scheduler.runNow().orElseThrow().outcome()).isEqualTo(BackupReport.Outcome.ALREADY_DONE);

      m.advance(Duration.ofDays(1));
      assertThat(scheduler.runNow().orElseThrow().snapshotId()).isEqualTo("daily-20261126");
    });
  }

  @Test
  void theGaugesArePublishedToTheApplicationsMeterRegistry() {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    enabled().withBean(io.micrometer.core.instrument.MeterRegistry.class, () -> meters).run(ctx -> {
      BackupReport report = ctx.getBean(CloudifyBackupScheduler.class).runNow().orElseThrow();
      assertThat(meters.get("cloudify.backup.last.size").gauge().value()).isEqualTo((double) report.bytes());
      assertThat(meters.get("cloudify.backup.last.success").timeGauge().value(java.util.concurrent.TimeUnit.SECONDS))
          .isCloseTo(report.finishedAt().toEpochMilli() / 1000.0, org.assertj.core.data.Offset.offset(1.0));
      assertThat(meters.get("cloudify.backup.failures").counter().count()).isZero();
    });
  }

  @Test
  void neverTwoAtOnce() {
    CountDownLatch inWait = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    enabled()
        .withBean("blockingSleeper", CloudifyClientCustomizer.class, () -> b -> b.sleeper(d -> {
          inWait.countDown();
          release.await();
          m.advance(d);
        }))
        .run(ctx -> {
          CloudifyBackupScheduler scheduler = ctx.getBean(CloudifyBackupScheduler.class);
          CompletableFuture<Optional<BackupReport>> first = CompletableFuture.supplyAsync(scheduler::runNow);
          assertThat(inWait.await(30, TimeUnit.SECONDS)).isTrue();
          assertThat(scheduler.isBackupRunning()).isTrue();

          assertThat(scheduler.runNow()).isEmpty(); // skipped, not queued
          assertThat(m.journal().count("PUT", "/snapshots/")).isEqualTo(1);

          release.countDown();
          assertThat(first.get(30, TimeUnit.SECONDS).orElseThrow().outcome())
              .isEqualTo(BackupReport.Outcome.CREATED);
          assertThat(scheduler.isBackupRunning()).isFalse();
        });
  }

  @Test
  void theCronScheduleIsThePropertys() {
    enabled("cloudify.backup.cron=0 30 2 * * *", "cloudify.backup.zone=Europe/Paris").run(ctx -> {
      CloudifyBackupScheduler scheduler = ctx.getBean(CloudifyBackupScheduler.class);
      // 02:30 in Paris on 26 November is 01:30 UTC.
      assertThat(scheduler.nextRunAfter(T0)).contains(Instant.parse("2026-11-26T01:30:00Z"));
    });
  }

  @Test
  void badSettingsFailTheStart() {
    enabled("cloudify.backup.cron=every day").run(ctx -> assertThat(ctx).hasFailed().getFailure()
        .hasStackTraceContaining("cloudify.backup.cron is not a cron expression"));
    enabled("cloudify.backup.zone=Mars/Olympus").run(ctx -> assertThat(ctx).hasFailed().getFailure()
        .hasStackTraceContaining("cloudify.backup.zone"));
    enabled("cloudify.backup.directory=" + dir.resolve("missing")).run(ctx -> assertThat(ctx).hasFailed());
    runner.withPropertyValues("cloudify.manager.urls=" + m.baseUrl(), "cloudify.backup.enabled=true")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .hasMessageContaining("cloudify.backup.directory"));
  }

  @Test
  void theApplicationsOwnJobIsTheOneScheduled() {
    enabled().withBean("myJob", BackupJob.class,
            () -> BackupJob.builder(CloudifyClient.builder().manager(m.baseUrl()).build())
                .directory(dir).prefix("mine-").build())
        .run(ctx -> {
          assertThat(ctx).hasSingleBean(BackupJob.class);
          assertThat(ctx.getBean(CloudifyBackupScheduler.class).job().prefix()).isEqualTo("mine-");
        });
  }
}
