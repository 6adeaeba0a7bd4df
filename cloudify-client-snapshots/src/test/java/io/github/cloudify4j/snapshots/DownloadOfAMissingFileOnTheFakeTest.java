package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #14 item 6, against the fake manager: a snapshot row whose archive file was removed from the manager's
 * storage downloads through nginx as an HTML 404 that still carries {@code Content-Disposition} (corpus seq 100;
 * the fake answers the same). The status decides, never the headers: a typed {@link NotFoundException}, not
 * retried, and nothing in the target directory — while a snapshot whose file is there still downloads.
 */
class DownloadOfAMissingFileOnTheFakeTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(ServerProfile.class)
  void aRowWithoutItsFileIsNotFoundAndLeavesNothing(ServerProfile profile) throws Exception {
    try (FakeCloudifyManager manager = FakeCloudifyManager.builder().profile(profile).edition(Edition.COMMUNITY)
        .build().start();
        CloudifyClient client = VirtualTime.client(manager).build()) {
      manager.seed().blueprints(1).snapshot("gone", "created").snapshot("kept", "created");
      Files.delete(manager.archivePath("gone"));
      assertThat(manager.snapshotStatus("gone")).as("the row is still there").isEqualTo("created");
      Snapshots snapshots = Snapshots.of(client);
      Path empty = Files.createDirectory(dir.resolve("empty"));
      Path target = empty.resolve("gone.zip");

      Throwable t = catchThrowable(() -> snapshots.download("gone", target));

      assertThat(t).isInstanceOf(NotFoundException.class);
      NotFoundException e = (NotFoundException) t;
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.requestUrl()).endsWith("/api/v3.1/snapshots/gone/archive");
      assertThat(target).doesNotExist();
      try (Stream<Path> left = Files.list(empty)) {
        assertThat(left).as("nothing left in the target directory").isEmpty();
      }
      List<RecordedRequest> gets = manager.journal().matching("GET", "/snapshots/gone/archive");
      assertThat(gets).as("a 404 is not retried").hasSize(1);
      assertThat(gets.get(0).status()).isEqualTo(404);

      // The same download of a row that has its file works: the 404 came from the missing file alone.
      Path kept = dir.resolve("kept.zip");
      snapshots.download("kept", kept);
      assertThat(Files.readAllBytes(kept)).isEqualTo(Files.readAllBytes(manager.archivePath("kept")));
    }
  }
}
