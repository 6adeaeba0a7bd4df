package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.Edition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The read-only inventory: {@code /events}, {@code /execution-schedules}, {@code /blueprints}, {@code /deployments},
 * {@code /secrets}, {@code /plugins} (lists and single rows), {@code /tenants}, {@code /users},
 * {@code /user-groups}, {@code /license}.
 */
final class InventoryApi extends Endpoint {
  InventoryApi(Server server) {
    super(server);
  }

  @Override
  void serve(Ctx c, int n) {
    String root = c.seg.get(0);
    switch (root) {
      case "execution-schedules":
        simpleList(c, "execution_schedules", true, true);
        return;
      case "events":
        events(c);
        return;
      case "blueprints":
      case "deployments":
      case "secrets":
      case "plugins":
        if (n == 2) {
          getOne(c, root, c.seg.get(1));
        } else {
          simpleList(c, root, true, false);
        }
        return;
      case "tenants":
        if (st.cfg().edition == Edition.COMMUNITY) {
          // community /tenants ignores paging, filters and sort: every tenant, size 1000 (corpus seq 212)
          c.query.keySet().removeIf(k -> !k.equals("_include"));
        }
        simpleList(c, root, false, false);
        return;
      default: // users, user-groups, license
        simpleList(c, root, false, false);
    }
  }

  void events(Ctx c) {
    synchronized (st) {
      List<ObjectNode> rows = new ArrayList<>();
      boolean all = c.qTrue("_all_tenants");
      for (ObjectNode e : st.events()) {
        if (all || c.tenant.equals(e.path("__tenant").asText())) {
          rows.add(e);
        }
      }
      c.query.remove("_include_logs");
      if (c.q("_size") == null) {
        c.query.put("_size", new ArrayList<>(Arrays.asList("10000")));
      }
      ObjectNode env = listEnvelope(c, rows, fieldsOf(rows, Arrays.asList("timestamp", "reported_timestamp",
          "blueprint_id", "deployment_id", "deployment_display_name", "workflow_id", "message",
          "error_causes", "event_type", "operation", "node_id", "source_id", "target_id",
          "node_instance_id", "type", "logger", "level", "manager_name", "agent_name", "execution_id",
          "execution_group_id")), false, "timestamp");
      // /events has its own envelope: default size 10000 and no metadata.filtered (corpus seq 215)
      ((ObjectNode) env.get("metadata")).remove("filtered");
      sendJson(c, 200, env);
    }
  }

  void simpleList(Ctx c, String kind, boolean tenantScoped, boolean search) {
    synchronized (st) {
      List<ObjectNode> rows = st.entities(kind, !tenantScoped || c.qTrue("_all_tenants") ? null : c.tenant);
      sendJson(c, 200, listEnvelope(c, rows, fieldsOf(rows, null), search));
    }
  }

  void getOne(Ctx c, String kind, String id) {
    synchronized (st) {
      ObjectNode e = st.kind(kind).get(id);
      if (e == null) {
        String name = kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1, kind.length() - 1);
        throw ApiException.notFound(name, id);
      }
      sendJson(c, 200, include(c, e, null));
    }
  }
}
