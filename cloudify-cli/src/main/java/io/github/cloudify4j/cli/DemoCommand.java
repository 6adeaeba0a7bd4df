package io.github.cloudify4j.cli;

import io.github.cloudify4j.examples.BackupAndRestoreDemo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code demo}: the examples' backup-and-disaster-restore demo (the README's first command), run in-process with
 * the arguments it takes ({@code cloudify4j demo --help} prints them). Reused from the examples module, not copied.
 */
@Command(name = "demo", description = {"The demo: a daily backup, then a disaster restore, on embedded managers.",
    "Two embedded fake managers play the parts (about 15 s; nothing leaves this machine).",
    "demo --help lists its options."})
final class DemoCommand implements Callable<Integer> {
  private final Session s;

  @Unmatched List<String> args = new ArrayList<>();

  DemoCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() {
    List<String> all = new ArrayList<>(args);
    if (s.debug) {
      all.add("--debug");
    } else if (s.verbose) {
      all.add("--verbose");
    }
    return BackupAndRestoreDemo.run(s.terminal(), s.err, s.env, all.toArray(new String[0]));
  }
}
