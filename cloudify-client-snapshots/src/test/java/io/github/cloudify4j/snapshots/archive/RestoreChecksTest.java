package io.github.cloudify4j.snapshots.archive;

import io.github.cloudify4j.client.model.Version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestoreChecksTest {

  @TempDir
  Path dir;

  private ArchiveInfo sevenX() {
    return SnapshotArchive.inspect(ArchiveFixtures.sevenX(dir.resolve("new.zip")));
  }

  private ArchiveInfo legacy(String version) {
    return SnapshotArchive.inspect(ArchiveFixtures.legacy(dir.resolve("legacy-" + version + ".zip"),
        "{\"snapshot_version\": \"" + version + "\", \"schema_revision\": \"a\","
            + " \"stage_schema_revision\": \"b\", \"composer_schema_revision\": \"c\"}"));
  }

  private static List<ArchiveProblem.Code> codes(List<ArchiveProblem> problems) {
    return problems.stream().map(ArchiveProblem::code).collect(Collectors.toList());
  }

  @ParameterizedTest(name = "7.0.4 new-format snapshot on {0} (k8s={1}) -> ok")
  @CsvSource({"7.0.4, false", "7.0.4, true", "7.1.0, true", "7.0.4.1, false", "7.0.4.dev1, false"})
  void newFormatOnSameOrNewerManagerPasses(String server, boolean k8s) {
    assertThat(RestoreChecks.checkRestorable(sevenX(), server, k8s)).isEmpty();
  }

  @ParameterizedTest(name = "legacy {0} snapshot on {1} (k8s=false) -> ok")
  @CsvSource({"6.4.2, 6.4.2", "6.4.2, 7.0.4", "4.0.0, 5.0.5", "5.0.5.1, 5.0.5", "4.6, 6.4.0"})
  void legacyOnAllInOneManagerPasses(String snapshot, String server) {
    assertThat(RestoreChecks.checkRestorable(legacy(snapshot), server, false)).isEmpty();
  }

  @Test
  void newerSnapshotIsRefusedWithExplanation() {
    List<ArchiveProblem> problems = RestoreChecks.checkRestorable(sevenX(), "7.0.2", false);

    assertThat(codes(problems)).containsExactly(ArchiveProblem.Code.SNAPSHOT_NEWER_THAN_MANAGER);
    assertThat(problems.get(0).message())
        .contains("new.zip", "7.0.4", "7.0.2", "newer", "silently", "Upgrade the manager");
  }

  @Test
  void newerLegacySnapshotOnSixXIsRefused() {
    List<ArchiveProblem> problems = RestoreChecks.checkRestorable(legacy("6.4.2"), "6.4.0", false);

    assertThat(codes(problems)).containsExactly(ArchiveProblem.Code.SNAPSHOT_NEWER_THAN_MANAGER);
    assertThat(problems.get(0).message()).doesNotContain("silently");
  }

  @Test
  void legacyOnKubernetesIsRefused() {
    List<ArchiveProblem> problems = RestoreChecks.checkRestorable(legacy("6.4.2"), "7.0.4", true);

    assertThat(codes(problems)).containsExactly(ArchiveProblem.Code.LEGACY_ON_KUBERNETES);
    assertThat(problems.get(0).message()).contains("Kubernetes", "all-in-one", "legacy=false");
  }

  @Test
  void preFourSnapshotIsRefused() {
    assertThat(codes(RestoreChecks.checkRestorable(legacy("3.4.2"), "6.4.2", false)))
        .containsExactly(ArchiveProblem.Code.SNAPSHOT_TOO_OLD);
  }

  @Test
  void problemsAccumulate() {
    assertThat(codes(RestoreChecks.checkRestorable(legacy("7.1.0"), "7.0.4", true))).containsExactly(
        ArchiveProblem.Code.SNAPSHOT_NEWER_THAN_MANAGER, ArchiveProblem.Code.LEGACY_ON_KUBERNETES);
  }

  @Test
  void legacyWithoutUiRevisionsIsRefusedOnSevenXOnly() {
    ArchiveInfo info = SnapshotArchive.inspect(ArchiveFixtures.legacy(dir.resolve("ce.zip"),
        "{\"snapshot_version\": \"6.4.0\", \"schema_revision\": \"abc\"}"));

    List<ArchiveProblem> onSeven = RestoreChecks.checkRestorable(info, "7.0.4", false);
    assertThat(codes(onSeven)).containsExactly(ArchiveProblem.Code.LEGACY_METADATA_INCOMPLETE);
    assertThat(onSeven.get(0).message()).contains("stage_schema_revision and composer_schema_revision");
    assertThat(RestoreChecks.checkRestorable(info, "6.4.2", false)).isEmpty();
  }

  @Test
  void unknownFormatIsNotASnapshot() {
    Path zip = dir.resolve("photos.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(zip)) {
      z.file("metadata.json", "{}").file("cat.jpg", "meow");
    }
    List<ArchiveProblem> problems = RestoreChecks.checkRestorable(SnapshotArchive.inspect(zip), "7.0.4", false);

    assertThat(codes(problems)).containsExactly(ArchiveProblem.Code.NOT_A_SNAPSHOT);
    assertThat(problems.get(0).message()).contains("photos.zip is not a Cloudify snapshot");
  }

  @Test
  void missingOrUnreadableVersionIsReported() {
    Path zip = dir.resolve("noversion.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(zip)) {
      z.file("metadata.json", "{\"snapshot_version\": \"latest\"}").dir("mgmt")
          .file("mgmt/00000001.json", ArchiveFixtures.dump("tenants", 1));
    }
    List<ArchiveProblem> problems = RestoreChecks.checkRestorable(SnapshotArchive.inspect(zip), "7.0.4", false);

    assertThat(codes(problems)).containsExactly(ArchiveProblem.Code.VERSION_MISSING);
    assertThat(problems.get(0).message()).contains("\"latest\", which is not a version");
  }

  @Test
  void missingTenantDirectoryEntryIsReported() {
    Path zip = dir.resolve("repacked.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(zip)) {
      z.file("metadata.json", "{\"snapshot_version\": \"7.0.4\"}")
          .file("tenants/t1/00000001.json", ArchiveFixtures.dump("blueprints", 1));
    }
    assertThat(codes(RestoreChecks.checkRestorable(SnapshotArchive.inspect(zip), "7.0.4", false)))
        .containsExactly(ArchiveProblem.Code.TENANT_DIRECTORY_ENTRY_MISSING);
  }

  @Test
  void argumentsAreChecked() {
    ArchiveInfo info = sevenX();
    assertThatThrownBy(() -> RestoreChecks.checkRestorable(null, "7.0.4", false))
        .isInstanceOf(NullPointerException.class).hasMessage("archive == null");
    assertThatThrownBy(() -> RestoreChecks.checkRestorable(info, (String) null, false))
        .isInstanceOf(NullPointerException.class).hasMessage("serverVersion == null");
    assertThatThrownBy(() -> RestoreChecks.checkRestorable(info, (Version) null, false))
        .isInstanceOf(NullPointerException.class).hasMessage("serverVersion == null");
    assertThatThrownBy(() -> RestoreChecks.checkRestorable(info, " ", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RestoreChecks.checkRestorable(info, "7.0.4", false).add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
