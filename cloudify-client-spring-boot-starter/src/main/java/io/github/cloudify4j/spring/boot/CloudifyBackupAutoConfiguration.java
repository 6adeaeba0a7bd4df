package io.github.cloudify4j.spring.boot;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled backup, when {@code cloudify.backup.enabled=true}: a {@link BackupJob} from
 * {@code cloudify.backup.*} and a {@link CloudifyBackupScheduler} that runs it on the cron schedule. A missing or
 * read-only {@code cloudify.backup.directory}, a bad prefix or a bad cron expression fails the application's start.
 * The application's own {@code BackupJob} bean, if any, is the one scheduled.
 */
@AutoConfiguration(after = CloudifyAutoConfiguration.class, afterName =
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
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
   * @param customizers the application's customizers of the job, in order (the gauges' is one)
   * @return the job
   * @throws IllegalStateException when {@code cloudify.backup.directory} is not set
   */
  @Bean
  @ConditionalOnMissingBean
  public BackupJob cloudifyBackupJob(CloudifyClient client, CloudifyProperties properties,
      ObjectProvider<CloudifyBackupJobCustomizer> customizers) {
    CloudifyProperties.Backup b = properties.getBackup();
    if (b.getDirectory() == null) {
      throw new IllegalStateException("cloudify.backup.enabled is true but cloudify.backup.directory is not set");
    }
    BackupJob.Builder builder = BackupJob.builder(client)
        .directory(b.getDirectory())
        .prefix(b.getPrefix())
        .slotLength(b.getSlotLength())
        .keepOnManager(b.getKeepOnManager())
        .keepLocally(b.getKeepLocally())
        .createTimeout(b.getCreateTimeout());
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * Publishes the job's gauges ({@code cloudify.backup.last.success}, {@code cloudify.backup.last.size},
   * {@code cloudify.backup.failures}) to the application's Micrometer {@code MeterRegistry} (Actuator makes one), so
   * an alert can fire on "last successful backup older than 26 hours". Loaded only with micrometer-core.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class GaugesConfiguration {
    @Bean
    CloudifyBackupJobCustomizer cloudifyBackupGauges(ObjectProvider<MeterRegistry> registry) {
      return builder -> registry.ifAvailable(builder::meterRegistry);
    }
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
