package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.Table;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.StepResult;
import io.github.cloudify4j.snapshots.restore.Verification;
import java.io.PrintStream;
import java.util.Map;
import java.util.StringJoiner;

/** Prints a restore plan (before) and a restore report (after) for a person. */
public final class RestorePrinter {
  private RestorePrinter() {}

  public static void plan(RestorePlan plan, PrintStream out) {
    out.println("Restore plan: " + plan.snapshot() + " on " + plan.node() + " (nothing has been sent yet)");
    int i = 1;
    for (RestorePlan.Step s : plan.steps()) {
      out.printf("  %2d. %-22s %s%n", i++, s.step().name(), s.description());
      out.printf("      %-22s REST %s | cfy: %s%n", "", s.restCalls(), s.cfyCommand());
    }
    for (String w : plan.warnings()) {
      out.println("  WARNING: " + w);
    }
    for (String b : plan.blockers()) {
      out.println("  BLOCKED: " + b);
    }
  }

  public static void report(RestoreReport r, PrintStream out) {
    out.println("Restore of " + r.snapshotId() + " " + r.outcome() + " in " + Human.duration(r.duration())
        + (r.resumed() ? " (resumed a restore already running)" : ""));
    Table steps = new Table("STEP", "RESULT", "TIME>", "DETAIL");
    for (StepResult s : r.steps()) {
      steps.row(s.step().name(), RestoreProgress.status(s.status()), Human.duration(s.duration()), s.detail());
    }
    steps.print(out);
    out.println("  restore execution:  " + r.restoreExecutionId().orElse("-")
        + r.restoreExecution().map(e -> " (" + e.status() + ")").orElse(""));
    out.println("  maintenance mode:   " + r.maintenanceState().map(Object::toString).orElse("unknown"));
    r.verification().ifPresent(v -> out.println("  verification:       " + describe(v)));
    out.println("  scheduled executions marked failed: " + r.scheduledExecutionsFailed().size());
    for (Execution e : r.scheduledExecutionsFailed()) {
      out.println("    " + e.id() + " " + e.workflowId().orElse("?") + " on " + e.deploymentId().orElse("-")
          + ", was scheduled for " + e.scheduledFor().map(Object::toString).orElse("?"));
    }
    if (!r.executionsCancelled().isEmpty()) {
      out.println("  executions cancelled by the restore: " + r.executionsCancelled().size());
    }
    r.failure().ifPresent(f -> out.println("  FAILED at " + r.failedStep().map(Enum::name).orElse("?") + ": " + f));
    for (String w : r.warnings()) {
      out.println("  warning:   " + w);
    }
    for (String f : r.followUps()) {
      out.println("  follow-up: " + f);
    }
  }

  static String describe(Verification v) {
    StringJoiner counts = new StringJoiner(", ");
    for (Map.Entry<String, Long> e : v.expected().entrySet()) {
      counts.add(e.getKey() + " " + v.actual().getOrDefault(e.getKey(), 0L) + "/" + e.getValue());
    }
    String verdict = v.isComplete() ? "nothing missing" : "MISSING " + v.missing();
    String errors = v.restoreErrors().isEmpty() ? "" : ", " + v.restoreErrors().size() + " restore error(s)";
    String note = v.note().isEmpty() ? "" : " (" + v.note() + ")";
    return verdict + errors + (counts.length() == 0 ? "" : ": " + counts) + note;
  }
}
