package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.maintenance.MaintenanceChange;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.RemainingExecution;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.examples.console.Human;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /**
   * Runs {@code work} inside a maintenance window; leaves maintenance mode as it found it.
   *
   * @throws WaitTimeoutException when the window is not reached within {@code maxWait}; maintenance mode is then
   *     already left as it was found, and the message says so
   */
  public static void run(CloudifyClient client, PrintStream out, Duration maxWait, Runnable work) {
    MaintenanceChange change = client.maintenance().activate();
    // changed() is false when it was already on: then it is not ours to switch off afterwards.
    out.println(change.changed() ? "Maintenance mode: activation requested (" + change.status().status() + ")"
        : "Maintenance mode was already " + change.status().status() + ": leaving it on afterwards");
    try {
      MaintenanceStatus status;
      try {
        status = client.maintenance().waitUntilActivated(
            PollOptions.builder().maxWait(maxWait).initialDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(10)).build(),
            poll -> poll.value().filter(MaintenanceStatus::isActivating).ifPresent(s -> out.println(
                "  activating after " + Human.duration(poll.elapsed()) + "; waiting for "
                    + s.remainingExecutions().size() + " execution(s): "
                    + s.remainingExecutions().stream().map(MaintenanceWindowExample::describe)
                        .collect(Collectors.joining(", ")))));
      } catch (WaitTimeoutException e) {
        // The library's advice ("cancel them, wait longer, or deactivate") is for a caller that keeps the manager
        // activating; this example gives up and switches it off below, so it says what it does instead.
        MaintenanceStatus last = e.lastObserved(MaintenanceStatus.class).orElse(null);
        String running = last == null || last.remainingExecutions().isEmpty() ? "none reported"
            : last.remainingExecutions().stream().map(MaintenanceWindowExample::describe)
                .collect(Collectors.joining(", "));
        throw new WaitTimeoutException("maintenance mode was not activated within " + Human.duration(maxWait)
            + "; executions still running: " + running + ". " + (change.changed()
                ? "The window was given up and maintenance mode deactivated again; nothing else was changed."
                : "It was already " + change.status().status() + " before this example and is left so."),
            last, e.attempts(), e.elapsed(), e);
      }
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
    Cli.logLevels(args);
    System.exit(run(args, System.out, System.err, System.getenv(), UnaryOperator.identity()));
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: MaintenanceWindowExample [connection options] [--max-wait-minutes N] [--debug]",
      "  --max-wait-minutes N   how long to wait for maintenance mode to be activated (default 30)",
      "Exit codes: 0 done; 1 failed (maintenance mode is left as it was found); 2 bad arguments.");

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a;
    Duration maxWait;
    try {
      a = Args.parse(args);
      if (a.flag("help")) {
        out.println(USAGE);
        return Cli.OK;
      }
      List<String> known = new ArrayList<>(Arrays.asList(Cli.COMMON_OPTIONS));
      known.add("max-wait-minutes");
      a.requireKnown(known.toArray(new String[0]));
      maxWait = Duration.ofMinutes(Cli.atLeast(a, "max-wait-minutes", 1, 30));
    } catch (IllegalArgumentException e) {
      return Cli.usage(err, Cli.oneLine(e));
    }
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      run(client, out, maxWait, () -> out.println("  (the work of the window goes here)"));
      return Cli.OK;
    } catch (RuntimeException e) {
      return Cli.ended(err, e, a.flag("debug"));
    }
  }
}
