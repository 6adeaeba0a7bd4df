package io.github.cloudify4j.snapshots.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackupRetentionTest extends FakeManagerTest {
  List<String> snapshotIds() {
    return m.entities("snapshots").stream().map(s -> s.path("id").asText()).sorted().collect(Collectors.toList());
  }

  List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  void touch(String... names) throws IOException {
    for (String n : names) {
      Files.write(dir.resolve(n), n.getBytes());
    }
  }

  @Test
  void keepsExactlyNOfItsOwnOnTheManagerAndLocallyAndNothingElseIsTouched() throws Exception {
    for (int day = 18; day <= 24; day++) {
      m.seed().snapshot("daily-202611" + day, "created");
    }
    m.seed().snapshot("daily-20261110", "failed")          // ours, failed: deleted
        .snapshot("daily-20261105", "creating")              // ours but in progress: never touched
        .snapshot("daily-20261104", "uploaded")              // ours by name, but uploaded: never touched
        .snapshot("daily-20261101T0300Z", "created")         // ours, finer stamp, oldest: deleted
        .snapshot("weekly-20261101", "created")              // other prefix
        .snapshot("daily-manual", "created")                 // our prefix, not our id pattern
        .snapshot("daily-20261399", "created")               // not a valid date
        .snapshot("Daily-20261101", "created");              // case differs
    touch("daily-20261101.zip", "daily-20261101.zip.sha256", "daily-20261120.zip", "daily-20261122.zip",
        "daily-20261122.zip.sha256", "daily-20261124.zip", "daily-20261124.zip.sha256",
        "daily-20261123T1200Z.zip",
        "notes.txt", "weekly-20261101.zip", "daily-20261120.zip.bak", "daily-latest.zip", "daily-20261121.tar",
        "xdaily-20261101.zip");
    Files.createDirectory(dir.resolve("daily-20261119.zip")); // a directory with our name: not a file of ours

    BackupReport report = BackupJob.builder(client).directory(dir).prefix("daily-")
        .keepOnManager(3).keepLocally(3).build().run();

    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
    assertThat(report.deletedOnManager()).containsExactly("daily-20261101T0300Z", "daily-20261110", "daily-20261118", "daily-20261119", "daily-20261120",
        "daily-20261121", "daily-20261122");
    assertThat(report.skippedOnManager()).isEmpty();
    assertThat(snapshotIds()).containsExactly("Daily-20261101", "daily-20261104", "daily-20261105",
        "daily-20261123", "daily-20261124", "daily-20261125", "daily-20261399", "daily-manual", "weekly-20261101");

    assertThat(report.deletedLocally()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
        "daily-20261122.zip", "daily-20261122.zip.sha256", "daily-20261120.zip", "daily-20261101.zip",
        "daily-20261101.zip.sha256");
    assertThat(files()).containsExactly("daily-20261119.zip", "daily-20261120.zip.bak", "daily-20261121.tar",
        "daily-20261123T1200Z.zip", "daily-20261124.zip", "daily-20261124.zip.sha256", "daily-20261125.zip",
        "daily-20261125.zip.sha256", "daily-latest.zip", "notes.txt", "weekly-20261101.zip",
        "xdaily-20261101.zip");
  }

  @Test
  void aSnapshotThatCannotBeDeletedIsSkippedAndReportedNotFatal() throws Exception {
    m.seed().snapshot("daily-20261123", "created").snapshot("daily-20261124", "created");
    m.faults().on("DELETE", "/snapshots/daily-20261123").respondWithJsonError(400);

    BackupReport report = BackupJob.builder(client).directory(dir).prefix("daily-").keepOnManager(1)
        .build().run();

    assertThat(report.outcome()).isEqualTo(BackupReport.Outcome.CREATED);
    assertThat(report.deletedOnManager()).containsExactly("daily-20261124");
    assertThat(report.skippedOnManager()).containsOnlyKeys("daily-20261123");
    assertThat(report.skippedOnManager().get("daily-20261123")).contains("Injected failure");
    assertThat(snapshotIds()).containsExactly("daily-20261123", "daily-20261125");
    assertThat(files()).containsExactly("daily-20261125.zip", "daily-20261125.zip.sha256");

    // The next run (a no-op for the archive) tries again.
    BackupReport again = BackupJob.builder(client).directory(dir).prefix("daily-").keepOnManager(1)
        .build().run();
    assertThat(again.isNoOp()).isTrue();
    assertThat(again.deletedOnManager()).containsExactly("daily-20261123");
    assertThat(snapshotIds()).containsExactly("daily-20261125");
  }
}
