package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.restore.ExistingSnapshotPolicy;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestoreTimeouts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Every orchestrator setting an operator needs to choose on the command line, shared by {@code restore} and
 * {@code migrate}. Checked by picocli when the arguments are read (a bad value is exit 2, nothing sent).
 */
final class RestoreSettings {
  @Option(names = "--existing-snapshot", paramLabel = "fail|reuse|replace", converter = PolicyConverter.class,
      description = "When the snapshot id is already on the manager (a failed restore leaves it there): stop before"
          + " changing anything (fail, the default), restore the one there (reuse), or delete it and upload again"
          + " (replace).")
  ExistingSnapshotPolicy existing = ExistingSnapshotPolicy.FAIL;

  @Option(names = "--post-restore-username", paramLabel = "NAME",
      description = "The account that works after the restore (a 5.x/6.x restore installs the source's admin)."
          + " Its password: --post-restore-password-file, else CLOUDIFY4J_POST_RESTORE_PASSWORD.")
  String postRestoreUsername;

  @Option(names = "--post-restore-password-file", paramLabel = "FILE",
      description = "A file holding the post-restore password (first line).")
  Path postRestorePasswordFile;

  @Option(names = "--health-wait", paramLabel = "DURATION", converter = Durations.class,
      description = "How long to wait for the manager to be healthy after the restore (default 10m).")
  Duration healthWait;

  @Option(names = "--restart-window", paramLabel = "DURATION", converter = Durations.class,
      description = "How long the manager may be unreachable while its services restart.")
  Duration restartWindow;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "The whole restore's limit.")
  Duration overall;

  @Option(names = "--force", description = "Restore onto a manager that holds data (the manager's force flag).")
  boolean force;

  @Option(names = "--restore-certificates", description = "Restore the source's certificates too.")
  boolean restoreCertificates;

  @Option(names = "--no-reboot", description = "With --restore-certificates: do not reboot the manager.")
  boolean noReboot;

  @Option(names = "--ignore-plugin-failure", description = "Go on when a plugin fails to install.")
  boolean ignorePluginFailure;

  @Option(names = "--keep-maintenance", description = "Leave maintenance mode on after a successful restore.")
  boolean keepMaintenance;

  @Option(names = "--confirm-other-nodes-stopped",
      description = "HA cluster: the other manager nodes are stopped (the guide's precondition).")
  boolean otherNodesStopped;

  @Option(names = "--node", paramLabel = "URL", description = "HA cluster: the node to restore on.")
  String node;

  @Option(names = "--no-verify", description = "Skip the count comparison after the restore.")
  boolean noVerify;

  /** Sets the choices on the orchestrator's builder. */
  RestoreOrchestrator.Builder applyTo(RestoreOrchestrator.Builder b, Session s) {
    b.onExistingSnapshot(existing);
    RestoreOptions.Builder o = RestoreOptions.builder().force(force).restoreCertificates(restoreCertificates)
        .noReboot(noReboot).ignorePluginFailure(ignorePluginFailure);
    b.restoreOptions(o.build());
    if (healthWait != null || restartWindow != null || overall != null) {
      RestoreTimeouts.Builder t = RestoreTimeouts.builder();
      if (healthWait != null) {
        t.health(healthWait);
      }
      if (restartWindow != null) {
        t.restartWindow(restartWindow);
      }
      if (overall != null) {
        t.overall(overall);
      }
      b.timeouts(t.build());
    }
    Credentials after = postRestoreCredentials(s);
    if (after != null) {
      b.postRestoreCredentials(after);
    }
    b.deactivateOnSuccess(!keepMaintenance);
    b.confirmOtherNodesStopped(otherNodesStopped);
    if (node != null) {
      URI u = Connection.url(node);
      b.node(u);
    }
    b.verify(!noVerify);
    return b;
  }

  private Credentials postRestoreCredentials(Session s) {
    if (postRestoreUsername == null) {
      if (postRestorePasswordFile != null) {
        throw new IllegalArgumentException("--post-restore-password-file needs --post-restore-username");
      }
      return null;
    }
    String password;
    if (postRestorePasswordFile != null) {
      password = Connection.firstLine(postRestorePasswordFile, "--post-restore-password-file");
    } else if (s.env.get("CLOUDIFY4J_POST_RESTORE_PASSWORD") != null) {
      password = s.env.get("CLOUDIFY4J_POST_RESTORE_PASSWORD");
    } else {
      throw new IllegalArgumentException("no password for --post-restore-username " + postRestoreUsername
          + ": give --post-restore-password-file FILE or set CLOUDIFY4J_POST_RESTORE_PASSWORD");
    }
    return Credentials.basic(postRestoreUsername, password);
  }

  /** {@code fail|reuse|replace}, any case. */
  static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<ExistingSnapshotPolicy> {
    @Override
    public ExistingSnapshotPolicy convert(String value) {
      try {
        return ExistingSnapshotPolicy.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("takes fail, reuse or replace, not '" + value + "'");
      }
    }
  }
}
