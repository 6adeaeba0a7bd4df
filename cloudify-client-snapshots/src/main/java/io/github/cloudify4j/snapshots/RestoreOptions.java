package io.github.cloudify4j.snapshots;

import io.github.cloudify4j.client.model.Version;
import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** No force, no certificates, no reboot change. */
  public static RestoreOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

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

  public boolean force() {
    return force;
  }

  public boolean restoreCertificates() {
    return restoreCertificates;
  }

  public boolean noReboot() {
    return noReboot;
  }

  public boolean ignorePluginFailure() {
    return ignorePluginFailure;
  }

  /**
   * The {@code timeout} parameter sent with the restore request (the server's default is 300 s when absent). The
   * manager hands it to the {@code restore_snapshot} workflow, which does not enforce it (it bounds nothing on
   * current managers); the client-side limit on a restore is {@code RestoreTimeouts.restoreExecution}.
   */
  public Optional<Duration> workflowTimeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The old name of {@link #workflowTimeout()}.
   *
   * @deprecated it bounds the server's workflow parameter, not the client's wait: use {@link #workflowTimeout()}
   */
  @Deprecated
  public Optional<Duration> timeout() {
    return workflowTimeout();
  }

  public Optional<String> tenantName() {
    return Optional.ofNullable(tenantName);
  }

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
     */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** Legacy format: install the snapshot's certificates; the manager reboots unless {@link #noReboot}. */
    public Builder restoreCertificates(boolean restoreCertificates) {
      this.restoreCertificates = restoreCertificates;
      return this;
    }

    /** With {@link #restoreCertificates}: do not reboot (a manual reboot is then recommended). */
    public Builder noReboot(boolean noReboot) {
      this.noReboot = noReboot;
      return this;
    }

    /** Sent for compatibility; managers ignore it since 2020. */
    public Builder ignorePluginFailure(boolean ignorePluginFailure) {
      this.ignorePluginFailure = ignorePluginFailure;
      return this;
    }

    /**
     * The {@code timeout} parameter of the restore request, whole seconds (server default 300 s). Current managers
     * pass it to the workflow without enforcing it; to bound the wait for a restore, use {@code
     * RestoreTimeouts.restoreExecution} of the orchestrator.
     */
    public Builder workflowTimeout(Duration workflowTimeout) {
      return wholeSeconds(workflowTimeout, "workflowTimeout");
    }

    /**
     * The old name of {@link #workflowTimeout(Duration)}.
     *
     * @deprecated it sets the server's workflow parameter, not a client wait: use {@link #workflowTimeout(Duration)}
     */
    @Deprecated
    public Builder timeout(Duration timeout) {
      return wholeSeconds(timeout, "timeout");
    }

    private Builder wholeSeconds(Duration timeout, String name) {
      Arguments.requirePositive(timeout, name);
      if (timeout.getSeconds() < 1 || timeout.getNano() != 0) {
        throw new IllegalArgumentException(name + " must be a whole number of seconds: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** 5.x managers: the tenant of the guide's example body. */
    public Builder tenantName(String tenantName) {
      this.tenantName = Arguments.requireText(tenantName, "tenantName");
      return this;
    }

    /** 5.x managers: recreate the deployments' environments (required key there; default true). */
    public Builder recreateDeploymentsEnvs(boolean recreateDeploymentsEnvs) {
      this.recreateDeploymentsEnvs = recreateDeploymentsEnvs;
      return this;
    }

    public RestoreOptions build() {
      if (noReboot && !restoreCertificates) {
        throw new IllegalArgumentException(
            "noReboot is only relevant with restoreCertificates(true), as the manager would answer");
      }
      return new RestoreOptions(this);
    }
  }

  @Override
  public String toString() {
    return "RestoreOptions{force=" + force + ", restoreCertificates=" + restoreCertificates + ", noReboot="
        + noReboot + ", ignorePluginFailure=" + ignorePluginFailure + ", timeout=" + timeout + ", tenantName="
        + tenantName + ", recreateDeploymentsEnvs=" + recreateDeploymentsEnvs + "}";
  }
}
