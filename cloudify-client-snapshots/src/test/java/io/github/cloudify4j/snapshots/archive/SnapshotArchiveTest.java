package io.github.cloudify4j.snapshots.archive;

import io.github.cloudify4j.client.model.Version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotArchiveTest {

  @TempDir
  Path dir;

  @Test
  void inspectsSevenXArchive() {
    Path zip = ArchiveFixtures.sevenX(dir.resolve("snap.zip"));

    ArchiveInfo info = SnapshotArchive.inspect(zip);

    assertThat(info.archive()).isEqualTo(zip);
    assertThat(info.format()).isEqualTo(ArchiveFormat.JSON_DUMP);
    assertThat(info.snapshotVersion()).contains(Version.parse("7.0.4"));
    assertThat(info.rawSnapshotVersion()).contains("7.0.4");
    assertThat(info.executionId()).contains("exec-42");
    assertThat(info.metadataMarksLegacy()).isFalse();
    assertThat(info.metadata()).containsOnly(entry("snapshot_version", "7.0.4"), entry("execution_id", "exec-42"));
    assertThat(info.tenants()).containsExactly("default_tenant", "other");
    assertThat(info.tenantsWithoutDirectoryEntry()).isEmpty();

    assertThat(info.managementCounts()).containsExactly(
        entry("tenants", 2L), entry("permissions", 20L), entry("user_groups", 1L), entry("users", 3L));
    assertThat(info.countsByTenant().get("default_tenant")).containsExactly(
        entry("blueprints", 3L), entry("deployments", 2L), entry("nodes", 5L),
        entry("node_instances", 7L), entry("executions", 4L), entry("events", 10L));
    assertThat(info.countsByTenant().get("other")).containsExactly(entry("secrets", 2L), entry("blueprints", 1L));
    // totals iterate in restore order
    assertThat(info.countsByKind()).containsExactly(
        entry("tenants", 2L), entry("permissions", 20L), entry("user_groups", 1L), entry("users", 3L),
        entry("secrets", 2L), entry("blueprints", 4L), entry("deployments", 2L), entry("nodes", 5L),
        entry("node_instances", 7L), entry("executions", 4L), entry("events", 10L));
    assertThat(info.count("blueprints")).isEqualTo(4);
    assertThat(info.count("other", "blueprints")).isEqualTo(1);
    assertThat(info.count("nope", "blueprints")).isZero();
    assertThat(info.count("plugins")).isZero();

    assertThat(info.dumpFileCount()).isEqualTo(14);
    assertThat(info.entryCount()).isEqualTo(30);
    assertThat(info.totalUncompressedSize()).isPositive();
    assertThat(info.countsAvailable()).isTrue();
    assertThat(info.countsExplanation()).contains("14 entity dump files");
  }

  @Test
  void inspectsSevenZeroZeroLayoutWithPerKindFolders() {
    ArchiveInfo info = SnapshotArchive.inspect(ArchiveFixtures.sevenZeroZero(dir.resolve("700.zip")));

    assertThat(info.format()).isEqualTo(ArchiveFormat.JSON_DUMP);
    assertThat(info.executionId()).isEmpty();
    assertThat(info.countsByKind()).containsExactly(
        entry("tenants", 1L), entry("blueprints", 2L), entry("events", 3L), entry("tasks_graphs", 1L));
    assertThat(info.tenants()).containsExactly("default_tenant");
  }

  @Test
  void inspectsLegacyArchiveWithPartialCounts() {
    ArchiveInfo info = SnapshotArchive.inspect(ArchiveFixtures.legacy(dir.resolve("legacy.zip")));

    assertThat(info.format()).isEqualTo(ArchiveFormat.LEGACY);
    assertThat(info.snapshotVersion()).contains(Version.parse("6.4.2"));
    assertThat(info.metadataMarksLegacy()).isTrue();
    assertThat(info.executionId()).isEmpty();
    assertThat(info.countsAvailable()).isFalse();
    assertThat(info.countsExplanation()).contains("pg_data").contains("not parsed");
    assertThat(info.dumpFileCount()).isZero();
    assertThat(info.tenants()).containsExactly("default_tenant", "t2", "t3");
    assertThat(info.countsByTenant()).containsOnly(
        entry("default_tenant", Map.of("blueprints", 2L, "deployments", 1L, "agents", 2L)),
        entry("t2", Map.of("blueprints", 1L)),
        entry("t3", Map.of("agents", 1L)));
    assertThat(info.countsByKind()).containsExactly(
        entry("plugins", 2L), entry("blueprints", 3L), entry("deployments", 1L), entry("agents", 3L));
    assertThat(info.managementCounts()).isEmpty();
  }

  @Test
  void legacyArchiveFromCommunityEditionIsLegacyButNotMarkedSoByMetadata() {
    ArchiveInfo info = SnapshotArchive.inspect(ArchiveFixtures.legacy(dir.resolve("ce.zip"),
        "{\"snapshot_version\": \"6.4.0\", \"schema_revision\": \"abc\"}"));

    assertThat(info.format()).isEqualTo(ArchiveFormat.LEGACY);
    assertThat(info.metadataMarksLegacy()).isFalse();
  }

  @Test
  void metadataOnlyZipIsUnknownFormat() {
    Path zip = dir.resolve("meta-only.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(zip)) {
      z.file("metadata.json", "{\"snapshot_version\": \"7.0.4\"}").file("readme.txt", "hi");
    }
    ArchiveInfo info = SnapshotArchive.inspect(zip);

    assertThat(info.format()).isEqualTo(ArchiveFormat.UNKNOWN);
    assertThat(info.countsAvailable()).isFalse();
    assertThat(info.countsByKind()).isEmpty();
  }

  @Test
  void reportsTenantsWhoseDirectoryEntryIsMissing() {
    Path zip = dir.resolve("repacked.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(zip)) {
      z.file("metadata.json", "{\"snapshot_version\": \"7.0.4\"}")
          .file("mgmt/00000001.json", ArchiveFixtures.dump("tenants", 1))
          .file("tenants/default_tenant/00000001.json", ArchiveFixtures.dump("blueprints", 1));
    }
    ArchiveInfo info = SnapshotArchive.inspect(zip);

    assertThat(info.tenants()).containsExactly("default_tenant");
    assertThat(info.tenantsWithoutDirectoryEntry()).containsExactly("default_tenant");
  }

  @Test
  void nonStringVersionAndEmptyCollectionsAreTolerated() {
    Path zip = dir.resolve("odd.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(zip)) {
      z.file("metadata.json", "{\"snapshot_version\": 7.1, \"extra\": {\"list\": [1, 2]}}")
          .dir("mgmt")
          .file("mgmt/00000001.json", "{\"items\": [], \"type\": \"tenants\"}")
          .dir("tenants/t")
          .file("tenants/t/00000001.json", "{\"items\": {\"a\": 1, \"b\": [2]}, \"type\": \"agents\"}");
    }
    ArchiveInfo info = SnapshotArchive.inspect(zip);

    assertThat(info.snapshotVersion()).contains(Version.parse("7.1.0"));
    assertThat(info.count("tenants")).isZero();
    assertThat(info.countsByKind()).containsEntry("tenants", 0L);
    assertThat(info.count("t", "agents")).isEqualTo(2);
    assertThat(info.metadata().get("extra")).isEqualTo(Map.of("list", java.util.List.of(1, 2)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> info.metadata().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
