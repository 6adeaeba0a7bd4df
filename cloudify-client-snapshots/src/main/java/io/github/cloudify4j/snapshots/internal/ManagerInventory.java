package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.client.spi.RelativeUrl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
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
@InternalApi
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
  private final CallOptions sysAdmin;

  public ManagerInventory(CloudifyClient client) {
    ClientContext context = ClientContext.of(client);
    this.api = context.create(InventoryApi.class);
    this.sysAdmin = context.callOptions(RequestOptions.builder().bypassMaintenance(true).build());
  }

  /** The kinds this class can count on a manager. */
  public static boolean isCountable(String kind) {
    return KINDS.containsKey(kind);
  }

  public static List<String> countableKinds() {
    return new ArrayList<>(KINDS.keySet());
  }

  /**
   * How many entities of this kind the manager holds (across all tenants).
   *
   * <p>Read from {@code metadata.pagination.total} of a {@code _size=0} list. A community manager's
   * {@code /tenants} ignores paging and sends every item (corpus seq 212), with the total still right; should a
   * server send items but a total below their number, the items count.
   *
   * @throws CloudifyServiceException (404 {@code missing_premium_package_error}) when the edition does not serve
   *     the kind (community {@code /users}, {@code /user-groups}: corpus seq 213, 214); see {@link #counts}
   */
  public long count(String kind) {
    String[] spec = KINDS.get(kind);
    if (spec == null) {
      throw new IllegalArgumentException("kind cannot be counted: " + kind);
    }
    ListParams.Builder params = ListParams.builder().size(0);
    if (spec[1].equals("tenant")) {
      params.allTenants(true);
    }
    Page<JsonNode> page = api.list(RelativeUrl.list(spec[0], params.build(), null, null), sysAdmin);
    long total = page.pagination().total();
    return page.pagination().offset() == 0 ? Math.max(total, page.items().size()) : total;
  }

  /**
   * Counts each kind. A kind the manager's edition does not serve (404 {@code missing_premium_package_error}) is
   * left out of {@link Counts#counted()} and named in {@link Counts#notCounted()} with the reason
   * {@value #NOT_COUNTED_COMMUNITY}; any other error is thrown.
   */
  public Counts counts(Iterable<String> kinds) {
    Map<String, Long> counted = new LinkedHashMap<>();
    Map<String, String> notCounted = new LinkedHashMap<>();
    for (String kind : kinds) {
      try {
        counted.put(kind, count(kind));
      } catch (CloudifyServiceException e) {
        if (!isPremiumOnly(e)) {
          throw e;
        }
        notCounted.put(kind, NOT_COUNTED_COMMUNITY);
      }
    }
    return new Counts(counted, notCounted);
  }

  /** The reason given for a kind a community manager does not serve. */
  public static final String NOT_COUNTED_COMMUNITY = "not counted (community edition)";

  /** Whether an error says the endpoint exists only in the premium edition. */
  public static boolean isPremiumOnly(CloudifyServiceException e) {
    return e.statusCode() == 404 && e.errorCode().filter(PREMIUM_ONLY::equals).isPresent();
  }

  private static final String PREMIUM_ONLY = "missing_premium_package_error";

  /** What {@link #counts} found: counts per kind, and the kinds it could not count with the reason. */
  public static final class Counts {
    private final Map<String, Long> counted;
    private final Map<String, String> notCounted;

    Counts(Map<String, Long> counted, Map<String, String> notCounted) {
      this.counted = Collections.unmodifiableMap(counted);
      this.notCounted = Collections.unmodifiableMap(notCounted);
    }

    public Map<String, Long> counted() {
      return counted;
    }

    public Map<String, String> notCounted() {
      return notCounted;
    }
  }

  /**
   * The overall status of {@code GET /cluster-status} ({@code OK}, {@code Degraded}, {@code Fail}), read as raw
   * JSON: only the summary word is needed, and the per-service details vary by version.
   */
  public String clusterStatus() {
    JsonNode body = api.get("cluster-status", sysAdmin);
    return body == null ? "unknown" : body.path("status").asText("unknown");
  }

  /**
   * Messages of the execution's events and logs that report a per-entity restore error. {@code /events} has its
   * own envelope ({@code metadata.pagination} with {@code size} 10000 by default and no {@code filtered}: corpus
   * seq 215); pages of {@value #EVENT_PAGE} are read until the total is reached, an empty page, or a page that
   * brings nothing new (a server ignoring the offset).
   */
  public List<String> restoreErrors(String executionId) {
    List<String> errors = new ArrayList<>();
    long offset = 0;
    while (offset < MAX_EVENTS) {
      String url = RelativeUrl.list("events", ListParams.builder().filter("execution_id", executionId).build(),
          EVENT_PAGE, offset);
      Page<JsonNode> page = api.list(url, sysAdmin);
      if (offset > 0 && page.pagination().offset() != offset) {
        break; // the offset was ignored: this page repeats what was read
      }
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
