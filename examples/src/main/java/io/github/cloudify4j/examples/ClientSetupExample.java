package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.ServerVersion;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Five ways to build a {@link CloudifyClient}, and a first call.
 *
 * <pre>
 * java -cp cloudify4j-demo.jar io.github.cloudify4j.examples.ClientSetupExample \
 *      --manager https://manager.example.com --username admin --password ... --ca-cert ca.pem
 * </pre>
 * or, with the {@code cfy} CLI's variables set ({@code CLOUDIFY_MANAGER_URL}, {@code CLOUDIFY_USERNAME} …), no
 * arguments at all.
 */
public final class ClientSetupExample {
  private ClientSetupExample() {}

  /** Username and password (HTTP Basic), one tenant. */
  public static CloudifyClient basic(String url, String username, String password, String tenant) {
    return CloudifyClient.builder()
        .manager(url)
        .basicAuth(username, password)
        .tenant(tenant)
        .build();
  }

  /** An API token ({@code cfy tokens create}); the client sends it as {@code Authentication-Token}. */
  public static CloudifyClient token(String url, String token) {
    return CloudifyClient.builder()
        .manager(url)
        .token(token)
        .build();
  }

  /**
   * HTTPS with the manager's own CA ({@code /etc/cloudify/ssl/cloudify_internal_ca_cert.pem} on the manager):
   * the certificate and the hostname are both checked. Never switch checking off outside a lab.
   */
  public static CloudifyClient tls(String httpsUrl, Path caPem, String username, String password) {
    return CloudifyClient.builder()
        .manager(httpsUrl)
        .basicAuth(username, password)
        .tls(TlsConfig.trustPem(caPem))
        .build();
  }

  /**
   * An HA cluster: every node's URL. A request goes to the node that answered last and moves on to the next when
   * one does not answer. Archive transfers take hours, so the whole-call timeout stays off; the connect and read
   * timeouts measure inactivity only.
   */
  public static CloudifyClient cluster(List<URI> nodes, String username, String password) {
    return CloudifyClient.builder()
        .managers(nodes)
        .basicAuth(username, password)
        .timeouts(Timeouts.of(Duration.ofSeconds(5), Duration.ofMinutes(5)))
        .retryPolicy(RetryPolicy.defaults())
        .build();
  }

  /** Like the {@code cfy} CLI: {@code CLOUDIFY_MANAGER_URL}, {@code CLOUDIFY_USERNAME}, … from the environment. */
  public static CloudifyClient fromEnv() {
    return CloudifyClient.fromEnv();
  }

  /** A first call: which manager, is it healthy, is it in maintenance mode. */
  public static void run(CloudifyClient client, PrintStream out) {
    ServerVersion version = client.manager().version();
    ManagerStatus status = client.manager().status();
    MaintenanceStatus maintenance = client.maintenance().status();
    out.println("Connected to " + client.managers() + " as " + client.credentials() + ", tenant " + client.tenant());
    out.println("  version:     " + version.versionText() + version.edition().map(e -> " (" + e + ")").orElse(""));
    out.println("  status:      " + status.status() + " (" + status.services().size() + " services)");
    out.println("  maintenance: " + maintenance.status());
  }

  public static void main(String[] args) {
    Cli.logLevels(args);
    System.exit(run(args, System.out, System.err, System.getenv(), UnaryOperator.identity()));
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: ClientSetupExample [--manager URL --username U --password P | --token T] [--tenant T]"
          + " [--ca-cert FILE] [--debug]   (default: the cfy CLI's CLOUDIFY_* variables)",
      "Exit codes: 0 connected; 1 failed; 2 bad arguments.");

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a;
    try {
      a = Args.parse(args);
      if (a.flag("help")) {
        out.println(USAGE);
        return Cli.OK;
      }
      a.requireKnown(Cli.COMMON_OPTIONS);
    } catch (IllegalArgumentException e) {
      return Cli.usage(err, Cli.oneLine(e));
    }
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      run(client, out);
      return Cli.OK;
    } catch (RuntimeException e) {
      return Cli.ended(err, e, a.flag("debug"));
    }
  }
}
