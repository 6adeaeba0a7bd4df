package io.github.cloudify4j.snapshots.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackupJobValidationTest {
  @TempDir static Path dir;
  static FakeCloudifyManager m;
  static CloudifyClient client;

  @BeforeAll
  static void start() {
    m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
    client = VirtualTime.client(m).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    m.close();
  }

  static Arguments bad(String parameter, String label, Consumer<BackupJob.Builder> change) {
    return Arguments.of(parameter, label, change);
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        bad("prefix", "null", b -> b.prefix(null)),
        bad("prefix", "empty", b -> b.prefix("")),
        bad("prefix", "blank", b -> b.prefix("   ")),
        bad("prefix", "digit first", b -> b.prefix("1daily-")),
        bad("prefix", "dash first", b -> b.prefix("-daily")),
        bad("prefix", "slash", b -> b.prefix("daily/")),
        bad("prefix", "space", b -> b.prefix("daily backup-")),
        bad("prefix", "tilde", b -> b.prefix("daily~")),
        bad("prefix", "non-ASCII letter", b -> b.prefix("dä-")),
        bad("prefix", "control character", b -> b.prefix("daily\n")),
        bad("prefix", "too long", b -> b.prefix("d".repeat(201))),
        bad("prefix", "missing", b -> { }),
        bad("directory", "null", b -> b.prefix("daily-").directory(null)),
        bad("directory", "does not exist", b -> b.prefix("daily-").directory(dir.resolve("no-such-dir"))),
        bad("directory", "a file", b -> b.prefix("daily-").directory(dir.resolve("a-file"))),
        bad("keepOnManager", "0", b -> b.keepOnManager(0)),
        bad("keepOnManager", "-1", b -> b.keepOnManager(-1)),
        bad("keepLocally", "0", b -> b.keepLocally(0)),
        bad("createTimeout", "null", b -> b.createTimeout(null)),
        bad("createTimeout", "zero", b -> b.createTimeout(Duration.ZERO)),
        bad("createTimeout", "negative", b -> b.createTimeout(Duration.ofMinutes(-1))),
        bad("slotLength", "null", b -> b.slotLength(null)),
        bad("slotLength", "zero", b -> b.slotLength(Duration.ZERO)),
        bad("slotLength", "negative", b -> b.slotLength(Duration.ofDays(-1))),
        bad("slotLength", "under a minute", b -> b.slotLength(Duration.ofSeconds(30))),
        bad("slotLength", "fractional", b -> b.slotLength(Duration.ofMillis(90_500))),
        bad("downloadAttempts", "0", b -> b.downloadAttempts(0)),
        bad("createOptions", "null", b -> b.createOptions(null)),
        bad("listener", "null", b -> b.listener(null)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badInput")
  void badInputIsRejectedNamingTheParameterBeforeAnyRequest(String parameter, String label,
      Consumer<BackupJob.Builder> change) throws Exception {
    Files.write(dir.resolve("a-file"), new byte[] {1});
    m.journal().clear();
    BackupJob.Builder b = parameter.equals("prefix") || parameter.equals("directory")
        ? BackupJob.builder(client).directory(dir) : BackupJob.builder(client).directory(dir).prefix("daily-");

    // One rule for every workflow builder: null -> NPE "x == null", required setting never made -> ISE naming it,
    // any other bad value -> IAE naming the parameter.
    Class<? extends RuntimeException> expected = label.equals("null") ? NullPointerException.class
        : label.equals("missing") ? IllegalStateException.class : IllegalArgumentException.class;
    assertThatThrownBy(() -> {
      change.accept(b);
      b.build();
    }).isExactlyInstanceOf(expected).hasMessageStartingWith(parameter);
    if (label.equals("null")) {
      assertThatThrownBy(() -> change.accept(b)).hasMessage(parameter + " == null");
    }
    assertThat(m.journal().isEmpty()).isTrue();
  }

  @Test
  void nullClientAndMissingDirectoryAreRejected() {
    assertThatThrownBy(() -> BackupJob.builder(null)).isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("client == null");
    assertThatThrownBy(() -> BackupJob.builder(client).prefix("daily-").build())
        .isExactlyInstanceOf(IllegalStateException.class).hasMessageStartingWith("directory is required");
    assertThatThrownBy(() -> BackupJob.builder(client).directory(dir).build())
        .isExactlyInstanceOf(IllegalStateException.class).hasMessageStartingWith("prefix is required");
  }

  @Test
  void goodPrefixesAreAccepted() {
    for (String p : new String[] {"daily-", "d", "Nightly_backup.", "prod.eu-1_"}) {
      assertThat(BackupJob.builder(client).directory(dir).prefix(p).build().prefix()).isEqualTo(p);
    }
    assertThat(m.journal().isEmpty()).isTrue();
  }
}
