package io.github.cloudify4j.snapshots.restore;

/** The steps of a restore, in order. Each names its REST calls and the {@code cfy} command an operator would type. */
public enum RestoreStep {
  /** Check the manager and the snapshot before changing anything. */
  PREFLIGHT("Check the manager and the snapshot before changing anything",
      "GET /api/version, GET /snapshot-status, GET /maintenance, GET /snapshots/{id}, GET /blueprints?_size=0",
      "cfy snapshots list; cfy maintenance-mode status"),
  /** Upload the snapshot archive. */
  UPLOAD("Upload the snapshot archive", "PUT /snapshots/{id}/archive",
      "cfy snapshots upload ARCHIVE --snapshot-id ID"),
  /** Activate maintenance mode. */
  ACTIVATE_MAINTENANCE("Activate maintenance mode", "POST /maintenance/activate", "cfy maintenance-mode activate"),
  /** Verify maintenance mode is activated (no execution left). */
  AWAIT_MAINTENANCE("Verify maintenance mode is activated (no execution left)", "GET /maintenance",
      "cfy maintenance-mode status"),
  /** Start the restore. */
  START_RESTORE("Start the restore", "POST /snapshots/{id}/restore", "cfy snapshots restore ID"),
  /** Follow the restore until it is over (the manager may restart its services). */
  FOLLOW_RESTORE("Follow the restore until it is over (the manager may restart its services)",
      "GET /snapshot-status, GET /executions/{id} (X-BYPASS-MAINTENANCE)", "cfy snapshots status"),
  /** Authenticate again (the snapshot may have replaced the admin credentials). */
  REAUTHENTICATE("Authenticate again (the snapshot may have replaced the admin credentials)",
      "GET /api/version", "cfy profiles set -u USER -p PASSWORD"),
  /** Check the manager is healthy. */
  CHECK_HEALTH("Check the manager is healthy", "GET /status, GET /cluster-status", "cfy status"),
  /** Compare the manager's content with the archive; scan the restore's events for errors. */
  VERIFY("Compare the manager's content with the archive; scan the restore's events for errors",
      "GET /blueprints, /deployments, /secrets, /plugins, /tenants, /users (_size=0), GET /events",
      "cfy blueprints list; cfy events list EXECUTION_ID"),
  /** Deactivate maintenance mode. */
  DEACTIVATE_MAINTENANCE("Deactivate maintenance mode", "POST /maintenance/deactivate",
      "cfy maintenance-mode deactivate");

  private final String title;
  private final String restCalls;
  private final String cfyCommand;

  RestoreStep(String title, String restCalls, String cfyCommand) {
    this.title = title;
    this.restCalls = restCalls;
    this.cfyCommand = cfyCommand;
  }

  /** {@return what the step does, in words} */
  public String title() {
    return title;
  }

  /** {@return the REST calls the step makes} */
  public String restCalls() {
    return restCalls;
  }

  /** {@return the {@code cfy} command an operator would type for it by hand} */
  public String cfyCommand() {
    return cfyCommand;
  }
}
