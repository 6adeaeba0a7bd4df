/**
 * Spring Boot auto-configuration for cloudify4j: a {@link io.github.cloudify4j.client.CloudifyClient} bean from
 * the {@code cloudify.*} properties or the {@code cfy} CLI's {@code CLOUDIFY_*} environment
 * ({@link io.github.cloudify4j.spring.boot.CloudifyAutoConfiguration}), a health indicator when Actuator is present
 * ({@link io.github.cloudify4j.spring.boot.CloudifyHealthIndicator}) and an optional scheduled daily backup
 * ({@link io.github.cloudify4j.spring.boot.CloudifyBackupScheduler}).
 */
package io.github.cloudify4j.spring.boot;
