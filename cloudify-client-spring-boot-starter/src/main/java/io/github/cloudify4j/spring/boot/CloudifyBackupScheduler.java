package io.github.cloudify4j.spring.boot;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.snapshots.backup.BackupFailedException;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs a {@link BackupJob} on a cron schedule ({@code cloudify.backup.*}), on a single thread of its own, so the
 * application needs no {@code @EnableScheduling} and its own scheduled tasks never wait behind a backup.
 *
 * <p><b>Never two at once in one application:</b> a run that finds another still going (a slow download past the
 * next cron time, or {@link #runNow()} called meanwhile) is skipped and logged, not queued.
 *
 * <p><b>Several instances of the application</b> each have their own schedule and lock. What keeps them from
 * harming each other is the job's slot naming: every run in the same slot (one day by default) uses the same
 * snapshot id ({@code daily-20261125}). A second instance that runs after the first finished, with the same
 * directory (a shared volume), finds the verified archive and does nothing ({@code ALREADY_DONE}); one that runs
 * meanwhile, or with a directory of its own, finds the snapshot on the manager and follows and downloads it
 * ({@code RESUMED}) instead of creating a second one. So the manager gets one snapshot per slot, but each instance
 * with its own directory downloads its own copy: enable the backup on one instance only (or guard it with a
 * cluster-wide lock such as ShedLock around {@link #runNow()}) unless the copies are wanted.
 *
 * <p>A failed run is logged at ERROR with the step and the manager's message (no credentials) and tried again at
 * the next cron time; the job resumes what the manager already has.
 */
public final class CloudifyBackupScheduler implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(CloudifyBackupScheduler.class);

  private final BackupJob job;
  private final CronExpression cron;
  private final String cronText;
  private final ZoneId zone;
  private final ReentrantLock running = new ReentrantLock();
  private volatile BackupReport lastReport;
  private ThreadPoolTaskScheduler scheduler;
  private ScheduledFuture<?> scheduled;

  /**
   * A scheduler of the job.
   *
   * @param job the backup job
   * @param cron a Spring cron expression (second minute hour day month weekday)
   * @param zone the cron expression's time zone
   * @throws IllegalArgumentException if {@code cron} is not a valid cron expression
   */
  public CloudifyBackupScheduler(BackupJob job, String cron, ZoneId zone) {
    this.job = requireNonNull(job, "job == null");
    this.cronText = requireNonNull(cron, "cron == null");
    this.zone = requireNonNull(zone, "zone == null");
    try {
      this.cron = CronExpression.parse(cron);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cloudify.backup.cron is not a cron expression: " + e.getMessage(), e);
    }
  }

  /**
   * The job this scheduler runs.
   *
   * @return the job
   */
  public BackupJob job() {
    return job;
  }

  /**
   * When the cron expression next fires after {@code time}.
   *
   * @param time a point in time
   * @return the next run, or empty if the expression never fires again
   */
  public Optional<Instant> nextRunAfter(Instant time) {
    ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(requireNonNull(time, "time == null"), zone));
    return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
  }

  /**
   * Runs the backup now, on the calling thread, unless a run is already going.
   *
   * @return the report, or empty when another run was going (this one was skipped)
   * @throws BackupFailedException when the run failed
   */
  public Optional<BackupReport> runNow() {
    if (!running.tryLock()) {
      log.warn("Cloudify backup {} skipped: the previous run is still going", job.currentSnapshotId());
      return Optional.empty();
    }
    try {
      BackupReport report = job.run();
      lastReport = report;
      log.info("Cloudify backup {}: {} ({} bytes) in {}", report.snapshotId(), report.outcome(), report.bytes(),
          report.duration());
      return Optional.of(report);
    } finally {
      running.unlock();
    }
  }

  /**
   * The report of the last run that did not fail, if any since the application started.
   *
   * @return the report
   */
  public Optional<BackupReport> lastReport() {
    return Optional.ofNullable(lastReport);
  }

  /**
   * Whether a run is going now.
   *
   * @return true during a run
   */
  public boolean isBackupRunning() {
    return running.isLocked();
  }

  private void scheduledRun() {
    try {
      runNow();
    } catch (BackupFailedException e) {
      log.error("Cloudify backup failed; the next run is at {}: {}", nextRunAfter(Instant.now()).orElse(null),
          e.getMessage());
    } catch (RuntimeException e) {
      log.error("Cloudify backup failed", e);
    }
  }

  /** Schedules the job on a thread of its own. */
  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
    s.setPoolSize(1);
    s.setThreadNamePrefix("cloudify-backup-");
    s.setDaemon(true);
    s.setWaitForTasksToCompleteOnShutdown(false);
    s.initialize();
    scheduled = s.schedule(this::scheduledRun, new CronTrigger(cronText, zone));
    scheduler = s;
    log.info("Cloudify backup scheduled ({} {}), archives in {}", cronText, zone, job.directory());
  }

  /** Cancels the schedule; a run going now is interrupted and cleans up as a failed run does. */
  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    if (scheduled != null) {
      scheduled.cancel(true);
    }
    scheduler.shutdown();
    scheduler = null;
    scheduled = null;
  }

  /**
   * Whether the schedule is active.
   *
   * @return true between {@link #start()} and {@link #stop()}
   */
  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public String toString() {
    return "CloudifyBackupScheduler{cron=" + cronText + ", zone=" + zone + ", directory=" + job.directory()
        + ", prefix=" + job.prefix() + "}";
  }
}
