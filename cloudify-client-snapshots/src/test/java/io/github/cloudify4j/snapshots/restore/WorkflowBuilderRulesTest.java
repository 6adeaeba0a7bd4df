package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workflows' one error rule for their builders (the BackupJob's side is in BackupJobValidationTest): a null
 * argument is a {@link NullPointerException} "x == null" at once; a required setting never made is an {@link
 * IllegalStateException} at {@code build()} that names it. No request is needed to find out, so no manager runs.
 */
class WorkflowBuilderRulesTest {
  private static CloudifyClient client;
  @TempDir static Path dir;

  @BeforeAll
  static void client() {
    client = CloudifyClient.builder().manager(URI.create("http://127.0.0.1:9/")).basicAuth("admin", "admin").build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static Stream<Arguments> nullArguments() {
    return Stream.of(
        nullArgument("snapshotId", b -> b.snapshotId(null)),
        nullArgument("archive", b -> b.uploadFrom(null)),
        nullArgument("archiveUrl", b -> b.uploadFromUrl(null)),
        nullArgument("policy", b -> b.onExistingSnapshot(null)),
        nullArgument("restoreOptions", b -> b.restoreOptions(null)),
        nullArgument("credentials", b -> b.postRestoreCredentials(null)),
        nullArgument("node", b -> b.node(null)),
        nullArgument("timeouts", b -> b.timeouts(null)),
        nullArgument("pollOptions", b -> b.pollOptions(null)),
        nullArgument("listener", b -> b.listener(null)),
        nullArgument("failedRun", b -> b.resumeFrom(null)));
  }

  private static Arguments nullArgument(String name, Consumer<RestoreOrchestrator.Builder> call) {
    return Arguments.of(name, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullArguments")
  void aNullArgumentToTheOrchestratorIsANullPointerExceptionNamingIt(String name,
      Consumer<RestoreOrchestrator.Builder> call) {
    assertThatThrownBy(() -> call.accept(RestoreOrchestrator.builder(client)))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage(name + " == null");
  }

  @Test
  void aNullClientIsANullPointerException() {
    assertThatThrownBy(() -> RestoreOrchestrator.builder(null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("client == null");
    assertThatThrownBy(() -> Migration.builder(null, client))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("source == null");
    assertThatThrownBy(() -> Migration.builder(client, null))
        .isExactlyInstanceOf(NullPointerException.class).hasMessage("target == null");
  }

  @Test
  void aMissingSnapshotChoiceIsAnIllegalStateExceptionNamingTheSettings() {
    assertThatThrownBy(() -> RestoreOrchestrator.builder(client).build())
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("snapshotId(...)").hasMessageContaining("latestRestorableSnapshot()");
  }

  @Test
  void migrationNullsAndMissingWorkDirFollowTheSameRule() {
    CloudifyClient other = CloudifyClient.builder().manager(URI.create("http://127.0.0.2:9/")).basicAuth("admin",
        "admin").build();
    try {
      assertThatThrownBy(() -> Migration.builder(client, other).workDir(null))
          .isExactlyInstanceOf(NullPointerException.class).hasMessage("workDir == null");
      assertThatThrownBy(() -> Migration.builder(client, other).listener(null))
          .isExactlyInstanceOf(NullPointerException.class).hasMessage("listener == null");
      assertThatThrownBy(() -> Migration.builder(client, other).build())
          .isExactlyInstanceOf(IllegalStateException.class).hasMessageStartingWith("workDir(...) is required");
    } finally {
      other.close();
    }
  }
}
