package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServerVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: the manager's version and health; exit 1 when it is not healthy (for monitoring scripts). */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"The manager's version and the status of its services.", "Exit 1 when it is not healthy."})
final class StatusCommand implements Callable<Integer> {
  private final Session s;

  @Mixin Connection connection;

  StatusCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() {
    try (CloudifyClient client = connection.builder(s).build()) {
      ServerVersion version = client.manager().version();
      ManagerStatus status = client.manager().status();
      s.human().println("manager:  " + client.managers());
      s.human().println("version:  " + version.versionText() + version.edition().map(e -> " (" + e + ")").orElse(""));
      s.human().println("status:   " + status.status() + (status.isHealthy() ? "" : "  (not healthy)"));
      status.services().forEach((name, st) -> s.human().println("  " + name + ": " + st.status()));
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("managers", client.managers().toString());
      doc.put("version", Documents.version(version));
      doc.put("status", Documents.status(status));
      s.printJson(doc);
      return status.isHealthy() ? Exit.OK : Exit.FAILED;
    }
  }
}
