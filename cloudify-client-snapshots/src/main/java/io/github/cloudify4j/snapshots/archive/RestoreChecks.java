package io.github.cloudify4j.snapshots.archive;

import io.github.cloudify4j.client.model.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Local checks that say whether a manager can restore an archive, before anything is uploaded.
 *
 * <p>Why client-side: the manager only validates inside the restore workflow, that is after the
 * upload, after maintenance mode, and (for legacy snapshots) close to stopping its services. Worse,
 * since 7.0 a new-format restore skips validation altogether, so a 7.x manager will happily try
 * to restore a snapshot from a newer manager. These checks repeat the manager's own rules
 * ({@code SnapshotRestoreValidator} and the format choice in {@code snapshot_restore.py}) plus a
 * few the manager gets wrong silently, and they run in microseconds on an {@link ArchiveInfo}.
 *
 * <p>What is not here because it needs the REST API: "the manager already holds blueprints"
 * (refused unless {@code force}), "the caller is the bootstrap admin", and agent network checks.
 */
public final class RestoreChecks {

  private static final Version V_4_0 = Version.parse("4.0.0");
  private static final Version V_7_0 = Version.parse("7.0.0");

  private RestoreChecks() {
  }

  /**
   * Lists every reason the manager should not restore this archive. An empty list means no
   * problem was found locally; it does not promise success (see the class comment).
   *
   * @param archive what {@link SnapshotArchive#inspect} found
   * @param serverVersion the target manager's version ({@code GET /api/v3.1/version})
   * @param kubernetesInstall whether the manager is a Kubernetes / "split services" install
   *     (mgmtworker environment {@code RUNTIME_ENVIRONMENT} is {@code k8s} or {@code kubernetes})
   * @return the problems, most fundamental first; unmodifiable
   * @throws NullPointerException if {@code archive} or {@code serverVersion} is null
   */
  public static List<ArchiveProblem> checkRestorable(ArchiveInfo archive, Version serverVersion,
      boolean kubernetesInstall) {
    Objects.requireNonNull(archive, "archive == null");
    Objects.requireNonNull(serverVersion, "serverVersion == null");
    List<ArchiveProblem> problems = new ArrayList<>();
    String file = archive.archive().getFileName() == null
        ? archive.archive().toString() : archive.archive().getFileName().toString();

    if (archive.format() == ArchiveFormat.UNKNOWN) {
      problems.add(ArchiveProblem.of(ArchiveProblem.Code.NOT_A_SNAPSHOT,
          file + " is not a Cloudify snapshot: it has metadata.json but neither a database dump"
              + " (pg_data) nor entity files (mgmt/, tenants/). Check that you picked the right"
              + " file, or download the snapshot from its manager again."));
      return Collections.unmodifiableList(problems);
    }

    Optional<Version> snapshot = archive.snapshotVersion();
    if (!snapshot.isPresent()) {
      String found = archive.rawSnapshotVersion().map(v -> "\"" + v + "\", which is not a version")
          .orElse("nothing");
      problems.add(ArchiveProblem.of(ArchiveProblem.Code.VERSION_MISSING,
          file + " has no usable snapshot_version in metadata.json (found " + found + "). Every"
              + " manager reads it first and would fail the restore. The archive is damaged or"
              + " was edited; use an untouched copy."));
    } else {
      Version v = snapshot.get();
      if (v.compareRelease(serverVersion) > 0) {
        problems.add(ArchiveProblem.of(ArchiveProblem.Code.SNAPSHOT_NEWER_THAN_MANAGER,
            file + " was created by Cloudify " + v + ", which is newer than this manager ("
                + serverVersion + "). Managers cannot restore snapshots from newer versions"
                + (archive.format() == ArchiveFormat.JSON_DUMP
                    && serverVersion.compareRelease(V_7_0) >= 0
                    ? " (a 7.x manager would not even refuse it: it would restore what it"
                    + " understands and silently lose the rest)" : "")
                + ". Upgrade the manager to " + v + " or later first, or restore a snapshot"
                + " taken on " + serverVersion + " or older."));
      }
      if (v.compareRelease(V_4_0) < 0) {
        problems.add(ArchiveProblem.of(ArchiveProblem.Code.SNAPSHOT_TOO_OLD,
            file + " was created by Cloudify " + v + "; managers restore snapshots from 4.0"
                + " onwards only. Restore it on a 4.x manager, then snapshot that manager"
                + " and restore the new snapshot here."));
      }
    }

    if (archive.format() == ArchiveFormat.LEGACY) {
      if (kubernetesInstall) {
        problems.add(ArchiveProblem.of(ArchiveProblem.Code.LEGACY_ON_KUBERNETES,
            file + " is a legacy (database dump) snapshot, and a Kubernetes / split-services"
                + " manager can only restore new-format (JSON dump) snapshots; it would fail the"
                + " restore. Restore it on an all-in-one manager of version "
                + serverVersion + " first, create a new-format snapshot there (legacy=false),"
                + " and restore that one here."));
      }
      if (!archive.metadataMarksLegacy() && serverVersion.compareRelease(V_7_0) >= 0) {
        problems.add(ArchiveProblem.of(ArchiveProblem.Code.LEGACY_METADATA_INCOMPLETE,
            file + " holds a database dump, but its metadata.json lacks "
                + missingRevisions(archive) + ". A 7.x manager treats a snapshot as legacy"
                + " only when schema_revision, stage_schema_revision and"
                + " composer_schema_revision are all present, so it would take this one for a"
                + " new-format snapshot and restore nothing. Restore it on a 6.x manager"
                + " instead, or on a manager with the same UI components as its source."));
      }
    }

    if (archive.format() == ArchiveFormat.JSON_DUMP && !archive.tenantsWithoutDirectoryEntry().isEmpty()) {
      problems.add(ArchiveProblem.of(ArchiveProblem.Code.TENANT_DIRECTORY_ENTRY_MISSING,
          file + " has data for tenant(s) " + archive.tenantsWithoutDirectoryEntry()
              + " but no directory entry tenants/<name>/ for them. Managers find tenants only"
              + " through those entries and would skip this data without an error. The zip was"
              + " repacked by a tool that drops directory entries; use the manager's original"
              + " archive, or repack it keeping directory entries."));
    }
    return Collections.unmodifiableList(problems);
  }

  /**
   * Same as {@link #checkRestorable(ArchiveInfo, Version, boolean)} with the version as text.
   *
   * @param archive what {@link SnapshotArchive#inspect} found
   * @param serverVersion the target manager's version as it reports it, e.g. {@code 7.1.0}
   * @param kubernetesInstall whether the manager is a Kubernetes / "split services" install
   * @return the problems, most fundamental first; unmodifiable
   * @throws NullPointerException if {@code archive} or {@code serverVersion} is null
   * @throws IllegalArgumentException if {@code serverVersion} is blank or not a version

   */
  public static List<ArchiveProblem> checkRestorable(ArchiveInfo archive, String serverVersion,
      boolean kubernetesInstall) {
    Objects.requireNonNull(serverVersion, "serverVersion == null");
    return checkRestorable(archive, Version.parse(serverVersion), kubernetesInstall);
  }

  private static String missingRevisions(ArchiveInfo archive) {
    List<String> missing = new ArrayList<>();
    for (String key : new String[] {SnapshotArchive.M_SCHEMA_REVISION,
        SnapshotArchive.M_STAGE_SCHEMA_REVISION, SnapshotArchive.M_COMPOSER_SCHEMA_REVISION}) {
      if (!archive.metadata().containsKey(key)) {
        missing.add(key);
      }
    }
    return String.join(" and ", missing);
  }
}
