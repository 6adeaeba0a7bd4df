package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Executions (fact sheet §4): list, get, actions, and the worker's {@code PATCH}. */
final class ExecutionsApi extends Endpoint {
  ExecutionsApi(Server server) {
    super(server);
  }

  @Override
  void serve(Ctx c, int n) {
    executions(c, n);
  }

  static final List<String> EXECUTION_FIELDS = Arrays.asList("id", "workflow_id", "status",
      "status_display", "error", "created_at", "started_at", "ended_at", "scheduled_for", "is_system_workflow",
      "is_dry_run", "resume", "allow_custom_parameters", "total_operations", "finished_operations",
      "deployment_id", "deployment_display_name", "blueprint_id", "parameters", "visibility", "tenant_name",
      "created_by", "resource_availability", "private_resource", "execution_group_id");

  void executions(Ctx c, int n) {
    if (n == 1) {
      synchronized (st) {
        List<ObjectNode> rows = st.entities("executions", c.qTrue("_all_tenants") ? null : c.tenant);
        boolean sys = c.qTrue("_include_system_workflows") || c.query.containsKey("is_system_workflow");
        if (!sys) {
          rows.removeIf(e -> e.path("is_system_workflow").asBoolean());
        }
        c.query.remove("_include_system_workflows");
        if (c.qTrue("_get_all_results")) {
          c.query.remove("_size");
          c.query.remove("_offset");
        }
        c.query.remove("_get_all_results");
        List<String> fields = new ArrayList<>(EXECUTION_FIELDS);
        if (st.profile() == ServerProfile.V7_0_4) {
          fields.add("parameters_p");
        }
        sendJson(c, 200, listEnvelope(c, rows, fields, false));
      }
      return;
    }
    String id = c.seg.get(1);
    if (c.method.equals("GET")) {
      synchronized (st) {
        sendJson(c, 200, include(c, execution(c, id), null));
      }
      return;
    }
    if (c.method.equals("PATCH")) {
      patchExecution(c, id);
      return;
    }
    JsonNode b = jsonBody(c, "action"); // a list body has no "action": 400 (corpus seq 68)
    String action = object(b).path("action").asText();
    if (!VALID_ACTIONS.contains(action)) {
      throw ApiException.badParams("Invalid action: " + action + ", Valid action values are: ['cancel', "
          + "'force-cancel', 'kill', 'resume', 'force-resume', 'requeue']");
    }
    synchronized (st) {
      ObjectNode e = execution(c, id);
      switch (action) {
        case "cancel":
        case "force-cancel":
        case "kill":
        case "requeue":
          sendJson(c, 200, st.cancel(e, action.equals("requeue") ? "cancel" : action));
          return;
        case "resume":
        case "force-resume": {
          String s = e.path("status").asText();
          boolean ok = action.equals("resume") ? Arrays.asList("started", "failed", "cancelled").contains(s)
              : Arrays.asList("failed", "cancelled").contains(s);
          if (!ok) {
            throw new ApiException(409, "conflict_error", "Cannot resume execution: `" + id + "` in state: `"
                + s + "`");
          }
          e.put("resume", true);
          st.setExecStatus(e, "pending");
          e.putNull("ended_at");
          st.startExecution(e);
          sendJson(c, 200, e);
          return;
        }
        default:
          throw ApiException.badParams("Unknown action: " + action + ". Valid actions are: [cancel, "
              + "force-cancel, kill, resume, force-resume, requeue]");
      }
    }
  }

  static final Set<String> VALID_ACTIONS = new HashSet<>(Arrays.asList("cancel", "force-cancel", "kill",
      "resume", "force-resume", "requeue"));

  /**
   * {@code PATCH /executions/{id}} {@code {"status", "error"}}: how the manager's worker reports progress. Works in
   * both workflow modes (in the automatic one it competes with the fake's own worker, as a second worker would).
   */
  void patchExecution(Ctx c, String id) {
    requireAdmin(c, "execution_status_update");
    ObjectNode b = object(jsonBody(c, "status"));
    JsonNode status = b.get("status");
    JsonNode error = b.get("error");
    if (!status.isTextual() || (error != null && !error.isNull() && !error.isTextual())) {
      throw ApiException.badParams("status and error must be strings");
    }
    synchronized (st) {
      ObjectNode e = execution(c, id);
      st.patchExecution(e, status.asText(), error == null || error.isNull() ? "" : error.asText());
      st.tick(); // a queued execution may start now
      sendJson(c, 200, e);
    }
  }

  ObjectNode execution(Ctx c, String id) {
    ObjectNode e = st.kind("executions").get(id);
    if (e == null || !(c.tenant.equals(e.path("tenant_name").asText()) || "global".equals(e.path("visibility").asText()))) {
      throw ApiException.notFound("Execution", id);
    }
    return e;
  }
}
