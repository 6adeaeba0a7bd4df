package io.github.cloudify4j.snapshots;

import io.github.cloudify4j.client.model.Version;
import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /snapshots/{id}/restore}. {@code force} is always sent (the server needs the key). The
 * 5.x keys ({@code recreate_deployments_envs}, required there, and {@code tenant_name}) are sent only to 5.x
 * managers: the client learns the version from {@code GET /api/version}.
 */
public final class RestoreOptions {
  private static final RestoreOptions DEFAULTS = builder().build();

  private final boolean force;
  private final boolean restoreCertificates;
  private final boolean noReboot;
  private final boolean ignorePluginFailure;
  private final Duration timeout;
  private final String tenantName;
  private final boolean recreateDeploymentsEnvs;

  private RestoreOptions(Builder b) {
    force = b.force;
    restoreCertificates = b.restoreCertificates;
    noReboot = b.noReboot;
    ignorePluginFailure = b.ignorePluginFailure;
    timeout = b.timeout;
    tenantName = b.tenantName;
    recreateDeploymentsEnvs = b.recreateDeploymentsEnvs;
  }

  /**
   * No force, no certificates, no reboot change, the server's timeout; on 5.x, deployment environments
   * recreated and no tenant name.
   *
   * @return the shared default options
   */
  public static RestoreOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults ({@link #defaults()}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these options, to change one of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.force = force;
    b.restoreCertificates = restoreCertificates;
    b.noReboot = noReboot;
    b.ignorePluginFailure = ignorePluginFailure;
    b.timeout = timeout;
    b.tenantName = tenantName;
    b.recreateDeploymentsEnvs = recreateDeploymentsEnvs;
    return b;
  }

  /**
   * Whether the restore may replace a manager's existing data ({@link Builder#force(boolean)}).
   *
   * @return the {@code force} key sent; default false
   */
  public boolean force() {
    return force;
  }

  /**
   * Whether a legacy-format restore installs the snapshot's certificates.
   *
   * @return the {@code restore_certificates} key sent; default false
   */
  public boolean restoreCertificates() {
    return restoreCertificates;
  }

  /**
   * Whether the manager skips the reboot that installing certificates needs.
   *
   * @return the {@code no_reboot} key sent; default false
   */
  public boolean noReboot() {
    return noReboot;
  }

  /**
   * The {@code ignore_plugin_failure} key, sent for compatibility only.
   *
   * @return its value; default false
   */
  public boolean ignorePluginFailure() {
    return ignorePluginFailure;
  }

  /**
   * The {@code timeout} parameter sent with the restore request (the server's default is 300 s when absent). The
   * manager hands it to the {@code restore_snapshot} workflow, which does not enforce it (it bounds nothing on
   * current managers); the client-side limit on a restore is {@code RestoreTimeouts.restoreExecution}.
   *
   * @return the parameter, or empty to leave the server's default (300 s)
   */
  public Optional<Duration> workflowTimeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The {@code tenant_name} key, sent only to 5.x managers.
   *
   * @return the tenant name, or empty (the default: not sent)
   */
  public Optional<String> tenantName() {
    return Optional.ofNullable(tenantName);
  }

  /**
   * The {@code recreate_deployments_envs} key, sent only to 5.x managers (which require it).
   *
   * @return its value; default true
   */
  public boolean recreateDeploymentsEnvs() {
    return recreateDeploymentsEnvs;
  }

  /** The JSON body for a manager of this version. */
  Map<String, Object> toBody(Version serverVersion) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("force", force);
    body.put("restore_certificates", restoreCertificates);
    body.put("no_reboot", noReboot);
    body.put("ignore_plugin_failure", ignorePluginFailure);
    if (timeout != null) {
      body.put("timeout", timeout.getSeconds());
    }
    if (serverVersion != null && serverVersion.major() < 6) {
      body.put("recreate_deployments_envs", recreateDeploymentsEnvs);
      if (tenantName != null) {
        body.put("tenant_name", tenantName);
      }
    }
    return body;
  }

  /** Builds {@link RestoreOptions}. */
  public static final class Builder {
    private boolean force;
    private boolean restoreCertificates;
    private boolean noReboot;
    private boolean ignorePluginFailure;
    private Duration timeout;
    private String tenantName;
    private boolean recreateDeploymentsEnvs = true;

    private Builder() {}

    /**
     * Restore onto a manager that already holds blueprints; its data is deleted (legacy format). A 7.x JSON-format
     * restore no longer checks this itself: the restore orchestrator does, before anything changes.
     *
     * @param force true to allow replacing existing data; default false (the manager refuses a non-empty target)
     * @return this builder
     */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /**
     * Legacy format: install the snapshot's certificates; the manager reboots unless {@link #noReboot}. Use it to
     * move a manager's identity (agents keep trusting it); a restore without it keeps the target's certificates.
     *
     * @param restoreCertificates true to install them; default false
     * @return this builder
     */
    public Builder restoreCertificates(boolean restoreCertificates) {
      this.restoreCertificates = restoreCertificates;
      return this;
    }

    /**
     * With {@link #restoreCertificates}: do not reboot (a manual reboot is then recommended).
     *
     * @param noReboot true to skip the reboot; default false. True without certificates fails at {@link #build()}
     * @return this builder
     */
    public Builder noReboot(boolean noReboot) {
      this.noReboot = noReboot;
      return this;
    }

    /**
     * Sent for compatibility; managers ignore it since 2020.
     *
     * @param ignorePluginFailure the value sent; default false
     * @return this builder
     */
    public Builder ignorePluginFailure(boolean ignorePluginFailure) {
      this.ignorePluginFailure = ignorePluginFailure;
      return this;
    }

    /**
     * The {@code timeout} parameter of the restore request, whole seconds (server default 300 s). Current managers
     * pass it to the workflow without enforcing it; to bound the wait for a restore, use {@code
     * RestoreTimeouts.restoreExecution} of the orchestrator.
     *
     * @param workflowTimeout a positive whole number of seconds
     * @return this builder
     * @throws NullPointerException if {@code workflowTimeout} is null
     * @throws IllegalArgumentException if it is not positive or has a fraction of a second
     */
    public Builder workflowTimeout(Duration workflowTimeout) {
      return wholeSeconds(workflowTimeout, "workflowTimeout");
    }

    private Builder wholeSeconds(Duration timeout, String name) {
      Arguments.requirePositive(timeout, name);
      if (timeout.getSeconds() < 1 || timeout.getNano() != 0) {
        throw new IllegalArgumentException(name + " must be a whole number of seconds: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * 5.x managers: the tenant of the guide's example body. Ignored (not sent) for 6.x and later.
     *
     * @param tenantName a non-blank tenant name without control characters; default none
     * @return this builder
     * @throws NullPointerException if {@code tenantName} is null
     * @throws IllegalArgumentException if it is blank, too long or holds a control character
     */
    public Builder tenantName(String tenantName) {
      this.tenantName = Arguments.requireText(tenantName, "tenantName");
      return this;
    }

    /**
     * 5.x managers: recreate the deployments' environments (required key there; default true). Ignored (not
     * sent) for 6.x and later.
     *
     * @param recreateDeploymentsEnvs the value sent
     * @return this builder
     */
    public Builder recreateDeploymentsEnvs(boolean recreateDeploymentsEnvs) {
      this.recreateDeploymentsEnvs = recreateDeploymentsEnvs;
      return this;
    }

    /**
     * The options, checked as the manager would check them, before anything is sent.
     *
     * @return new, immutable options
     * @throws IllegalArgumentException if {@code noReboot} is set without {@code restoreCertificates}
     */
    public RestoreOptions build() {

      if (noReboot && !restoreCertificates) {
        throw new IllegalArgumentException(
            "noReboot is only relevant with restoreCertificates(true), as the manager would answer");
      }
      return new RestoreOptions(this);
    }
  }

  /** Equal when every option is equal: two equal options send the same body to the same manager. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RestoreOptions)) {
      return false;
    }
    RestoreOptions r = (RestoreOptions) o;
    return force == r.force && restoreCertificates == r.restoreCertificates && noReboot == r.noReboot
        && ignorePluginFailure == r.ignorePluginFailure && Objects.equals(timeout, r.timeout)
        && Objects.equals(tenantName, r.tenantName) && recreateDeploymentsEnvs == r.recreateDeploymentsEnvs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(force, restoreCertificates, noReboot, ignorePluginFailure, timeout, tenantName,
        recreateDeploymentsEnvs);
  }

  @Override
  public String toString() {
    return "RestoreOptions{force=" + force + ", restoreCertificates=" + restoreCertificates + ", noReboot="
        + noReboot + ", ignorePluginFailure=" + ignorePluginFailure + ", timeout=" + timeout + ", tenantName="
        + tenantName + ", recreateDeploymentsEnvs=" + recreateDeploymentsEnvs + "}";
  }
}
