package io.github.cloudify4j.snapshots.restore;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program of a restore, as data, made without contacting the manager: what an operator reviews before saying
 * yes, and exactly what {@link RestoreOrchestrator#run(RestorePlan)} executes. Each {@link Step} names its kind, the
 * parameters it was planned with and, when it will not act, why it is skipped; the text of {@link #toString()} is
 * rendered from those steps, so the text approved is the list run. {@link #blockers()} are reasons the run refuses
 * to start (for example an unconfirmed cluster restore), with their {@link #blockerCodes() codes}; {@link
 * #warnings()} are what the operator should know.
 *
 * <p>One runtime fact can change the program: a restore already running on the manager (found by PREFLIGHT) is
 * resumed instead of started. The run then follows {@link #resumedWith(String)} of this plan, which skips the steps
 * that would start another, and records that plan in {@link RestoreReport#plan()}.
 */
public final class RestorePlan {
  /** One planned step: its kind, what it will do, and whether (and why) it is skipped. */
  public static final class Step {
    private final RestoreStep step;
    private final String description;
    private final Map<String, String> parameters;
    private final String skipReason;

    Step(RestoreStep step, String description, Map<String, String> parameters, String skipReason) {
      this.step = requireNonNull(step, "step == null");
      this.description = requireNonNull(description, "description == null");
      this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      this.skipReason = skipReason;
    }

    /** {@return which step this is} */
    public RestoreStep step() {
      return step;
    }

    /** {@return what this step will do with these inputs} */
    public String description() {
      return description;
    }

    /**
     * The inputs this step was planned with ({@code snapshotId}, {@code source}, {@code ifExists},
     * {@code timeout} …), as the text an operator reads; secrets are never among them.
     *
     * @return the parameters, unmodifiable
     */
    public Map<String, String> parameters() {
      return parameters;
    }

    /** {@return whether the run records this step as skipped instead of acting} */
    public boolean isSkipped() {
      return skipReason != null;
    }

    /** {@return why the step is skipped; empty when it runs} */
    public Optional<String> skipReason() {
      return Optional.ofNullable(skipReason);
    }

    /** {@return the REST calls the step makes, for a reviewer who checks them against the server's log} */
    public String restCalls() {
      return step.restCalls();
    }

    /** {@return the {@code cfy} command an operator would type to do the step by hand} */
    public String cfyCommand() {
      return step.cfyCommand();
    }

    Step skipped(String why) {
      return new Step(step, description, parameters, why);
    }

    @Override
    public String toString() {
      return step + (isSkipped() ? " (skipped: " + skipReason + ")" : "") + " " + parameters;
    }
  }

  private final Object owner;
  private final String snapshotDescription;
  private final URI node;
  private final List<Step> steps;
  private final List<String> warnings;
  private final List<RestoreRefusal> blockers;
  private final boolean resumed;

  RestorePlan(Object owner, String snapshotDescription, URI node, List<Step> steps, List<String> warnings,
      List<RestoreRefusal> blockers, boolean resumed) {
    this.owner = owner;
    this.snapshotDescription = snapshotDescription;
    this.node = node;
    this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
    this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    this.blockers = Collections.unmodifiableList(new ArrayList<>(blockers));
    this.resumed = resumed;
  }

  /** {@return which snapshot ("nightly-20261125", or "the latest restorable snapshot")} */
  public String snapshot() {
    return snapshotDescription;
  }

  /** {@return the manager node every call goes to} */
  public URI node() {
    return node;
  }

  /** {@return every step the run records, in order, the skipped ones included} */
  public List<Step> steps() {
    return steps;
  }

  /** {@return the kinds of {@link #steps()}, in order} */
  public List<RestoreStep> stepKinds() {
    List<RestoreStep> kinds = new ArrayList<>();
    for (Step s : steps) {
      kinds.add(s.step());
    }
    return Collections.unmodifiableList(kinds);
  }

  /**
   * The planned step of this kind, if the plan has one.
   *
   * @param kind the step
   * @return the planned step, or empty
   */
  public Optional<Step> step(RestoreStep kind) {
    return steps.stream().filter(s -> s.step() == kind).findFirst();
  }

  /** {@return what the plan could not decide without the manager, or a reviewer should know before approving it} */
  public List<String> warnings() {
    return warnings;
  }

  /** {@return why the run will refuse to start, in words; empty when it may start} */
  public List<String> blockers() {
    List<String> texts = new ArrayList<>();
    for (RestoreRefusal b : blockers) {
      texts.add(b.message());
    }
    return Collections.unmodifiableList(texts);
  }

  /** {@return the blockers with their codes, to decide on without reading their text} */
  public List<RestoreRefusal> blockerCodes() {
    return blockers;
  }

  /**
   * Whether this plan resumes a restore already running (the steps that would start one are skipped). Named like
   * {@link RestoreReport#resumed()} and {@code BackupReport.resumed()}: one name for one idea.
   *
   * @return whether the plan follows a running restore
   */
  public boolean resumed() {
    return resumed;
  }

  /**
   * This plan for a restore found running on the manager: UPLOAD, ACTIVATE_MAINTENANCE, AWAIT_MAINTENANCE and
   * START_RESTORE are skipped, the rest is unchanged.
   *
   * @param executionId the id of the {@code restore_snapshot} execution found running
   * @return a new plan; this one does not change
   */
  public RestorePlan resumedWith(String executionId) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      switch (s.step()) {
        case UPLOAD:
        case ACTIVATE_MAINTENANCE:
        case AWAIT_MAINTENANCE:
          out.add(s.skipped("a restore is already running"));
          break;
        case START_RESTORE:
          out.add(s.skipped("resumed the running restore "
              + (executionId == null ? "(execution not readable)" : executionId)));
          break;
        default:
          out.add(s);
      }
    }
    return new RestorePlan(owner, snapshotDescription, node, out, warnings, blockers, true);
  }

  boolean madeBy(Object orchestrator) {
    return owner == orchestrator;
  }

  /** A table for a terminal: step, what it does, REST call, cfy equivalent; rendered from {@link #steps()}. */
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
    for (RestoreRefusal b : blockers) {
      sb.append("BLOCKED: ").append(b.message()).append('\n');
    }
    return sb.toString();
  }
}
