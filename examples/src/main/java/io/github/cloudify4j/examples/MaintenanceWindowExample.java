package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.maintenance.MaintenanceChange;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.RemainingExecution;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.examples.console.Human;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A maintenance window: activate, wait until the manager is really {@code activated}, do the work, deactivate.
 *
 * <p>Activation is two-step: the manager says {@code activating} while executions (running, queued, scheduled)
 * remain, and only then {@code activated}. Work that needs a quiet manager (a restore) must wait for the second.
 */
public final class MaintenanceWindowExample {
  private MaintenanceWindowExample() {}

  /** Runs {@code work} inside a maintenance window; leaves maintenance mode as it found it. */
  public static void run(CloudifyClient client, PrintStream out, Duration maxWait, Runnable work) {
    MaintenanceChange change = client.maintenance().activate();
    // changed() is false when it was already on: then it is not ours to switch off afterwards.
    out.println(change.changed() ? "Maintenance mode: activation requested (" + change.status().status() + ")"
        : "Maintenance mode was already " + change.status().status() + ": leaving it on afterwards");
    try {
      MaintenanceStatus status = client.maintenance().waitUntilActivated(
          PollOptions.builder().maxWait(maxWait).initialDelay(Duration.ofSeconds(1))
              .maxDelay(Duration.ofSeconds(10)).build(),
          poll -> poll.value().filter(MaintenanceStatus::isActivating).ifPresent(s -> out.println(
              "  activating after " + Human.duration(poll.elapsed()) + "; waiting for "
                  + s.remainingExecutions().size() + " execution(s): "
                  + s.remainingExecutions().stream().map(MaintenanceWindowExample::describe)
                      .collect(Collectors.joining(", ")))));
      out.println("Maintenance mode: activated" + status.activatedAt().map(t -> " at " + t).orElse(""));
      work.run();
    } finally {
      if (change.changed()) {
        client.maintenance().deactivate();
        out.println("Maintenance mode: deactivated");
      }
    }
  }

  private static String describe(RemainingExecution e) {
    return e.id() + " (" + e.workflowId().orElse("?") + e.deploymentId().map(d -> " on " + d).orElse("")
        + ", " + e.status() + ")";
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv(), UnaryOperator.identity()));
  }

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a = Args.parse(args);
    if (a.flag("help")) {
      out.println("usage: MaintenanceWindowExample [connection options] [--max-wait-minutes N]");
      return 0;
    }
    Duration maxWait = Duration.ofMinutes(Long.parseLong(a.option("max-wait-minutes", "30")));
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      run(client, out, maxWait, () -> out.println("  (the work of the window goes here)"));
    }
    return 0;
  }
}
