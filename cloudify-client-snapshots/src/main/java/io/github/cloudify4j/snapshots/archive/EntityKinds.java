package io.github.cloudify4j.snapshots.archive;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The entity kinds found in 7.x snapshot dump files, spelled exactly as in their {@code "type"}
 * field, which is also how {@link ArchiveInfo} keys its counts.
 *
 * <p>The order of {@link #RESTORE_ORDER} is the order in which a 7.x manager restores them
 * (cloudify-manager {@code snapshot_restore.py}, {@code _new_restore_parse_and_restore}): each
 * kind only refers to kinds before it. A verifying orchestrator should compare them in the same
 * order, so the first missing kind explains the later ones.
 */
public final class EntityKinds {

  /** Management (not tenant-scoped) kinds, stored under {@code mgmt/}. */
  public static final List<String> MANAGEMENT = Collections.unmodifiableList(Arrays.asList(
      "tenants", "permissions", "user_groups", "users"));

  /** All kinds in the order a 7.x manager restores them. */
  public static final List<String> RESTORE_ORDER = Collections.unmodifiableList(Arrays.asList(
      "tenants", "permissions", "user_groups", "users", "sites",
      "plugins", "secrets_providers", "secrets", "blueprints",
      "deployments", "deployment_groups", "nodes", "node_instances",
      "agents", "inter_deployment_dependencies", "executions",
      "execution_groups", "events", "deployment_updates",
      "plugins_update", "deployments_filters", "blueprints_filters",
      "tasks_graphs", "execution_schedules"));

  private EntityKinds() {
  }
}
