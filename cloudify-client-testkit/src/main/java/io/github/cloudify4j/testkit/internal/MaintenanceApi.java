package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maintenance mode: the {@code /maintenance} endpoints (fact sheet §3) and the gating every request goes through
 * while the mode is {@code activating} or {@code activated} (§3.4).
 */
final class MaintenanceApi extends Endpoint {
  private static final Set<String> ALLOWED_ACTIVATED = new HashSet<>(Arrays.asList("brokers", "managers",
      "db-nodes", "cluster", "config", "status", "version", "license", "maintenance", "cluster-status",
      "file-server-auth", "ok", "snapshots", "snapshot-status"));
  private static final Set<String> ALLOWED_ACTIVATED_5 = new HashSet<>(Arrays.asList("status", "version",
      "license", "maintenance", "cluster-status", "file-server-auth", "snapshots", "snapshot-status"));
  private static final Set<String> MODIFYING = new HashSet<>(Arrays.asList("PUT", "POST", "PATCH"));

  private final AuthApi auth;

  MaintenanceApi(Server server, AuthApi auth) {
    super(server);
    this.auth = auth;
  }

  @Override
  void serve(Ctx c, int n) {
    maintenance(c, n);
  }

  void gate(Ctx c, String root, int n) {
    synchronized (st) {
      if (st.maintenanceStatus() == null) {
        return;
      }
      String bypass = header(c, "X-BYPASS-MAINTENANCE");
      if (bypass != null && !bypass.isEmpty()) {
        String u = auth.tryAuth(c);
        if (u != null && "sys_admin".equals(st.role(u))) {
          return;
        }
      }
      st.maintenanceLazyFlip();
      if ("activating".equals(st.maintenanceStatus())) {
        boolean blocked = (root.equals("snapshots") && n == 2 && MODIFYING.contains(c.method))
            || (root.equals("snapshots") && n == 3 && c.seg.get(2).equals("restore"))
            || (root.equals("executions") && n == 1 && MODIFYING.contains(c.method))
            || (root.equals("deployments") && n == 2 && MODIFYING.contains(c.method))
            || (root.equals("deployment-modifications") && MODIFYING.contains(c.method));
        if (blocked) {
          throw maintenanceError("entering_maintenance_mode");
        }
        return;
      }
      Set<String> allowed = st.profile() == ServerProfile.V5_0_5 ? ALLOWED_ACTIVATED_5 : ALLOWED_ACTIVATED;
      if (!allowed.contains(root)) {
        throw maintenanceError("maintenance_mode_active");
      }
    }
  }

  static ApiException maintenanceError(String code) {
    return new ApiException(503, Json.error(
        "Your request was rejected since Cloudify manager is currently in maintenance mode", code,
        "NoneType: None\n"));
  }

  void maintenance(Ctx c, int n) {
    if (n == 1) {
      synchronized (st) {
        sendJson(c, 200, mmBody(false));
      }
      return;
    }
    requireAdmin(c, "maintenance_mode_set");
    String action = c.seg.get(1);
    drain(c);
    synchronized (st) {
      if (action.equals("activate")) {
        if (st.maintenanceStatus() != null) {
          send304(c);
          return;
        }
        st.activateMaintenance(c.user);
        ObjectNode body = mmBody(true);
        ArrayNode list = st.remainingExecutionsJson();
        if (st.profile().nestedActivateRemainingExecutions()) {
          ArrayNode outer = Json.arr();
          outer.add(list);
          body.set("remaining_executions", outer);
        } else {
          body.set("remaining_executions", list);
        }
        sendJson(c, 200, body);
      } else if (action.equals("deactivate")) {
        if (st.maintenanceStatus() == null) {
          send304(c);
          return;
        }
        ObjectNode body = Json.obj();
        body.put("status", "deactivated");
        if (st.profile() == ServerProfile.V5_0_5) {
          body.put("activated_at", "");
          body.put("activation_requested_at", "");
          body.putNull("remaining_executions");
          body.put("requested_by", "");
        } else {
          body.put("activated_at", Json.ts(st.maintenanceActivatedAt()));
          body.put("activation_requested_at", Json.ts(st.maintenanceRequestedAt()));
          body.putNull("remaining_executions");
          body.put("requested_by", st.maintenanceRequestedBy());
        }
        st.deactivateMaintenance();
        sendJson(c, 200, body);
      } else {
        throw ApiException.badParams("Invalid action: " + action
            + ", Valid action values are: ['activate', 'deactivate']");
      }
    }
  }

  ObjectNode mmBody(boolean activateResponse) {
    ObjectNode o = Json.obj();
    if (st.maintenanceStatus() == null) {
      o.put("status", "deactivated");
      o.put("activated_at", "");
      o.put("activation_requested_at", "");
      o.putNull("remaining_executions");
      o.put("requested_by", "");
      return o;
    }
    o.put("status", st.maintenanceStatus());
    if (st.maintenanceActivatedAt() == null) {
      o.putNull("activated_at");
    } else {
      o.put("activated_at", Json.ts(st.maintenanceActivatedAt()));
    }
    o.put("activation_requested_at", Json.ts(st.maintenanceRequestedAt()));
    if ("activating".equals(st.maintenanceStatus()) && !activateResponse) {
      o.set("remaining_executions", st.remainingExecutionsJson());
    } else {
      o.putNull("remaining_executions");
    }
    o.put("requested_by", st.maintenanceRequestedBy());
    return o;
  }
}
