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
  public enum State {
    /** A restore is running ({@code running}, or 5.0.5's "Snapshot restore in progress…"). */
    RUNNING,
    /** No restore is running ({@code not-running}, or 5.0.5's "No restore_snapshot workflow currently running."). */
    NOT_RUNNING,
    /** Any other answer: neither running nor over, as far as the client can tell. */
    UNKNOWN
  }

  private final State state;
  private final String raw;

  private RestoreStatus(State state, String raw) {
    this.state = state;
    this.raw = raw;
  }

  /**
   * Interprets the {@code status} text of the response, case-insensitively and ignoring surrounding white space.
   *
   * @param status the {@code status} field; null is read as {@link State#UNKNOWN} with an empty raw text
   * @return the status, keeping {@code status} as its raw text
   */
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

  /**
   * A status as given, without interpreting {@code raw}: for tests and fakes.
   *
   * @param state the state
   * @param raw the text the server is supposed to have sent
   * @return the status
   * @throws NullPointerException if either is null
   */
  public static RestoreStatus of(State state, String raw) {
    return new RestoreStatus(requireNonNull(state, "state == null"), requireNonNull(raw, "raw == null"));
  }

  /**
   * Whether a restore is running, as interpreted.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * The text the server sent, for messages and for answers the client could not interpret.
   *
   * @return the raw status text, never null
   */
  public String raw() {
    return raw;
  }

  /**
   * Whether the manager says a restore is running.
   *
   * @return true only for {@link State#RUNNING}
   */
  public boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * Whether the manager says no restore is running. Not the negation of {@link #isRunning()}: an
   * {@link State#UNKNOWN} answer is neither, and must never be taken to mean the restore is over.
   *
   * @return true only for {@link State#NOT_RUNNING}
   */
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
