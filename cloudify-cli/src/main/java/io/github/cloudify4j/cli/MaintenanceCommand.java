package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.maintenance.MaintenanceChange;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.poll.PollOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code maintenance status|activate|deactivate}: the manager's maintenance mode. */
@Command(name = "maintenance", mixinStandardHelpOptions = true, description = "The manager's maintenance mode.",
    subcommands = {MaintenanceCommand.Status.class, MaintenanceCommand.Activate.class,
        MaintenanceCommand.Deactivate.class})
final class MaintenanceCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is missing: status, activate or deactivate");
  }

  static void print(Session s, MaintenanceStatus st, Boolean changed) {
    s.human().println("maintenance mode: " + st.status()
        + (st.remainingExecutions().isEmpty() ? "" : " (" + st.remainingExecutions().size()
            + " executions still running)")
        + (changed == null ? "" : changed ? "" : " (unchanged)"));
    Map<String, Object> doc = Documents.maintenance(st);
    if (changed != null) {
      doc.put("changed", changed);
    }
    s.printJson(doc);
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "activated, activating or deactivated.")
  static final class Status implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;

    Status(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      try (CloudifyClient client = connection.builder(s).build()) {
        print(s, client.maintenance().status(), null);
        return Exit.OK;
      }
    }
  }

  @Command(name = "activate", mixinStandardHelpOptions = true,
      description = "Enter maintenance mode; --wait until running executions have finished.")
  static final class Activate implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;
    @Option(names = "--wait", description = "Wait until activated.") boolean await;
    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = Durations.class,
        description = "With --wait: how long (default 30m).")
    Duration waitTimeout = Duration.ofMinutes(30);

    Activate(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      try (CloudifyClient client = connection.builder(s).build()) {
        MaintenanceChange change = client.maintenance().activate();
        MaintenanceStatus st = change.status();
        if (await && !st.isActivated()) {
          st = client.maintenance().waitUntilActivated(PollOptions.timeout(waitTimeout));
        }
        print(s, st, change.changed());
        return Exit.OK;
      }
    }
  }

  @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Leave maintenance mode.")
  static final class Deactivate implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;

    Deactivate(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      try (CloudifyClient client = connection.builder(s).build()) {
        MaintenanceChange change = client.maintenance().deactivate();
        print(s, change.status(), change.changed());
        return Exit.OK;
      }
    }
  }
}
