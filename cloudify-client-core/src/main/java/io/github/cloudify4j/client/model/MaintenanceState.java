package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** {@code deactivated}, {@code activating} (executions still running) or {@code activated}. */
public final class MaintenanceState extends OpenValue {
  private static final Registry<MaintenanceState> VALUES = new Registry<>(MaintenanceState::new);

  /** Not in maintenance mode: the manager runs as usual. */
  public static final MaintenanceState DEACTIVATED = VALUES.known("deactivated");
  /** Entering maintenance mode: it waits for the remaining executions; a restore must not start yet. */
  public static final MaintenanceState ACTIVATING = VALUES.known("activating");
  /** In maintenance mode: only sys-admin requests that bypass it are served. */
  public static final MaintenanceState ACTIVATED = VALUES.known("activated");

  private MaintenanceState(String value, boolean known) {
    super(value, known);
  }

  /**
   * The state for this text; unknown text gives an unknown state, never a known one.
   *
   * @param value the text as the server sends it, e.g. {@code activated}
   * @return the constant for a known text, or an unknown state keeping the text
   * @throws NullPointerException when {@code value} is null
   */
  @JsonCreator
  public static MaintenanceState of(String value) {
    return VALUES.of(value);
  }
}
