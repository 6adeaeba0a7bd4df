package io.github.cloudify4j.snapshots.cluster;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A recovery procedure for what {@link ClusterDoctor} found, in the guide's order: each step with who does it (the
 * SDK, or an operator on a host, since no REST call installs or destroys a manager), what it does, and for operator
 * steps the exact commands. Review it ({@link #render()}), then {@link ClusterDoctor#recover(RecoveryPlan)} runs the
 * SDK steps and hands the operator steps over, in order.
 */
public final class RecoveryPlan {
  /** Who carries a step out. */
  public enum Actor {
    /** The SDK, through the REST API. */
    SDK,
    /** An operator, on a manager host; the SDK prints the commands and does not run them. */
    OPERATOR
  }

  /** One step of a plan. */
  public static final class Item {
    private final RecoveryStep step;
    private final Actor actor;
    private final String description;
    private final List<String> commands;

    Item(RecoveryStep step, Actor actor, String description, List<String> commands) {
      this.step = requireNonNull(step, "step == null");
      this.actor = requireNonNull(actor, "actor == null");
      this.description = requireNonNull(description, "description == null");
      this.commands = Collections.unmodifiableList(new ArrayList<>(commands));
    }

    /**
     * The step.
     *
     * @return the step
     */
    public RecoveryStep step() {
      return step;
    }

    /**
     * Who carries it out.
     *
     * @return the actor
     */
    public Actor actor() {
      return actor;
    }

    /**
     * What the step does, in words.
     *
     * @return the description
     */
    public String description() {
      return description;
    }

    /**
     * For an operator step, the exact commands to run on the host named in the description; empty for SDK steps.
     *
     * @return the commands
     */
    public List<String> commands() {
      return commands;
    }

    @Override
    public String toString() {
      return step + " (" + actor + "): " + description;
    }
  }

  private final ClusterVerdict verdict;
  private final String procedure;
  private final List<Item> items;
  private final String target;
  private final transient Object owner;

  RecoveryPlan(ClusterVerdict verdict, String procedure, List<Item> items, String target, Object owner) {
    this.verdict = requireNonNull(verdict, "verdict == null");
    this.procedure = requireNonNull(procedure, "procedure == null");
    this.items = Collections.unmodifiableList(new ArrayList<>(items));
    this.target = target;
    this.owner = owner;
  }

  /**
   * The verdict this plan answers.
   *
   * @return the verdict
   */
  public ClusterVerdict verdict() {
    return verdict;
  }

  /**
   * The guide's name for the procedure ("One manager cluster node down" …), or "Nothing to do".
   *
   * @return the procedure's name
   */
  public String procedure() {
    return procedure;
  }

  /**
   * The steps, in order; empty when there is nothing to recover.
   *
   * @return the steps
   */
  public List<Item> items() {
    return items;
  }

  /**
   * The steps only, in order.
   *
   * @return the steps
   */
  public List<RecoveryStep> steps() {
    List<RecoveryStep> out = new ArrayList<>();
    for (Item i : items) {
      out.add(i.step());
    }
    return out;
  }

  /** The node the procedure is about (the dead node's host name, the node to use), or null. */
  String target() {
    return target;
  }

  boolean madeBy(Object doctor) {
    return owner == doctor;
  }

  /**
   * The plan as numbered text, with the operator's commands indented under their step.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String render() {
    StringBuilder sb = new StringBuilder("Recovery plan: ").append(procedure).append(" (").append(verdict)
        .append(")\n");
    int i = 1;
    for (Item item : items) {
      sb.append(String.format(java.util.Locale.ROOT, "%2d. %-26s %-8s %s%n", i++, item.step(), item.actor(),
          item.description()));
      for (String c : item.commands()) {
        sb.append("        $ ").append(c).append('\n');
      }
    }
    if (items.isEmpty()) {
      sb.append("    nothing to do\n");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
