package io.github.cloudify4j.snapshots.cluster;

import io.github.cloudify4j.client.errors.CloudifyException;

/**
 * A recovery step failed (or the run was cancelled): {@link #step()} names it, {@link #getCause()} is what stopped it
 * (for example a {@code PremiumFeatureRequiredException} when a community manager refuses
 * {@code DELETE /managers/{hostname}}, a {@code WaitTimeoutException} when the cluster did not become healthy within
 * the bound), and {@link #report()} holds what was done until then.
 */
public final class RecoveryFailedException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final RecoveryStep step;
  private final transient RecoveryReport report;

  RecoveryFailedException(RecoveryStep step, RecoveryReport report, String message, Throwable cause) {
    super("Recovery failed at " + step + ": " + message, cause);
    this.step = step;
    this.report = report;
  }

  /**
   * The step that failed.
   *
   * @return the step
   */
  public RecoveryStep step() {
    return step;
  }

  /**
   * What was done before the failure (outcome {@link RecoveryReport.Outcome#FAILED}).
   *
   * @return the report
   */
  public RecoveryReport report() {
    return report;
  }
}
