package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** {@code deactivated}, {@code activating} (executions still running) or {@code activated}. */
public final class MaintenanceState extends OpenValue {
  private static final Registry<MaintenanceState> VALUES = new Registry<>(MaintenanceState::new);

  public static final MaintenanceState DEACTIVATED = VALUES.known("deactivated");
  public static final MaintenanceState ACTIVATING = VALUES.known("activating");
  public static final MaintenanceState ACTIVATED = VALUES.known("activated");

  private MaintenanceState(String value, boolean known) {
    super(value, known);
  }

  @JsonCreator
  public static MaintenanceState of(String value) {
    return VALUES.of(value);
  }
}
