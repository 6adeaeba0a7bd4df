package io.github.cloudify4j.snapshots.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.model.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what a manager holds, per kind of entity, with {@code _size=0} list calls (the total comes back without
 * any item), and reads a restore's events. Sent with {@code X-BYPASS-MAINTENANCE}: these endpoints are blocked in
 * maintenance mode, and restoring needs a sys-admin anyway.
 */
public final class ManagerInventory {
  /** Archive kind → REST list path, and whether it is tenant-scoped (then counted across all tenants). */
  private static final Map<String, String[]> KINDS;

  static {
    Map<String, String[]> kinds = new LinkedHashMap<>();
    kinds.put("tenants", new String[] {"tenants", "global"});
    kinds.put("users", new String[] {"users", "global"});
    kinds.put("user_groups", new String[] {"user-groups", "global"});
    kinds.put("sites", new String[] {"sites", "tenant"});
    kinds.put("plugins", new String[] {"plugins", "tenant"});
    kinds.put("secrets", new String[] {"secrets", "tenant"});
    kinds.put("blueprints", new String[] {"blueprints", "tenant"});
    kinds.put("deployments", new String[] {"deployments", "tenant"});
    kinds.put("deployment_groups", new String[] {"deployment-groups", "tenant"});
    kinds.put("execution_schedules", new String[] {"execution-schedules", "tenant"});
    KINDS = Collections.unmodifiableMap(kinds);
  }

  private static final int EVENT_PAGE = 1000;
  private static final int MAX_EVENTS = 100_000;

  private final InventoryApi api;
  private final RequestOptions sysAdmin = RequestOptions.builder().bypassMaintenance(true).build();

  public ManagerInventory(CloudifyClient client) {
    this.api = client.context().create(InventoryApi.class);
  }

  /** The kinds this class can count on a manager. */
  public static boolean isCountable(String kind) {
    return KINDS.containsKey(kind);
  }

  public static List<String> countableKinds() {
    return new ArrayList<>(KINDS.keySet());
  }

  /** How many entities of this kind the manager holds (across all tenants). */
  public long count(String kind) {
    String[] spec = KINDS.get(kind);
    if (spec == null) {
      throw new IllegalArgumentException("kind cannot be counted: " + kind);
    }
    ListParams.Builder params = ListParams.builder().size(0);
    if (spec[1].equals("tenant")) {
      params.allTenants(true);
    }
    Page<JsonNode> page = api.list(params.build().toRelativeUrl(spec[0], null, null), sysAdmin);
    return page.pagination().total();
  }

  /** Counts each kind. */
  public Map<String, Long> counts(Iterable<String> kinds) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String kind : kinds) {
      out.put(kind, count(kind));
    }
    return out;
  }

  /**
   * The overall status of {@code GET /cluster-status} ({@code OK}, {@code Degraded}, {@code Fail}), read as raw
   * JSON: only the summary word is needed, and the per-service details vary by version.
   */
  public String clusterStatus() {
    JsonNode body = api.get("cluster-status", sysAdmin);
    return body == null ? "unknown" : body.path("status").asText("unknown");
  }

  /** Messages of the execution's events and logs that report a per-entity restore error. */
  public List<String> restoreErrors(String executionId) {
    List<String> errors = new ArrayList<>();
    long offset = 0;
    while (offset < MAX_EVENTS) {
      String url = ListParams.builder().filter("execution_id", executionId).build()
          .toRelativeUrl("events", EVENT_PAGE, offset);
      Page<JsonNode> page = api.list(url, sysAdmin);
      for (JsonNode event : page.items()) {
        String message = event.path("message").asText("");
        String level = event.path("level").asText("");
        if (message.contains("Error restoring") || message.contains("Failed restoring")
            || (level.equalsIgnoreCase("error") && message.toLowerCase(java.util.Locale.ROOT).contains("restor"))) {
          errors.add(message);
        }
      }
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.pagination().total()) {
        break;
      }
    }
    return errors;
  }
}
