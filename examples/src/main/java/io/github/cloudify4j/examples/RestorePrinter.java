package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.Table;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.snapshots.restore.RestoreStep;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import io.github.cloudify4j.snapshots.restore.Verification;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints a restore plan (before) and a restore report (after) for a person, in the terms of the programs that run
 * it: advice the library words for its Java API ({@code onExistingSnapshot(REUSE)}) is given as the option that does
 * the same ({@code --existing-snapshot=reuse}); what the manager answered (a {@code /status} with every service) is
 * summarized, and said once.
 */
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
      out.println("  WARNING: " + forCommandLine(w));
    }
    for (String b : plan.blockers()) {
      out.println("  BLOCKED: " + forCommandLine(b));
    }
  }

  public static void report(RestoreReport r, PrintStream out) {
    out.println("Restore of " + r.snapshotId() + " " + r.outcome() + " in " + Human.duration(r.duration())
        + (r.resumed() ? " (resumed a restore already running)" : ""));
    Table steps = new Table("STEP", "RESULT", "TIME>", "DETAIL");
    for (StepResult<RestoreStep> s : r.steps()) {
      // The failed step's reason is printed once, summarized, on the FAILED line below.
      String detail = s.status() == StepResult.Status.FAILED && r.failedStep().orElse(null) == s.step()
          ? "(see FAILED below)" : forCommandLine(s.detail());
      steps.row(s.step().name(), RestoreProgress.status(s.status()), Human.duration(s.duration()), detail);
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
    if (!r.leftoverExecutionsKilled().isEmpty()) {
      out.println("  leftover restore executions killed: " + String.join(", ", r.leftoverExecutionsKilled())
          + " (a refused restore's, which nothing would run)");
    }
    r.snapshotLeftOnManager().ifPresent(id -> out.println("  snapshot left on the manager: " + id
        + " (uploaded by this run)"));
    r.failure().ifPresent(f -> {
      String[] reasonAndState = LibraryText.splitState(f);
      out.println("  FAILED at " + r.failedStep().map(Enum::name).orElse("?") + ": "
          + forCommandLine(reasonAndState[0]));
      if (reasonAndState[1] != null) {
        out.println("  " + reasonAndState[1]);
      }
    });
    for (String w : r.warnings()) {
      out.println("  warning:   " + forCommandLine(w));
    }
    for (String f : r.followUps()) {
      out.println("  follow-up: " + forCommandLine(f));
    }
  }

  /**
   * The line a program ends with after a failed restore (the report above it says why): the step, and when this
   * run left its upload on the manager ({@link RestoreReport#snapshotLeftOnManager()}) before the restore started,
   * the option that runs it again.
   */
  static String errorLine(RestoreReport r) {
    String step = r.failedStep().map(Enum::name).orElse("?");
    String line = "restore of " + r.snapshotId() + " failed at " + step;
    if (restoreStarted(r)) {
      return line + "; the restore had started: check what the manager holds before running it again (the report"
          + " above says why)";
    }
    java.util.Optional<String> left = r.snapshotLeftOnManager();
    if (left.isPresent()) {
      line += "; " + left.get() + " stays on the manager: run again with --" + RestoreCli.EXISTING + "=reuse";
    }
    return line + " (the report above says why and how the manager was left)";
  }

  /** The line a program ends with after a PARTIAL restore. */
  static String partialLine(RestoreReport r) {
    return "restore of " + r.snapshotId() + " is PARTIAL: "
        + r.verification().map(RestorePrinter::describe).orElse("see the report above");
  }

  private static boolean restoreStarted(RestoreReport r) {
    return r.restoreExecutionId().isPresent() || r.steps().stream()
        .anyMatch(s -> s.step() == RestoreStep.START_RESTORE && s.status() == StepResult.Status.SUCCEEDED);
  }

  /** A library text as these programs print it (see {@link LibraryText#forCommandLine}). */
  static String forCommandLine(String text) {
    return LibraryText.forCommandLine(text);
  }

  static String describe(Verification v) {
    StringJoiner counts = new StringJoiner(", ");
    for (Map.Entry<String, Long> e : v.expected().entrySet()) {
      counts.add(e.getKey() + " " + v.actual().getOrDefault(e.getKey(), 0L) + "/" + e.getValue());
    }
    String verdict = v.isComplete() ? "nothing missing" : "MISSING " + v.missing();
    String errors = v.restoreErrors().isEmpty() ? "" : ", " + v.restoreErrors().size() + " restore error(s)";
    String note = v.note().isEmpty() ? "" : " (" + v.note() + ")";
    return verdict + errors + (counts.length() == 0 ? "" : ": " + counts) + notCounted(v) + note;
  }

  /** "; users, user-groups: not counted (community edition)": the kinds, grouped by the reason given. */
  private static String notCounted(Verification v) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    v.notCounted().forEach((kind, reason) -> byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(kind));
    StringBuilder sb = new StringBuilder();
    byReason.forEach((reason, kinds) -> sb.append("; ").append(String.join(", ", kinds))
        .append(": ").append(reason));
    return sb.toString();
  }
}
