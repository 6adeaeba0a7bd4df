package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code deactivated}, {@code activating} (executions still running) or {@code activated}. */
public final class MaintenanceState extends OpenValue {
  private static final Map<String, MaintenanceState> KNOWN = new LinkedHashMap<>();

  public static final MaintenanceState DEACTIVATED = known("deactivated");
  public static final MaintenanceState ACTIVATING = known("activating");
  public static final MaintenanceState ACTIVATED = known("activated");

  private MaintenanceState(String value, boolean known) {
    super(value, known);
  }

  private static MaintenanceState known(String value) {
    MaintenanceState state = new MaintenanceState(value, true);
    KNOWN.put(value, state);
    return state;
  }

  @JsonCreator
  public static MaintenanceState of(String value) {
    MaintenanceState state = KNOWN.get(value);
    return state != null ? state : new MaintenanceState(value, false);
  }
}
