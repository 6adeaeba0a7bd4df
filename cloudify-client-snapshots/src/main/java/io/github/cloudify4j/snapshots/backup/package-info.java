/**
 * The daily snapshot, verified and kept, as one call: {@link io.github.cloudify4j.snapshots.backup.BackupJob}
 * creates a snapshot named after its time slot ({@code daily-20261125}), waits until it is {@code created},
 * downloads and verifies the archive (length, zip, {@code metadata.json}, SHA-256 written beside it, owner-only
 * permissions, atomic and never overwriting), then applies retention on the manager and in the directory. It is
 * idempotent per slot and resumes an interrupted run; it returns a
 * {@link io.github.cloudify4j.snapshots.backup.BackupReport} or throws a
 * {@link io.github.cloudify4j.snapshots.backup.BackupFailedException} naming the step.
 */
package io.github.cloudify4j.snapshots.backup;
