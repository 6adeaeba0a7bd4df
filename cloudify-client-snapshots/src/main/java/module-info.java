/**
 * cloudify4j snapshots: every snapshot operation, archive transfer and inspection, restore status, the restore
 * orchestrator, the backup job and migration. Built on {@code io.github.cloudify4j.core} (its SPI is exported to
 * this module alone). {@code io.github.cloudify4j.snapshots.internal} is never exported.
 */
module io.github.cloudify4j.snapshots {
  requires transitive io.github.cloudify4j.core;
  requires okio;
  requires retrofit2;
  requires org.slf4j;
  requires static org.immutables.value.annotations;
  // Optional: Micrometer (observations, BackupJob gauges); only loaded when a registry is given.
  requires static micrometer.observation;
  requires static micrometer.commons;
  requires static micrometer.core;

  exports io.github.cloudify4j.snapshots;
  exports io.github.cloudify4j.snapshots.archive;
  exports io.github.cloudify4j.snapshots.backup;
  exports io.github.cloudify4j.snapshots.observation;
  exports io.github.cloudify4j.snapshots.restore;
  exports io.github.cloudify4j.snapshots.workflow;

  // Jackson binds the models (snapshots, archive metadata) and the internal DTOs; Retrofit proxies the internal APIs.
  opens io.github.cloudify4j.snapshots to com.fasterxml.jackson.databind;
  opens io.github.cloudify4j.snapshots.archive to com.fasterxml.jackson.databind;
  opens io.github.cloudify4j.snapshots.internal to com.fasterxml.jackson.databind, retrofit2;
}
