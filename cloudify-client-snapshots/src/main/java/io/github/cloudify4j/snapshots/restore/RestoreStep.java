package io.github.cloudify4j.snapshots.restore;

/** The steps of a restore, in order. Each names its REST calls and the {@code cfy} command an operator would type. */
public enum RestoreStep {
  PREFLIGHT("Check the manager and the snapshot before changing anything",
      "GET /api/version, GET /snapshot-status, GET /maintenance, GET /snapshots/{id}, GET /blueprints?_size=0",
      "cfy snapshots list; cfy maintenance-mode status"),
  UPLOAD("Upload the snapshot archive", "PUT /snapshots/{id}/archive",
      "cfy snapshots upload ARCHIVE --snapshot-id ID"),
  ACTIVATE_MAINTENANCE("Activate maintenance mode", "POST /maintenance/activate", "cfy maintenance-mode activate"),
  AWAIT_MAINTENANCE("Verify maintenance mode is activated (no execution left)", "GET /maintenance",
      "cfy maintenance-mode status"),
  START_RESTORE("Start the restore", "POST /snapshots/{id}/restore", "cfy snapshots restore ID"),
  FOLLOW_RESTORE("Follow the restore until it is over (the manager may restart its services)",
      "GET /snapshot-status, GET /executions/{id} (X-BYPASS-MAINTENANCE)", "cfy snapshots status"),
  REAUTHENTICATE("Authenticate again (the snapshot may have replaced the admin credentials)",
      "GET /api/version", "cfy profiles set -u USER -p PASSWORD"),
  CHECK_HEALTH("Check the manager is healthy", "GET /status, GET /cluster-status", "cfy status"),
  VERIFY("Compare the manager's content with the archive; scan the restore's events for errors",
      "GET /blueprints, /deployments, /secrets, /plugins, /tenants, /users (_size=0), GET /events",
      "cfy blueprints list; cfy events list EXECUTION_ID"),
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

  public String title() {
    return title;
  }

  public String restCalls() {
    return restCalls;
  }

  public String cfyCommand() {
    return cfyCommand;
  }
}
