/**
 * Reading a Cloudify snapshot archive on the client, before it is uploaded.
 *
 * <p>A Cloudify manager only looks inside a snapshot zip once the restore workflow runs: after
 * the upload, after maintenance mode, sometimes after services were stopped. Everything the
 * server would refuse because of what is <em>in</em> the archive (a snapshot from a newer
 * manager, a pre-4.0 snapshot, a legacy database dump on a Kubernetes manager, a zip that is not
 * a snapshot at all) can be found out locally, in seconds, for free. This package does that:
 *
 * <ul>
 *   <li>{@link io.github.cloudify4j.snapshots.archive.SnapshotArchive#inspect(java.nio.file.Path)}
 *       reads {@code metadata.json}, recognises the format and counts the entities in the
 *       archive in constant memory, giving an {@link io.github.cloudify4j.snapshots.archive.ArchiveInfo};</li>
 *   <li>{@link io.github.cloudify4j.snapshots.archive.RestoreChecks#checkRestorable} turns an
 *       {@code ArchiveInfo} and the manager's version into a list of
 *       {@link io.github.cloudify4j.snapshots.archive.ArchiveProblem}s, each explaining itself;</li>
 *   <li>the counts let an orchestrator verify a 7.x restore afterwards, because 7.x restores log
 *       failed entities and carry on instead of failing.</li>
 * </ul>
 *
 * <p>The archive layouts are described in {@code docs/snapshot-archive-format.md}.
 */
package io.github.cloudify4j.snapshots.archive;
