package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.snapshots.RestoreStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code doctor}: is this manager fit for a backup or a restore right now? A list of checks, each ok, warn or fail:
 * reachable and its version, the health of its services, maintenance mode, a restore running now. Exit 0 when all
 * are ok, 4 with warnings only, 1 with a failure.
 *
 * <p>The checks are {@link Check}s in {@link #checks()}: the HA cluster verdict (health and split-brain, from
 * {@code io.github.cloudify4j.snapshots.cluster} once it is on main) is one more entry there.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Checks the manager: version, health, maintenance mode, a restore running now.",
        "Exit 0 all ok, 4 warnings, 1 a failure."})
final class DoctorCommand implements Callable<Integer> {
  enum Verdict { OK, WARN, FAIL }

  /** One finding. */
  static final class Finding {
    final String check;
    final Verdict verdict;
    final String detail;

    Finding(String check, Verdict verdict, String detail) {
      this.check = check;
      this.verdict = verdict;
      this.detail = detail;
    }
  }

  /** One check of the doctor; an exception counts as FAIL with its message. */
  interface Check {
    String name();

    Finding run(CloudifyClient client);
  }

  private final Session s;

  @Mixin Connection connection;

  DoctorCommand(Session s) {
    this.s = s;
  }

  /** The checks, in order. The cluster verdict plugs in here. */
  static List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    checks.add(check("version", c -> {
      ServerVersion v = c.manager().version();
      return new Finding("version", Verdict.OK, v.versionText() + v.edition().map(e -> " " + e).orElse(""));
    }));
    checks.add(check("health", c -> {
      ManagerStatus st = c.manager().status();
      List<String> bad = new ArrayList<>();
      st.services().forEach((name, svc) -> {
        if (!"Active".equalsIgnoreCase(svc.status()) && !"OK".equalsIgnoreCase(svc.status())) {
          bad.add(name + " " + svc.status());
        }
      });
      return new Finding("health", st.isHealthy() ? Verdict.OK : Verdict.FAIL,
          st.status() + (bad.isEmpty() ? "" : ": " + String.join(", ", bad)));
    }));
    checks.add(check("maintenance", c -> {
      MaintenanceStatus m = c.maintenance().status();
      return new Finding("maintenance", m.isDeactivated() ? Verdict.OK : Verdict.WARN,
          m.status() + (m.isDeactivated() ? "" : ": executions and most requests are refused"));
    }));
    checks.add(check("restore", c -> {
      RestoreStatus r = Snapshots.of(c).restoreStatus();
      return new Finding("restore", r.isRunning() ? Verdict.WARN : Verdict.OK,
          r.isRunning() ? "a snapshot restore is running now (" + r.raw() + ")" : "none running");
    }));
    return checks;
  }

  private static Check check(String name, java.util.function.Function<CloudifyClient, Finding> f) {
    return new Check() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Finding run(CloudifyClient client) {
        return f.apply(client);
      }
    };
  }

  @Override
  public Integer call() {
    try (CloudifyClient client = connection.builder(s).build()) {
      List<Finding> findings = new ArrayList<>();
      for (Check c : checks()) {
        Finding f;
        try {
          f = c.run(client);
        } catch (RuntimeException e) {
          f = new Finding(c.name(), Verdict.FAIL, Main.oneLine(e));
          if (s.debug) {
            e.printStackTrace(s.err);
          }
        }
        findings.add(f);
        s.human().println(String.format("%-5s %-12s %s", f.verdict, f.check, f.detail));
      }
      Verdict worst = Verdict.OK;
      List<Object> doc = new ArrayList<>();
      for (Finding f : findings) {
        if (f.verdict.ordinal() > worst.ordinal()) {
          worst = f.verdict;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", f.check);
        m.put("verdict", f.verdict.name());
        m.put("detail", f.detail);
        doc.add(m);
      }
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("managers", client.managers().toString());
      root.put("verdict", worst.name());
      root.put("checks", doc);
      s.printJson(root);
      return worst == Verdict.OK ? Exit.OK : worst == Verdict.WARN ? Exit.PARTIAL : Exit.FAILED;
    }
  }
}
