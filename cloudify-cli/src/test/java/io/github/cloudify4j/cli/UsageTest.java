package io.github.cloudify4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --help, usage errors (exit 2, one line, nothing sent) and the demo's pass-through. */
class UsageTest {
  @TempDir Path tmp;

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Cli cli = new Cli(tmp);
    assertThat(cli.run("--help")).isZero();
    for (String c : new String[] {"backup", "restore", "migrate", "snapshots", "maintenance", "status", "doctor",
        "demo"}) {
      assertThat(cli.out()).containsPattern("(?m)^  " + c + " ");
    }
    assertThat(cli.out()).contains("Exit codes: 0 done; 1 failed; 2 bad usage");
    assertThat(cli.run("snapshots", "--help")).isZero();
    assertThat(cli.out()).contains("list").contains("download").contains("delete");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Cli cli = new Cli(tmp);
    String[][] cases = {{}, {"bakup"}, {"backup", "--keep-on-manager", "many"}, {"backup", "--output", "xml"},
        {"snapshots"}, {"maintenance"}, {"backup", "--slot", "0s"}, {"status"}};
    for (String[] args : cases) {
      assertThat(cli.run(args)).as(String.join(" ", args) + "\n" + cli).isEqualTo(Exit.USAGE);
      assertThat(cli.err().lines().filter(l -> l.startsWith("error: "))).as(cli.toString()).hasSize(1);
      assertThat(cli.out()).isEmpty();
    }
  }

  @Test
  void durations() {
    assertThat(Durations.parse("1h30m")).hasMinutes(90);
    assertThat(Durations.parse("90s")).hasSeconds(90);
    assertThat(Durations.parse("PT10M")).hasMinutes(10);
    assertThat(Durations.parse("10 minutes")).isNull();
  }

  @Test
  void demoPassesItsArgumentsThrough() {
    Cli cli = new Cli(tmp);
    assertThat(cli.run("demo", "--help")).isZero();
    assertThat(cli.out()).contains("--profile 5.0.5|6.4|7.0.4");
    assertThat(cli.run("demo", "--profile", "4.0")).isEqualTo(Exit.USAGE);
  }
}
