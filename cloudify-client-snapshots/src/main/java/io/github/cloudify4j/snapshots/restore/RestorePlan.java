package io.github.cloudify4j.snapshots.restore;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The steps a restore will take for its inputs, as data, made without contacting the manager: what an operator
 * reviews before saying yes. {@link #blockers()} are reasons {@code run()} will refuse to start (for example an
 * unconfirmed cluster restore); {@link #warnings()} are what the operator should know.
 */
public final class RestorePlan {
  /** One planned step. */
  public static final class Step {
    private final RestoreStep step;
    private final String description;

    Step(RestoreStep step, String description) {
      this.step = step;
      this.description = description;
    }

    public RestoreStep step() {
      return step;
    }

    /** What this step will do with these inputs. */
    public String description() {
      return description;
    }

    public String restCalls() {
      return step.restCalls();
    }

    public String cfyCommand() {
      return step.cfyCommand();
    }
  }

  private final String snapshotDescription;
  private final URI node;
  private final List<Step> steps;
  private final List<String> warnings;
  private final List<String> blockers;

  RestorePlan(String snapshotDescription, URI node, List<Step> steps, List<String> warnings, List<String> blockers) {
    this.snapshotDescription = snapshotDescription;
    this.node = node;
    this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
    this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    this.blockers = Collections.unmodifiableList(new ArrayList<>(blockers));
  }

  /** Which snapshot ("nightly-20261125", or "the latest restorable snapshot"). */
  public String snapshot() {
    return snapshotDescription;
  }

  /** The manager node every call goes to. */
  public URI node() {
    return node;
  }

  public List<Step> steps() {
    return steps;
  }

  public List<String> warnings() {
    return warnings;
  }

  public List<String> blockers() {
    return blockers;
  }

  /** A table for a terminal: step, what it does, REST call, cfy equivalent. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Restore plan: ").append(snapshotDescription).append(" on ").append(node).append('\n');
    int i = 1;
    for (Step s : steps) {
      sb.append(String.format("%2d. %-22s %s%n", i++, s.step().name(), s.description()));
      sb.append(String.format("    %-22s REST: %s | cfy: %s%n", "", s.restCalls(), s.cfyCommand()));
    }
    for (String w : warnings) {
      sb.append("WARNING: ").append(w).append('\n');
    }
    for (String b : blockers) {
      sb.append("BLOCKED: ").append(b).append('\n');
    }
    return sb.toString();
  }
}
