package io.github.cloudify4j.snapshots.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The archive size against the job's earlier archives (user-pain 8.5: the disk fills up during create). */
class BackupSizeTrendTest extends FakeManagerTest {
  private BackupJob.Builder job() {
    return BackupJob.builder(client).directory(dir).prefix("daily-");
  }

  /** Today's archive, and the next day on the clock: its size is what tomorrow's archive will be close to. */
  private long firstArchive() {
    long size = job().build().run().bytes();
    m.advance(Duration.ofDays(1));
    return size;
  }

  private void earlier(long size, String... days) throws IOException {
    for (String day : days) {
      Files.write(dir.resolve("daily-202611" + day + ".zip"), new byte[(int) size]);
    }
  }

  @Test
  void aMuchBiggerArchiveIsAWarningNamingTheDisk() throws Exception {
    long size = firstArchive();
    earlier(size / 4, "21", "22", "23", "24");

    BackupReport report = job().build().run();

    assertThat(report.snapshotId()).isEqualTo("daily-20261126");
    assertThat(report.typicalBytes()).hasValue(size / 4); // 21..24 and 25: the median of five
    assertThat(report.warnings()).singleElement().asString()
        .startsWith("archive size " + report.bytes() + " bytes is ")
        .contains("times the typical " + size / 4 + " bytes of the last 5 archives")
        .endsWith("check the manager's free disk space before the next create");
  }

  @Test
  void aMuchSmallerArchiveIsAWarningToo() throws Exception {
    long size = firstArchive();
    earlier(size * 3, "22", "23", "24");

    BackupReport report = job().build().run();

    assertThat(report.typicalBytes()).hasValue(size * 3);
    assertThat(report.warnings()).singleElement().asString()
        .endsWith("check that the snapshot holds what it should");
  }

  @Test
  void aSizeWithinTheFactorIsOnlyRecorded() throws Exception {
    long size = firstArchive();
    earlier(size * 3, "22", "23", "24");

    BackupReport report = job().sizeWarningFactor(4).build().run();

    assertThat(report.typicalBytes()).hasValue(size * 3);
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void fewerThanThreeEarlierArchivesGiveNoTypicalSize() throws Exception {
    long size = firstArchive();
    earlier(size * 10, "24");

    BackupReport report = job().build().run();

    assertThat(report.typicalBytes()).isEmpty();
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void aRunThatFindsItsArchiveDoneDoesNotWarnAgain() throws Exception {
    long size = firstArchive();
    earlier(size / 4, "22", "23", "24");
    assertThat(job().build().run().warnings()).hasSize(1);

    BackupReport again = job().build().run();

    assertThat(again.isNoOp()).isTrue();
    assertThat(again.typicalBytes()).isPresent();
    assertThat(again.warnings()).isEmpty();
  }

  @Test
  void theFactorMustBeAFiniteNumberAboveOne() {
    for (double bad : new double[] {1.0, 0.5, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> job().sizeWarningFactor(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sizeWarningFactor");
    }
  }
}
