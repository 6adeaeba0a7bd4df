package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Snapshots (fact sheet §2): list, get, create, delete, the worker's status {@code PATCH}, restore, and
 * {@code /snapshot-status}; archive transfers go to {@link TransfersApi}.
 */
final class SnapshotsApi extends Endpoint {
  private final TransfersApi transfers;

  SnapshotsApi(Server server, TransfersApi transfers) {
    super(server);
    this.transfers = transfers;
  }

  @Override
  void serve(Ctx c, int n) throws IOException {
    if (c.seg.get(0).equals("snapshot-status")) {
      synchronized (st) {
        ObjectNode o = Json.obj();
        o.put("status", st.restoring() ? st.profile().snapshotStatusRunning()
            : st.profile().snapshotStatusNotRunning());
        sendJson(c, 200, o);
      }
      return;
    }
    snapshots(c, n);
  }

  void snapshots(Ctx c, int n) throws IOException {
    if (n == 1) {
      requireAdmin(c, "snapshot_list");
      synchronized (st) {
        List<ObjectNode> rows = st.entities("snapshots", c.qTrue("_all_tenants") ? null : c.tenant);
        sendJson(c, 200, listEnvelope(c, rows, SNAPSHOT_FIELDS, true));
      }
      return;
    }
    String id = c.seg.get(1);
    if (n == 2) {
      switch (c.method) {
        case "GET":
          requireAdmin(c, "snapshot_get");
          synchronized (st) {
            sendJson(c, 200, include(c, snapshot(id), SNAPSHOT_FIELDS));
          }
          return;
        case "PUT":
          requireAdmin(c, "snapshot_create");
          createSnapshot(c, id);
          return;
        case "DELETE":
          requireAdmin(c, "snapshot_delete");
          deleteSnapshot(c, id);
          return;
        case "PATCH":
          requireAdmin(c, "snapshot_status_update");
          ObjectNode b = object(jsonBody(c, "status"));
          synchronized (st) {
            ObjectNode s = snapshot(id);
            String status = b.path("status").asText();
            if (!SNAPSHOT_STATES.contains(status)) {
              throw new ApiException(409, "storage_error", "SQL Storage error: (psycopg2.errors."
                  + "InvalidTextRepresentation) invalid input value for enum snapshot_status: \"" + status + "\"");
            }
            s.put("status", status);
            s.put("error", b.path("error").asText(""));
          }
          sendRaw(c, 200, "application/json", "null".getBytes(StandardCharsets.UTF_8));
          return;
        default:
          throw new IllegalStateException();
      }
    }
    if (c.seg.get(2).equals("archive")) {
      if (c.method.equals("GET")) {
        requireAdmin(c, "snapshot_download");
        transfers.download(c, id);
      } else {
        requireAdmin(c, "snapshot_upload");
        transfers.upload(c, id);
      }
      return;
    }
    requireAdmin(c, "snapshot_restore");
    restore(c, id);
  }

  static final Set<String> SNAPSHOT_STATES = new HashSet<>(Arrays.asList("created", "failed", "creating",
      "uploaded"));
  static final List<String> SNAPSHOT_FIELDS = Arrays.asList("id", "created_at", "status", "error",
      "visibility", "tenant_name", "created_by", "resource_availability", "private_resource");

  /**
   * The service's {@code validate_inputs}, on create only (an upload stores any id, corpus seq 92): not empty, at
   * most 256 characters (seq 45), a letter first (seq 42, 47), then only ASCII letters, digits, {@code -._}
   * (seq 43).
   */
  static void validateId(String id) {
    if (id.isEmpty()) {
      throw ApiException.badParams("The `snapshot_id` argument is empty");
    }
    if (id.length() > 256) {
      throw ApiException.badParams("The `snapshot_id` argument is too long. Maximum allowed length is 256 "
          + "characters");
    }
    if (!Character.isLetter(id.codePointAt(0))) {
      throw ApiException.badParams("The `snapshot_id` argument must begin with a letter");
    }
    for (char ch : id.toCharArray()) {
      boolean ok = (ch < 128 && Character.isLetterOrDigit(ch)) || ch == '-' || ch == '.' || ch == '_';
      if (!ok) {
        throw ApiException.badParams("The `snapshot_id` argument contains illegal characters. Only letters, "
            + "digits and the characters \"-\", \".\" and \"_\" are allowed");
      }
    }
  }

  /**
   * The service's {@code verify_and_convert_bool}: a JSON boolean, or the strings {@code true}/{@code false} in
   * any letter case (corpus seq 35); anything else → 400 (seq 36).
   */
  static Boolean bool(JsonNode b, String key, Boolean dflt) {
    JsonNode v = b.get(key);
    if (v == null) {
      return dflt;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Boolean.valueOf(v.asText().toLowerCase(Locale.ROOT));
    }
    throw ApiException.badParams(key + " must be <true/false>, got " + (v.isNull() ? "None" : v.asText()));
  }

  void createSnapshot(Ctx c, String id) {
    validateId(id);
    ObjectNode b = object(jsonBody(c));
    boolean includeCredentials = bool(b, "include_credentials", true);
    boolean includeLogs = bool(b, "include_logs", true);
    boolean includeEvents = bool(b, "include_events", true);
    boolean queue = bool(b, "queue", false);
    Boolean legacyReq = bool(b, "legacy", null);
    JsonNode tempdir = b.get("tempdir_path");
    if (tempdir != null && !tempdir.isNull() && !(tempdir.isTextual() && tempdir.asText().isEmpty())) {
      if (!tempdir.isTextual()) {
        // os.access(5, ...) (corpus seq 38)
        throw ApiException.internal("TypeError", "access: path should be string, bytes or os.PathLike, not "
            + pyType(tempdir));
      }
      Path dir = java.nio.file.Paths.get(tempdir.asText());
      if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
        // the REST service checks the directory on its own host (seq 40); the fake checks it on its host
        throw new ApiException(403, "forbidden_error", "Temp dir cannot be created inside unwriteable location "
            + tempdir.asText());
      }
    }
    JsonNode lt = b.get("listener_timeout");
    if (lt != null && !lt.isNull()) {
      try {
        lt = com.fasterxml.jackson.databind.node.DoubleNode.valueOf(lt.isNumber() ? lt.asDouble()
            : Double.parseDouble(lt.asText().trim()));
      } catch (NumberFormatException e) {
        throw ApiException.badParams("listener_timeout must a valid floating point number");
      }
    }
    synchronized (st) {
      ObjectNode existing = st.kind("snapshots").get(id);
      if (existing != null) {
        throw conflict(id, existing.path("tenant_name").asText());
      }
      boolean legacy = !st.profile().supportsNewArchiveFormat() || Boolean.TRUE.equals(legacyReq);
      if (st.kubernetes()) {
        legacy = false;
      }
      boolean blocking = !(st.profile().nonBlockingCreate() && !legacy);
      List<ObjectNode> active = st.activeExecutions();
      String status = "pending";
      if (!active.isEmpty()) {
        if (queue) {
          status = "queued";
        } else if (blocking) {
          throw new ApiException(400, "existing_running_execution_error",
              "Cannot start execution because there are other executions running e.g.: "
                  + active.get(0).path("id").asText());
        }
      }
      ObjectNode params = Json.obj();
      params.put("snapshot_id", id);
      params.put("include_credentials", includeCredentials);
      params.put("include_logs", includeLogs);
      params.put("include_events", includeEvents);
      if (st.profile() != ServerProfile.V5_0_5) {
        params.set("tempdir_path", b.hasNonNull("tempdir_path") ? b.get("tempdir_path") : null);
        if (params.get("tempdir_path") == null) {
          params.putNull("tempdir_path");
        }
      }
      if (st.profile() == ServerProfile.V7_0_4) {
        params.put("legacy", legacy);
        if (lt == null || lt.isNull()) {
          params.putNull("listener_timeout");
        } else {
          params.set("listener_timeout", lt);
        }
      }
      params.set("config", st.configParams());
      st.newSnapshot(id, "creating", c.tenant, c.user, "");
      ObjectNode e = st.newExecution("create_snapshot", c.tenant, c.user, params, true, null, null);
      if (status.equals("queued")) {
        st.setExecStatus(e, "queued");
      } else {
        st.startExecution(e);
      }
      sendJson(c, 201, e);
    }
  }

  static ApiException conflict(String id, String tenant) {
    return new ApiException(409, "conflict_error", "<Snapshot id=`" + id + "` tenant=`" + tenant
        + "`> already exists on <Tenant name=`" + tenant + "`> or with global visibility");
  }

  void deleteSnapshot(Ctx c, String id) throws IOException {
    ObjectNode s;
    synchronized (st) {
      s = snapshot(id);
      if (st.profile() != ServerProfile.V5_0_5) {
        for (ObjectNode e : st.activeExecutions()) {
          String wf = e.path("workflow_id").asText();
          if ((wf.equals("create_snapshot") || wf.equals("restore_snapshot"))
              && id.equals(e.path("parameters").path("snapshot_id").asText())) {
            throw new ApiException(400, "snapshot_action_error", "Cannot delete snapshot `" + id
                + "` which has an active `" + wf + "` execution");
          }
        }
      }
      st.kind("snapshots").remove(id);
      try {
        FileUtil.deleteTree(st.archivePath(id).getParent());
      } catch (IOException ignored) {
        // like the server
      }
    }
    sendJson(c, 200, s);
  }

  void restore(Ctx c, String id) {
    JsonNode raw = st.profile().requiresRecreateDeploymentsEnvs() ? jsonBody(c, "recreate_deployments_envs")
        : jsonBody(c);
    if (!raw.isObject()) {
      // request_dict['force'] on a list (corpus seq 126)
      throw ApiException.internal("TypeError", raw.isArray() ? "list indices must be integers or slices, not str"
          : "'" + pyType(raw) + "' object is not subscriptable");
    }
    ObjectNode b = (ObjectNode) raw;
    synchronized (st) {
      if (!b.has("force")) {
        throw ApiException.internal("KeyError", "'force'"); // {} (seq 127)
      }
      boolean force = bool(b, "force", false);
      boolean restoreCerts = bool(b, "restore_certificates", false);
      boolean noReboot = bool(b, "no_reboot", false);
      if (noReboot && !restoreCerts) {
        throw ApiException.badParams("`no_reboot` is only relevant when `restore_certificates` is activated");
      }
      int timeout = 300;
      JsonNode t = b.get("timeout");
      if (t != null && !t.isNull()) {
        try {
          // Python's int(): numbers are truncated, booleans count, strings must be integers (corpus seq 204)
          timeout = t.isNumber() ? (int) t.asDouble() : t.isBoolean() ? (t.asBoolean() ? 1 : 0)
              : Integer.parseInt(t.asText().trim());
        } catch (NumberFormatException e) {
          throw ApiException.badParams("invalid parameter, should be int, got: " + t.asText());
        }
      }
      ObjectNode s = snapshot(id);
      if ("failed".equals(s.path("status").asText())) {
        throw new ApiException(400, "snapshot_action_error", "Failed snapshot cannot be restored");
      }
      List<ObjectNode> active = st.activeExecutions();
      ObjectNode params = Json.obj();
      params.put("snapshot_id", id);
      params.put("force", force);
      params.put("timeout", timeout);
      params.put("restore_certificates", restoreCerts);
      params.put("no_reboot", noReboot);
      if (st.profile().requiresRecreateDeploymentsEnvs()) {
        params.put("recreate_deployments_envs", bool(b, "recreate_deployments_envs", true));
      }
      params.put("premium_enabled", st.cfg().edition == Edition.PREMIUM);
      params.put("user_is_bootstrap_admin", c.user.equals(st.adminUser()));
      params.set("config", st.configParams());
      ObjectNode e = st.newExecution("restore_snapshot", c.tenant, c.user, params, true, null, null);
      if (!active.isEmpty()) {
        // the execution row is stored before the running-executions check, and stays pending for ever: it
        // blocks later restores and keeps maintenance mode activating until someone kills it (seq 134-136)
        StringBuilder ids = new StringBuilder();
        for (ObjectNode a : active) {
          ids.append(ids.length() == 0 ? "" : ", ").append(a.path("id").asText());
        }
        throw new ApiException(400, "existing_running_execution_error",
            "Cannot start execution because there are other executions running e.g.: " + ids);
      }
      st.startExecution(e);
      ObjectNode out = Json.obj();
      for (String f : SNAPSHOT_FIELDS) {
        out.set(f, e.get(f));
      }
      sendJson(c, 200, out);
    }
  }
}
