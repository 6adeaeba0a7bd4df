package io.github.cloudify4j.snapshots.backup;

/**
 * Where a {@link BackupJob} records each run for the operators' gauges. Free of Micrometer types: {@link #NOOP}
 * is what a job without a {@code MeterRegistry} uses, and it loads nothing; {@link MicrometerBackupRecorder} is
 * made only when one was given.
 */
interface BackupRecorder {
  /** Records nothing. */
  BackupRecorder NOOP = new BackupRecorder() {
  };

  /** A run ended with a verified archive of its slot in the directory (created, resumed or already there). */
  default void succeeded(BackupReport report) {
  }

  /** A run failed. */
  default void failed() {
  }
}
