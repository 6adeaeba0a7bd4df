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

  /**
   * An outcome; public so that code reacting to it can be tested without a manager.
   *
   * @param changed whether this call changed the mode (false for the server's 304)
   * @param status the status after the call
   * @throws NullPointerException when {@code status} is null
   */
  public MaintenanceChange(boolean changed, MaintenanceStatus status) {
    this.changed = changed;
    this.status = java.util.Objects.requireNonNull(status, "status == null");
  }

  /**
   * False when the manager was already in the requested mode: then this call did nothing, and a rollback must not
   * undo it.
   *
   * @return whether this call changed the mode
   */
  public boolean changed() {
    return changed;
  }

  /**
   * The status after the call; after an activation usually {@code activating}, not yet {@code activated}.
   *
   * @return the status the manager reported
   */
  public MaintenanceStatus status() {
    return status;
  }

  @Override
  public String toString() {
    return "MaintenanceChange{changed=" + changed + ", status=" + status + "}";
  }
}
