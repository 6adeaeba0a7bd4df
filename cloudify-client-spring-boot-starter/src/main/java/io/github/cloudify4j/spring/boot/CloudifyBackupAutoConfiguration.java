package io.github.cloudify4j.spring.boot;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The scheduled backup, when {@code cloudify.backup.enabled=true}: a {@link BackupJob} from
 * {@code cloudify.backup.*} and a {@link CloudifyBackupScheduler} that runs it on the cron schedule. A missing or
 * read-only {@code cloudify.backup.directory}, a bad prefix or a bad cron expression fails the application's start.
 * The application's own {@code BackupJob} bean, if any, is the one scheduled.
 */
@AutoConfiguration(after = CloudifyAutoConfiguration.class)
@ConditionalOnProperty(prefix = "cloudify.backup", name = "enabled", havingValue = "true")
@ConditionalOnBean(CloudifyClient.class)
public class CloudifyBackupAutoConfiguration {
  /** Created by Spring. */
  public CloudifyBackupAutoConfiguration() {}

  /**
   * The backup job.
   *
   * @param client the client; its clock decides the slot
   * @param properties the {@code cloudify.backup.*} properties
   * @return the job
   * @throws IllegalStateException when {@code cloudify.backup.directory} is not set
   */
  @Bean
  @ConditionalOnMissingBean
  public BackupJob cloudifyBackupJob(CloudifyClient client, CloudifyProperties properties) {
    CloudifyProperties.Backup b = properties.getBackup();
    if (b.getDirectory() == null) {
      throw new IllegalStateException("cloudify.backup.enabled is true but cloudify.backup.directory is not set");
    }
    return BackupJob.builder(client)
        .directory(b.getDirectory())
        .prefix(b.getPrefix())
        .slotLength(b.getSlotLength())
        .keepOnManager(b.getKeepOnManager())
        .keepLocally(b.getKeepLocally())
        .createTimeout(b.getCreateTimeout())
        .build();
  }

  /**
   * The scheduler of the job.
   *
   * @param job the job
   * @param properties for the cron expression and its zone
   * @return the scheduler; Spring starts and stops it with the context
   */
  @Bean
  @ConditionalOnMissingBean
  public CloudifyBackupScheduler cloudifyBackupScheduler(BackupJob job, CloudifyProperties properties) {
    CloudifyProperties.Backup b = properties.getBackup();
    ZoneId zone;
    try {
      zone = ZoneId.of(b.getZone());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("cloudify.backup.zone is not a time zone: " + b.getZone(), e);
    }
    return new CloudifyBackupScheduler(job, b.getCron(), zone);
  }
}
