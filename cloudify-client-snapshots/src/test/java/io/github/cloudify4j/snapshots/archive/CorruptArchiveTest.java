package io.github.cloudify4j.snapshots.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import io.github.cloudify4j.client.errors.CloudifyLocalIoException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorruptArchiveTest {

  @TempDir
  static Path dir;

  private static Path write(String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path zipWith(String name, String metadata, String extraName, String extra) {
    Path p = dir.resolve(name);
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(p)) {
      if (metadata != null) {
        z.file("metadata.json", metadata);
      }
      if (extraName != null) {
        z.file(extraName, extra);
      }
    }
    return p;
  }

  static Stream<Arguments> corruptInputs() {
    byte[] good = ArchiveFixtures.bytes(ArchiveFixtures.sevenX(dir.resolve("good.zip")));
    return Stream.of(
        Arguments.of("empty file", (Function<String, Path>) n -> write(n, new byte[0]), "the file is empty"),
        Arguments.of("not a zip", (Function<String, Path>) n -> write(n,
            "just some text, not a zip".getBytes(StandardCharsets.UTF_8)), "not a zip file"),
        Arguments.of("truncated zip", (Function<String, Path>) n -> write(n,
            Arrays.copyOf(good, good.length / 2)), "truncated"),
        Arguments.of("zip cut one byte short", (Function<String, Path>) n -> write(n,
            Arrays.copyOf(good, good.length - 1)), "truncated"),
        Arguments.of("no metadata", (Function<String, Path>) n -> zipWith(n, null, "pg_data", "--"),
            "there is no metadata.json"),
        Arguments.of("malformed metadata", (Function<String, Path>) n -> zipWith(n,
            "{\"snapshot_version\": \"7.0.4\",", null, null), "metadata.json is not valid JSON"),
        Arguments.of("metadata not an object", (Function<String, Path>) n -> zipWith(n,
            "[\"7.0.4\"]", null, null), "metadata.json is not a JSON object"),
        Arguments.of("empty metadata", (Function<String, Path>) n -> zipWith(n, "", null, null),
            "metadata.json is not"),
        Arguments.of("malformed dump file", (Function<String, Path>) n -> zipWith(n,
            "{\"snapshot_version\": \"7.0.4\"}", "mgmt/00000001.json", "{\"type\": \"users\", \"items\": [{"),
            "entity dump file mgmt/00000001.json"),
        Arguments.of("dump without type", (Function<String, Path>) n -> zipWith(n,
            "{\"snapshot_version\": \"7.0.4\"}", "tenants/t/00000001.json", "{\"items\": []}"),
            "tenants/t/00000001.json has no \"type\""),
        Arguments.of("dump without items", (Function<String, Path>) n -> zipWith(n,
            "{\"snapshot_version\": \"7.0.4\"}", "mgmt/1.json", "{\"type\": \"users\"}"),
            "has no \"items\""),
        Arguments.of("dump is a list", (Function<String, Path>) n -> zipWith(n,
            "{\"snapshot_version\": \"7.0.4\"}", "mgmt/1.json", "[]"), "is not a JSON object"),
        Arguments.of("malformed legacy agents.json", (Function<String, Path>) n -> {
          Path p = dir.resolve(n);
          try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(p)) {
            z.file("metadata.json", "{\"snapshot_version\": \"6.4.2\", \"schema_revision\": \"a\"}")
                .file("pg_data", "--").file("agents.json", "{\"t\": ");
          }
          return p;
        }, "agents.json is not valid JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptInputs")
  void corruptInputIsInvalidArchive(String label, Function<String, Path> make, String reason) {
    Path file = make.apply(label.replace(' ', '-') + ".zip");

    assertThatThrownBy(() -> SnapshotArchive.inspect(file))
        .isInstanceOf(InvalidSnapshotArchiveException.class)
        .hasMessageStartingWith("Not a valid Cloudify snapshot archive: " + file)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((InvalidSnapshotArchiveException) e).archive()).isEqualTo(file));
  }

  @Test
  void missingFileIsAnIoProblemNotACorruptArchive() {
    Path missing = dir.resolve("nope.zip");
    assertThatThrownBy(() -> SnapshotArchive.inspect(missing))
        .isInstanceOfSatisfying(CloudifyLocalIoException.class, e -> assertThat(e.path()).contains(missing))
        .hasCauseInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope.zip");
    assertThatThrownBy(() -> SnapshotArchive.inspect(dir))
        .isInstanceOfSatisfying(CloudifyLocalIoException.class, e -> assertThat(e.path()).contains(dir))
        .hasMessageContaining("not a regular file");
  }

  @Test
  void nullPathIsRejected() {
    assertThatThrownBy(() -> SnapshotArchive.inspect(null))
        .isInstanceOf(NullPointerException.class).hasMessage("zip == null");
  }
}
