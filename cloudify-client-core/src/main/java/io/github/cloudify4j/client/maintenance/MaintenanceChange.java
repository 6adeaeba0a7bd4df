package io.github.cloudify4j.client.maintenance;

import io.github.cloudify4j.client.model.MaintenanceStatus;

/**
 * The outcome of activate or deactivate: whether this call changed the mode (the server answers 304 when it was
 * already so), and the status afterwards. A restore orchestrator uses {@link #changed()} to roll back only what
 * it did itself.
 */
public final class MaintenanceChange {
  private final boolean changed;
  private final MaintenanceStatus status;

  public MaintenanceChange(boolean changed, MaintenanceStatus status) {
    this.changed = changed;
    this.status = java.util.Objects.requireNonNull(status, "status == null");
  }

  /** False when the manager was already in the requested mode. */
  public boolean changed() {
    return changed;
  }

  public MaintenanceStatus status() {
    return status;
  }

  @Override
  public String toString() {
    return "MaintenanceChange{changed=" + changed + ", status=" + status + "}";
  }
}
