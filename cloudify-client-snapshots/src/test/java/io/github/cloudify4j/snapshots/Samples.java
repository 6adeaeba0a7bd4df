package io.github.cloudify4j.snapshots;

/** Payloads from the reference samples (/work/shared/reference/cloudify-samples.json), verbatim. */
final class Samples {
  private Samples() {}

  static final String SNAPSHOT = """
      {"id": "snap-2024-05-02", "created_at": "2024-05-02T10:11:12.345Z", "status": "created", "error": "",
       "visibility": "private", "tenant_name": "default_tenant", "created_by": "admin",
       "resource_availability": "private", "private_resource": true}""";

  static final String SNAPSHOT_FAILED = """
      {"id": "snap-broken", "created_at": "2024-05-02T11:00:00.000Z", "status": "failed",
       "error": "Snapshot creation failed: [Errno 28] No space left on device", "visibility": "private",
       "tenant_name": "default_tenant", "created_by": "admin", "resource_availability": "private",
       "private_resource": true}""";

  static final String UPLOAD_RESPONSE_EXISTING_ID_7_0_4 = """
      {"id": null, "created_at": null, "status": null, "error": null, "visibility": null, "tenant_name": null,
       "created_by": null, "resource_availability": null, "private_resource": null}""";

  static final String LIST_ENVELOPE = """
      {"items": [
        {"id": "snap-2024-05-02", "created_at": "2024-05-02T10:11:12.345Z", "status": "created", "error": "",
         "visibility": "private", "tenant_name": "default_tenant", "created_by": "admin",
         "resource_availability": "private", "private_resource": true},
        {"id": "uploaded-from-old-mgr", "created_at": "2024-04-28T08:00:01.000Z", "status": "uploaded",
         "error": "", "visibility": "private", "tenant_name": "default_tenant", "created_by": "admin",
         "resource_availability": "private", "private_resource": true}],
       "metadata": {"pagination": {"total": 5, "size": 2, "offset": 0}, "filtered": null}}""";

  static final String EXECUTION_CREATE_SNAPSHOT = """
      {"id": "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10", "workflow_id": "create_snapshot", "status": "pending",
       "status_display": "pending", "error": "", "created_at": "2024-05-02T10:11:12.345Z", "started_at": null,
       "ended_at": null, "scheduled_for": null, "is_system_workflow": true, "is_dry_run": false, "resume": false,
       "allow_custom_parameters": true, "total_operations": null, "finished_operations": null,
       "deployment_id": null, "deployment_display_name": null, "blueprint_id": null,
       "parameters": {"snapshot_id": "snap-2024-05-02", "include_credentials": true, "include_logs": true,
         "include_events": true, "tempdir_path": null, "legacy": false, "listener_timeout": null,
         "config": {"file_server_root": "/opt/manager/resources", "created_status": "created",
           "failed_status": "failed", "postgresql_bin_path": "/usr/pgsql-14/bin/",
           "postgresql_username": "cloudify", "postgresql_password": "<redacted>",
           "postgresql_db_name": "cloudify_db", "db_host": "localhost",
           "default_tenant_name": "default_tenant", "snapshot_restore_threads": 15}},
       "parameters_p": null, "visibility": "tenant", "tenant_name": "default_tenant", "created_by": "admin",
       "resource_availability": "tenant", "private_resource": false}""";

  static final String RESTORE_RESPONSE = """
      {"id": "c1a4e7f2-5b38-4d0f-9e61-7a2b8d4c0f93", "created_at": "2024-05-03T09:00:00.120Z",
       "status": "pending", "error": "", "visibility": "tenant", "tenant_name": "default_tenant",
       "created_by": "admin", "resource_availability": "tenant", "private_resource": false}""";

  static final String ERROR_NOT_FOUND = """
      {"message": "Requested `Snapshot` with ID `nope` was not found", "error_code": "not_found_error",
       "server_traceback": null}""";

  static final String ERROR_CONFLICT = """
      {"message": "<Snapshot id=`snap-2024-05-02` tenant=`default_tenant`> already exists on \
      <Tenant name=`default_tenant`> or with global visibility", "error_code": "conflict_error",
       "server_traceback": null}""";

  static final String ERROR_SNAPSHOT_ACTION = """
      {"message": "Cannot delete snapshot `snap-2024-05-02` which has an active `create_snapshot` execution",
       "error_code": "snapshot_action_error", "server_traceback": null}""";

  static final String ERROR_EXISTING_RUNNING_EXECUTION = """
      {"message": "Cannot start execution because there are other executions running e.g.: \
      e5b7c3a9-1d2f-4e6a-8b0c-9d1e2f3a4b5c", "error_code": "existing_running_execution_error",
       "server_traceback": null}""";

  static final String NGINX_502 = """
      <html>
      <head><title>502 Bad Gateway</title></head>
      <body>
      <center><h1>502 Bad Gateway</h1></center>
      <hr><center>nginx</center>
      </body>
      </html>
      """;

  static String version(String version) {
    return "{\"edition\": \"premium\", \"version\": \"" + version + "\", \"build\": null, \"date\": null,"
        + " \"commit\": null, \"distribution\": \"rhel\", \"distro_release\": \"Plow\"}";
  }

  static String snapshot(String id, String status, String error) {
    return "{\"id\": \"" + id + "\", \"created_at\": \"2024-05-02T10:11:12.345Z\", \"status\": \"" + status
        + "\", \"error\": \"" + error + "\", \"visibility\": \"private\", \"tenant_name\": \"default_tenant\","
        + " \"created_by\": \"admin\", \"resource_availability\": \"private\", \"private_resource\": true}";
  }

  static String page(int total, int offset, int size, String... ids) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      items.append(items.length() == 0 ? "" : ",").append(snapshot(id, "created", ""));
    }
    return "{\"items\": [" + items + "], \"metadata\": {\"pagination\": {\"total\": " + total + ", \"size\": "
        + size + ", \"offset\": " + offset + "}, \"filtered\": null}}";
  }
}
