package io.github.cloudify4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer progress as a terminal receives it: frames redrawn in place with a carriage return, padded so a
 * shorter frame erases a longer one, and one final line; as plain lines when stdout is not a terminal or carries
 * JSON.
 */
class ProgressOnATerminalTest {
  @TempDir Path tmp;

  @Test
  void aDownloadRedrawsOneLineOnATerminal() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      m.seed().blueprints(20).snapshot("s1", "created");
      Cli cli = new Cli(tmp).on(m).envFor(m);
      cli.interactive = true;

      assertThat(cli.run("snapshots", "download", "s1", tmp.resolve("s1.zip").toString())).as(cli.toString())
          .isZero();

      String out = cli.out();
      // Every frame starts with \r and none ends a line until the final one.
      List<String> frames = Arrays.stream(out.split("\r")).filter(f -> !f.isEmpty()).collect(Collectors.toList());
      assertThat(frames).hasSizeGreaterThanOrEqualTo(2);
      assertThat(out).startsWith("\r  download  [");
      for (String f : frames.subList(0, frames.size() - 1)) {
        assertThat(f).matches("  download  \\[[#.]{24}\\] +\\d+ %  .* / .*  .*/s *").doesNotContain("\n");
      }
      String last = frames.get(frames.size() - 1);
      assertThat(last).matches("(?s)  download  \\[#{24}\\] 100 %  .* in .* \\(.*/s\\) *\\n.*");
      assertThat(last.substring(last.indexOf('\n') + 1)).startsWith(tmp.resolve("s1.zip").toString());
    }
  }

  @Test
  void plainLinesWhenTheOutputIsJsonEvenOnATerminal() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      m.seed().blueprints(20).snapshot("s1", "created");
      Cli cli = new Cli(tmp).on(m).envFor(m);
      cli.interactive = true;

      assertThat(cli.run("snapshots", "download", "s1", tmp.resolve("s1.zip").toString(), "--output", "json"))
          .as(cli.toString()).isZero();
      assertThat(cli.err()).doesNotContain("\r").containsPattern("(?m)^  download  \\[#{24}\\] 100 %");
      assertThat(cli.json().get("bytes").asLong()).isPositive();
    }
  }
}
