package io.github.cloudify4j.testkit;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake standalone in real time.
 *
 * <pre>
 * java -jar cloudify-client-testkit-0.1.0-SNAPSHOT-standalone.jar --port 8080 --profile 7.0.4 --seed-demo
 * </pre>
 */
public final class FakeCloudifyManagerMain {
  private FakeCloudifyManagerMain() {
  }

  /** Parsed command line. */
  public static final class Options {
    /** {@code --port}: port of node 0 (default 8080; 0 picks a free one). */
    public int port = 8080;

    /** Options with every default, as an empty command line gives. */
    public Options() {
    }
    /** {@code --profile}: the manager version to imitate (default 7.0.4). */
    public ServerProfile profile = ServerProfile.V7_0_4;
    /** {@code --edition}: {@code premium} (default) or {@code community}. */
    public Edition edition = Edition.PREMIUM;
    /** {@code --username}: the admin's username (default {@code admin}). */
    public String username = "admin";
    /** {@code --password}: the admin's password (default {@code admin}). */
    public String password = "admin";
    /** {@code --tenant}: the default tenant (default {@code default_tenant}). */
    public String tenant = "default_tenant";
    /** {@code --storage-dir}: where archives are kept; null (the default) means a temp dir deleted on exit. */
    public String storageDir;
    /** {@code --host}: the address to bind (default 127.0.0.1; 0.0.0.0 exposes the fake to the network). */
    public String host = "127.0.0.1";
    /** {@code --nodes}: number of manager nodes sharing one state, 1 to 16 (default 1). */
    public int nodes = 1;
    /**
     * {@code --seed-demo}: start with demo content: 3 blueprints, 4 deployments, 5 secrets, 2 plugins, a created and
     * a failed snapshot.
     */
    public boolean seedDemo;
    /** {@code --workflows}: {@code automatic} (default) or {@code worker-driven}; see {@link WorkflowMode}. */
    public WorkflowMode workflows = WorkflowMode.AUTOMATIC;
    /**
     * {@code --restore-flag-file}: the flag file {@link WorkflowMode#WORKER_DRIVEN} watches; null (the default) for
     * the real manager's {@code /tmp/cloudify/snapshot_restoring} when worker-driven, else one in the storage dir.
     */
    public String restoreFlagFile;
    /** {@code --help} / {@code -h}: print the usage and exit. */
    public boolean help;
  }

  static final String USAGE = "Usage: java -jar cloudify-client-testkit-standalone.jar [options]\n"
      + "  --port N            port to listen on (default 8080; 0 = any free port)\n"
      + "  --host ADDR         address to bind (default 127.0.0.1)\n"
      + "  --profile V         5.0.5 | 6.4 | 7.0.4 (default 7.0.4)\n"
      + "  --edition E         premium | community (default premium)\n"
      + "  --username U        admin username (default admin)\n"
      + "  --password P        admin password (default admin)\n"
      + "  --tenant T          default tenant (default default_tenant)\n"
      + "  --storage-dir DIR   where archives are stored (default: temp dir, deleted on exit)\n"
      + "  --nodes N           cluster nodes on consecutive ports (default 1)\n"
      + "  --workflows M       automatic | worker-driven (default automatic): worker-driven executions stay\n"
      + "                      pending until the worker's PATCH /executions/{id} requests move them\n"
      + "  --restore-flag-file F  worker-driven: /snapshot-status is running while F exists\n"
      + "                      (default /tmp/cloudify/snapshot_restoring, as on a real manager)\n"
      + "  --seed-demo         seed blueprints, deployments, secrets and snapshots\n"
      + "  --help              this text\n";

  /**
   * Parses arguments ({@code --key value} or {@code --key=value}).
   *
   * @param args the command-line arguments
   * @return the parsed options; unset options keep their defaults
   * @throws IllegalArgumentException for an unknown option, a missing value or a value out of range
   */
  public static Options parse(String... args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        v = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      switch (a) {
        case "--help":
        case "-h":
          o.help = true;
          break;
        case "--seed-demo":
          o.seedDemo = true;
          break;
        case "--port":
        case "--profile":
        case "--username":
        case "--password":
        case "--tenant":
        case "--storage-dir":
        case "--host":
        case "--nodes":
        case "--edition":
        case "--workflows":
        case "--restore-flag-file":
          if (v == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("Missing value for " + a);
            }
            v = args[++i];
          }
          apply(o, a, v);
          break;
        default:
          throw new IllegalArgumentException("Unknown option: " + a);
      }
    }
    return o;
  }

  private static void apply(Options o, String key, String v) {
    switch (key) {
      case "--port":
        o.port = parseInt(key, v, 0, 65535);
        break;
      case "--nodes":
        o.nodes = parseInt(key, v, 1, 16);
        break;
      case "--profile":
        o.profile = ServerProfile.parse(v);
        break;
      case "--edition":
        o.edition = Edition.parse(v);
        break;
      case "--username":
        o.username = v;
        break;
      case "--password":
        o.password = v;
        break;
      case "--tenant":
        o.tenant = v;
        break;
      case "--storage-dir":
        o.storageDir = v;
        break;
      case "--host":
        o.host = v;
        break;
      case "--workflows":
        o.workflows = WorkflowMode.parse(v);
        break;
      case "--restore-flag-file":
        o.restoreFlagFile = v;
        break;
      default:
        throw new IllegalArgumentException(key);
    }
  }

  private static int parseInt(String key, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ": " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " needs a number: " + v, e);
    }
  }

  /**
   * Builds (but does not start) the manager the options describe.
   *
   * @param o the options
   * @return the manager, not yet started
   */
  public static FakeCloudifyManager create(Options o) {
    FakeCloudifyManager.Builder b = FakeCloudifyManager.builder()
        .profile(o.profile)
        .edition(o.edition)
        .adminCredentials(o.username, o.password)
        .tenant(o.tenant)
        .port(o.port)
        .bindAddress(o.host)
        .nodes(o.nodes)
        .workflows(o.workflows)
        .realTime();
    if (o.workflows == WorkflowMode.WORKER_DRIVEN) {
      b.restoreFlagFile(Paths.get(o.restoreFlagFile != null ? o.restoreFlagFile : "/tmp/cloudify/snapshot_restoring"));
    } else if (o.restoreFlagFile != null) {
      b.restoreFlagFile(Paths.get(o.restoreFlagFile));
    }
    if (o.storageDir != null) {
      b.storageDir(Paths.get(o.storageDir));
    }
    FakeCloudifyManager m = b.build();
    if (o.seedDemo) {
      m.seed().blueprints(3).deployments(4).secrets(5).plugins(2)
          .snapshot("demo-snapshot-1", "created").snapshot("demo-snapshot-failed", "failed");
    }
    return m;
  }

  /**
   * Starts the manager and returns it (used by {@link #main} and tests).
   *
   * @param o the options
   * @param out where the listening address(es) are printed
   * @return the started manager; the caller closes it
   */
  public static FakeCloudifyManager run(Options o, PrintStream out) {
    FakeCloudifyManager m = create(o).start();
    out.println("Fake Cloudify Manager " + o.profile.version() + " (" + o.edition.wireName() + ") listening on "
        + m.baseUrl() + " (user " + o.username + ", tenant " + o.tenant + ")"
        + (o.workflows == WorkflowMode.WORKER_DRIVEN ? ", worker-driven, restore flag " + m.restoreFlagFile() : ""));
    for (int i = 1; i < m.nodeCount(); i++) {
      out.println("  node " + (i + 1) + ": " + m.baseUrl(i));
    }
    out.flush();
    return m;
  }

  /**
   * Command-line entry point: starts the fake in real time and runs until the JVM is stopped (Ctrl-C).
   *
   * @param args the options, see {@link #parse(String...)}; a bad option prints the usage and exits with status 2
   * @throws InterruptedException if the main thread is interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (o.help) {
      System.out.print(USAGE);
      return;
    }
    FakeCloudifyManager m = run(o, System.out);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      m.close();
      done.countDown();
    }, "fake-cloudify-shutdown"));
    while (!done.await(1, java.util.concurrent.TimeUnit.HOURS)) {
      m.advance(Duration.ZERO);
    }
  }
}
