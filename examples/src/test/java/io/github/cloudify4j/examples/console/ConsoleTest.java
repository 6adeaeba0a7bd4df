package io.github.cloudify4j.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleTest {
  @Test
  void durationsInHumanUnits() {
    assertThat(Human.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(Human.duration(Duration.ofMillis(1400))).isEqualTo("1.4 s");
    assertThat(Human.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(Human.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    assertThat(Human.duration(Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
  }

  @Test
  void sizesInHumanUnits() {
    assertThat(Human.bytes(512)).isEqualTo("512 B");
    assertThat(Human.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Human.bytes(12_897_485)).isEqualTo("12.3 MiB");
    assertThat(Human.bytes(1_288_490_189L)).isEqualTo("1.20 GiB");
  }

  @Test
  void tableAlignsColumnsAndRightAlignsMarkedOnes() {
    Table t = new Table("ID", "SIZE>").row("a", "1 B").row("longer-id", "12.3 MiB");
    assertThat(t.lines()).containsExactly(
        "  ID             SIZE",
        "  ---------  --------",
        "  a               1 B",
        "  longer-id  12.3 MiB");
  }

  @Test
  void progressBarPrintsOneLinePerTenPercentWhenNotATerminal() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(Terminal.plain(new PrintStream(buf, true, StandardCharsets.UTF_8)), "upload");
    for (long done = 0; done <= 1000; done += 7) {
      bar.update(done, 1000);
    }
    bar.update(1000, 1000);
    bar.finish();
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out).doesNotContain("\r");
    assertThat(out.lines().count()).isEqualTo(10);
    assertThat(out).contains(" 10 %").contains("100 %");
  }

  @Test
  void progressBarRedrawsInPlaceOnATerminal() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new Terminal(new PrintStream(buf, true, StandardCharsets.UTF_8), true), "dl");
    bar.update(500, 1000);
    bar.finish();
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("\r").contains(" 50 %").endsWith(System.lineSeparator());
    assertThat(out.split("\n")).hasSize(1);
  }

  @Test
  void liveLinePrintsOnlyChangesOfShapeWhenNotATerminal() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    LiveLine live = new LiveLine(Terminal.plain(new PrintStream(buf, true, StandardCharsets.UTF_8)), "  ");
    live.show("unreachable for 1 s");
    live.show("unreachable for 2 s");
    live.show("running");
    live.finish("over");
    assertThat(buf.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "  unreachable for 1 s", "  running", "  over");
  }
}
