package io.github.cloudify4j.snapshots;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * What {@code GET /snapshot-status} says. Current managers answer {@code running} / {@code not-running}; 5.0.5
 * answers with sentences ("Snapshot restore in progress…", "No restore_snapshot workflow currently running."). Any
 * other answer is {@link State#UNKNOWN} — never taken to mean the restore is over.
 */
public final class RestoreStatus {
  /** Whether a restore is running. */
  public enum State { RUNNING, NOT_RUNNING, UNKNOWN }

  private final State state;
  private final String raw;

  private RestoreStatus(State state, String raw) {
    this.state = state;
    this.raw = raw;
  }

  /** Interprets the {@code status} text of the response. */
  public static RestoreStatus parse(String status) {
    if (status == null) {
      return new RestoreStatus(State.UNKNOWN, "");
    }
    String s = status.trim().toLowerCase(Locale.ROOT);
    if (s.equals("running") || s.startsWith("snapshot restore in progress")) {
      return new RestoreStatus(State.RUNNING, status);
    }
    if (s.equals("not-running") || s.startsWith("no restore_snapshot workflow currently running")) {
      return new RestoreStatus(State.NOT_RUNNING, status);
    }
    return new RestoreStatus(State.UNKNOWN, status);
  }

  public static RestoreStatus of(State state, String raw) {
    return new RestoreStatus(requireNonNull(state, "state == null"), requireNonNull(raw, "raw == null"));
  }

  public State state() {
    return state;
  }

  /** The text the server sent. */
  public String raw() {
    return raw;
  }

  public boolean isRunning() {
    return state == State.RUNNING;
  }

  public boolean isNotRunning() {
    return state == State.NOT_RUNNING;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestoreStatus && ((RestoreStatus) o).state == state && ((RestoreStatus) o).raw.equals(raw);
  }

  @Override
  public int hashCode() {
    return state.hashCode() * 31 + raw.hashCode();
  }

  @Override
  public String toString() {
    return state + " (\"" + raw.replace("\n", "\\n") + "\")";
  }
}
