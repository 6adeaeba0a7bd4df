package io.github.cloudify4j.testkit;

/**
 * The Cloudify Manager version the fake imitates. Each profile selects the version-specific
 * quirks listed in the reference fact sheet (restore body keys, snapshot-status wording,
 * activate response shape, upload-onto-existing-id behaviour, {@code metadata.filtered},
 * blocking semantics of snapshot create, default archive format).
 */
public enum ServerProfile {
  /** Cloudify 5.0.5 (the operator guide's manager). Legacy archives only. */
  V5_0_5("5.0.5", "centos", "Core"),
  /** Cloudify 6.4.0. Legacy archives only. */
  V6_4("6.4.0", "rhel", "Ootpa"),
  /** Cloudify 7.0.4. New (JSON dump) archive format by default. */
  V7_0_4("7.0.4", "rhel", "Plow");

  private final String version;
  private final String distribution;
  private final String distroRelease;

  ServerProfile(String version, String distribution, String distroRelease) {
    this.version = version;
    this.distribution = distribution;
    this.distroRelease = distroRelease;
  }

  /**
   * The {@code version} string reported by {@code GET /api/version}.
   *
   * @return the version, e.g. {@code 7.0.4}
   */
  public String version() {
    return version;
  }

  /**
   * The {@code distribution} reported by {@code /api/version} and {@code /managers}.
   *
   * @return the distribution, e.g. {@code rhel}
   */
  public String distribution() {
    return distribution;
  }

  /**
   * The {@code distro_release} reported by {@code /api/version} and {@code /managers}.
   *
   * @return the distribution's release name, e.g. {@code Plow}
   */
  public String distroRelease() {
    return distroRelease;
  }

  /**
   * True for 6.x and later: list envelope carries {@code metadata.filtered}.
   *
   * @return whether list responses carry {@code metadata.filtered}
   */
  public boolean hasFilteredMetadata() {
    return this != V5_0_5;
  }

  /**
   * True for 6.0+: the activate response nests {@code remaining_executions} in a list.
   *
   * @return whether {@code remaining_executions} is nested in a list
   */
  public boolean nestedActivateRemainingExecutions() {
    return this != V5_0_5;
  }

  /**
   * True for ≤5.2: restore requires {@code recreate_deployments_envs}.
   *
   * @return whether a restore request without {@code recreate_deployments_envs} is refused
   */
  public boolean requiresRecreateDeploymentsEnvs() {
    return this == V5_0_5;
  }

  /**
   * True when {@code /snapshot-status} answers {@code running}/{@code not-running}.
   *
   * @return whether the short status wording is used
   */
  public boolean shortSnapshotStatus() {
    return this != V5_0_5;
  }

  /**
   * True when uploading onto an existing id overwrites and returns 201 with null fields (7.0.4+).
   *
   * @return whether an upload onto an existing id overwrites it (otherwise: 409 {@code conflict_error})
   */
  public boolean uploadOverwritesExisting() {
    return this == V7_0_4;
  }

  /**
   * True when the manager knows the 7.x JSON-dump archive format.
   *
   * @return whether 7.x archives can be created and restored
   */
  public boolean supportsNewArchiveFormat() {
    return this == V7_0_4;
  }

  /**
   * True when non-legacy snapshot create runs alongside other executions (7.0.4+).
   *
   * @return whether create does not wait for other executions
   */
  public boolean nonBlockingCreate() {
    return this == V7_0_4;
  }

  /**
   * True when a new snapshot's id may hold {@code ~}. The service checks ids on create by URL-quoting them
   * ({@code validate_inputs}: the quoted value must equal the id), so the rule is whatever the manager's Python
   * leaves unquoted: {@code ~} since Python 3.7 (RFC 3986), which 7.x runs; 5.0.5 and 6.4 run older Pythons that
   * quote it. The fact sheet says {@code ~} "passes in practice"; the recorded 7.1 exchanges hold no {@code ~} case.
   *
   * @return whether {@code ~} is accepted in new snapshot ids
   */
  public boolean tildeInIds() {
    return this == V7_0_4;
  }

  /**
   * The snapshot-status body value while a restore is running.
   *
   * @return the body value, e.g. {@code running}
   */
  public String snapshotStatusRunning() {
    return shortSnapshotStatus() ? "running"
        : "Snapshot restore in progress...\nThis may take a while, depending on the snapshot size.";
  }

  /**
   * The snapshot-status body value when no restore is running.
   *
   * @return the body value, e.g. {@code not-running}
   */
  public String snapshotStatusNotRunning() {
    return shortSnapshotStatus() ? "not-running" : "No restore_snapshot workflow currently running.";
  }

  /**
   * Parses {@code 7.0.4}, {@code 7}, {@code V7_0_4}, {@code 6.4}, {@code 5.0.5}.
   *
   * @param text a version or constant name
   * @return the matching profile
   * @throws IllegalArgumentException if no profile matches
   */
  public static ServerProfile parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    if (!t.startsWith("V")) {
      t = "V" + t;
    }
    for (ServerProfile p : values()) {
      if (p.name().equals(t) || p.name().startsWith(t + "_") || (t.equals("V6_4_0") && p == V6_4)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown server profile: " + text + " (use 5.0.5, 6.4 or 7.0.4)");
  }
}
