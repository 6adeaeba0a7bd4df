package io.github.cloudify4j.snapshots.backup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;

/**
 * The gauges of a {@link BackupJob} on a Micrometer {@code MeterRegistry}: {@value #LAST_SUCCESS}, {@value
 * #LAST_SIZE} and {@value #FAILURES}, tagged {@code manager} and {@code job}. Loaded only when the job was given a
 * registry.
 */
final class MicrometerBackupRecorder implements BackupRecorder {
  static final String LAST_SUCCESS = "cloudify.backup.last.success";
  static final String LAST_SIZE = "cloudify.backup.last.size";
  static final String FAILURES = "cloudify.backup.failures";

  /** What the gauges read; the registry holds gauges' objects weakly, the job holds this strongly. */
  private volatile double lastSuccessSeconds = Double.NaN;
  private volatile double lastSizeBytes = Double.NaN;
  private final Counter failures;

  private MicrometerBackupRecorder(MeterRegistry registry, Tags tags) {
    TimeGauge.builder(LAST_SUCCESS, this, TimeUnit.SECONDS, r -> r.lastSuccessSeconds)
        .description("When the last successful backup run ended (seconds since the epoch); NaN until one did")
        .tags(tags)
        .register(registry);
    Gauge.builder(LAST_SIZE, this, r -> r.lastSizeBytes)
        .description("The size of the last verified backup archive; NaN until one was made")
        .baseUnit("bytes")
        .tags(tags)
        .register(registry);
    failures = Counter.builder(FAILURES)
        .description("Backup runs that failed")
        .tags(tags)
        .register(registry);
  }

  /** @param registry a {@code MeterRegistry}, held by the job as an Object */
  static BackupRecorder create(Object registry, String manager, String job) {
    return new MicrometerBackupRecorder((MeterRegistry) registry, Tags.of("manager", manager, "job", job));
  }

  @Override
  public void succeeded(BackupReport report) {
    lastSuccessSeconds = report.finishedAt().toEpochMilli() / 1000.0;
    if (report.bytes() > 0) {
      lastSizeBytes = report.bytes();
    }
  }

  @Override
  public void failed() {
    failures.increment();
  }
}
