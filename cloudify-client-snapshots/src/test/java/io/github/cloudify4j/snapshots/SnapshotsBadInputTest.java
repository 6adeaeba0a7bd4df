package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.errors.CloudifyLocalIoException;
import io.github.cloudify4j.client.poll.PollOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every method refuses bad arguments before sending anything, naming the parameter. */
class SnapshotsBadInputTest extends MockManager {
  @TempDir
  static Path dir;

  static final List<String> BAD_IDS = List.of("", " ", "\t", "..", ".", "/", "a/b", "../etc", "%2e%2e", "a%2Fb",
      "a?b", "a#b", "?", "#", "a".repeat(257), "a\nb", "a\u0000b", "a\u007fb", "sn\u0430pshot", "\u0455nap",
      "a b", "a\\b", "é");

  static Stream<Arguments> operations() throws Exception {
    Path archive = Files.write(Files.createTempFile("bad-input", ".zip"), new byte[] {1, 2, 3});
    archive.toFile().deleteOnExit();
    List<Arguments> ops = new ArrayList<>();
    ops.add(op("get", s -> id -> s.get(id)));
    ops.add(op("find", s -> id -> s.find(id)));
    ops.add(op("delete", s -> id -> s.delete(id)));
    ops.add(op("create", s -> id -> s.create(id)));
    ops.add(op("create(options)", s -> id -> s.create(id, SnapshotCreateOptions.defaults())));
    ops.add(op("upload(path)", s -> id -> s.upload(id, archive)));
    ops.add(op("upload(stream)", s -> id -> s.upload(id, new ByteArrayInputStream(new byte[3]), 3,
        TransferListener.none())));
    ops.add(op("uploadFromUrl", s -> id -> s.uploadFromUrl(id, URI.create("https://example.com/a.zip"))));
    ops.add(op("download", s -> id -> s.download(id, dir.resolve("out.zip"))));
    ops.add(op("openArchive", s -> id -> s.openArchive(id)));
    ops.add(op("restore", s -> id -> s.restore(id, RestoreOptions.defaults())));
    ops.add(op("waitUntilCreated", s -> id -> s.waitUntilCreated(id, PollOptions.defaults())));
    return ops.stream();
  }

  interface Op extends java.util.function.Function<Snapshots, Consumer<String>> {
  }

  static Arguments op(String name, Op op) {
    return Arguments.of(name, op);
  }

  /**
   * Create checks the manager's id rule (it refuses the rest with 400); every other operation works on an id the
   * manager may already hold (an upload stores any id), so it refuses only what no path segment can carry.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void refusesBadIds(String name, Op op) {
    Consumer<String> call = op.apply(snapshots);
    assertThatThrownBy(() -> call.accept(null))
        .as("%s(null)", name).isInstanceOf(NullPointerException.class).hasMessageStartingWith("snapshotId");
    List<String> refused = name.startsWith("create") ? BAD_IDS : List.of("", ".", "..");
    for (String bad : refused) {
      assertThatThrownBy(() -> call.accept(bad))
          .as("%s(\"%s\")", name, bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("snapshotId");
    }
    assertThat(server.getRequestCount()).isZero();
    assertThat(dir.resolve("out.zip")).doesNotExist();
  }

  @Test
  void refusesNullAndBadOtherArguments() {
    Path archive = dir.resolve("a.zip");
    assertThatThrownBy(() -> snapshots.list(null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("params");
    assertThatThrownBy(() -> snapshots.listAll(null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("params");
    assertThatThrownBy(() -> snapshots.create("s", null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("options");
    assertThatThrownBy(() -> snapshots.upload("s", (Path) null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("archive");
    // the file system's state is not the argument's fault: a CloudifyException naming the path (one rule)
    assertThatThrownBy(() -> snapshots.upload("s", archive))
        .isInstanceOfSatisfying(CloudifyLocalIoException.class, e -> assertThat(e.path()).contains(archive))
        .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThatThrownBy(() -> snapshots.upload("s", dir))
        .isInstanceOfSatisfying(CloudifyLocalIoException.class, e -> assertThat(e.path()).contains(dir))
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> snapshots.upload("s", archive, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> snapshots.upload("s", null, 1, TransferListener.none()))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("in");
    assertThatThrownBy(() -> snapshots.upload("s", new ByteArrayInputStream(new byte[0]), -1,
        TransferListener.none())).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("length");
    assertThatThrownBy(() -> snapshots.uploadFromUrl("s", null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("archiveUrl");
    assertThatThrownBy(() -> snapshots.download("s", null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("target");
    assertThatThrownBy(() -> snapshots.download("s", dir.resolve("x.zip"), null))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("options");
    assertThatThrownBy(() -> snapshots.restore("s", null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("options");
    assertThatThrownBy(() -> snapshots.waitUntilCreated("s", null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("options");
    assertThatThrownBy(() -> snapshots.waitUntilRestoreFinished(null, e -> { }))
        .isInstanceOf(NullPointerException.class).hasMessageStartingWith("options");
    assertThatThrownBy(() -> Snapshots.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("client");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesBadOptions() {
    assertThatThrownBy(() -> SnapshotCreateOptions.builder().tempdirPath("relative/dir"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tempdirPath");
    assertThatThrownBy(() -> SnapshotCreateOptions.builder().tempdirPath(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tempdirPath");
    assertThatThrownBy(() -> SnapshotCreateOptions.builder().tempdirPath("/tmp/a\nb"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tempdirPath");
    assertThatThrownBy(() -> SnapshotCreateOptions.builder().listenerTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("listenerTimeout");
    assertThatThrownBy(() -> SnapshotCreateOptions.builder().legacy(true)
        .listenerTimeout(java.time.Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("listenerTimeout");
    assertThatThrownBy(() -> RestoreOptions.builder().workflowTimeout(java.time.Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("workflowTimeout");
    assertThatThrownBy(() -> RestoreOptions.builder().tenantName("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tenantName");
    assertThatThrownBy(() -> DownloadOptions.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxAttempts");
    assertThatThrownBy(() -> ListParams.builder().filter("status", "a\u0000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
