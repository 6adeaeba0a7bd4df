package io.github.cloudify4j.spring.boot;

import io.github.cloudify4j.snapshots.backup.BackupJob;

/**
 * Changes the scheduled backup's {@link BackupJob.Builder} after the starter applied the {@code cloudify.backup.*}
 * properties, e.g. to add a {@link io.github.cloudify4j.snapshots.backup.BackupListener} or other create options.
 * Every customizer bean is applied, in {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface CloudifyBackupJobCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(BackupJob.Builder builder);
}
