package io.github.cloudify4j.snapshots.restore;

import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServiceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The restore's words for durations, health and the executions maintenance mode waits for: one line each. */
final class RestoreText {
  private RestoreText() {}

  /**
   * A pending {@code restore_snapshot} among the executions maintenance mode waits for is most likely what a real
   * manager leaves behind after refusing a restore (corpus seq 134-136): nothing will ever run it.
   */
  static String leftoverHint(MaintenanceStatus last) {
    if (last == null) {
      return "";
    }
    List<String> leftovers = last.remainingExecutions().stream()
        .filter(e -> e.workflowId().filter("restore_snapshot"::equals).isPresent()
            && ExecutionStatus.PENDING.equals(e.status()))
        .map(e -> e.id())
        .collect(Collectors.toList());
    return leftovers.isEmpty() ? "" : " The pending restore_snapshot execution(s) " + String.join(", ", leftovers)
        + " are most likely left over from a refused restore and nothing will run them: kill them"
        + " (client.executions().kill(id)).";
  }

  static String remaining(MaintenanceStatus s) {
    return s.remainingExecutions().stream()
        .map(e -> e.id() + " (" + e.workflowId().orElse("?") + e.deploymentId().map(d -> " on " + d).orElse("")
            + ", " + e.status() + ")")
        .collect(Collectors.joining(", "));
  }

  /** {@code status Fail; not active: rabbitmq, mgmtworker (of 9 services)}: a line, not the whole status. */
  static String healthSummary(ManagerStatus status) {
    List<String> down = new ArrayList<>();
    for (Map.Entry<String, ServiceStatus> e : status.services().entrySet()) {
      if (!e.getValue().isActive()) {
        down.add(e.getKey());
      }
    }
    String summary = "status " + status.status();
    if (down.isEmpty()) {
      return summary + " (" + status.services().size() + " services, none reported inactive)";
    }
    int max = 6;
    String names = down.size() <= max ? String.join(", ", down)
        : String.join(", ", down.subList(0, max)) + " and " + (down.size() - max) + " more";
    return summary + "; not active: " + names + " (of " + status.services().size() + " services)";
  }

  static String human(Duration d) {
    long s = d.getSeconds();
    if (s < 1) {
      return d.toMillis() + " ms";
    }
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return (s / 60) + " min";
    }
    return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
  }
}
