package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.cluster.ClusterReport;
import io.github.cloudify4j.snapshots.cluster.ClusterVerdict;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The cluster "doctor": asks every manager node of {@code --manager url1,url2,url3} separately, prints a health
 * table per node (answer, status, cluster view, who it reaches, database and broker quorum), the split-brain
 * verdict with what each node says, and the guide's recovery plan for what it found, operator commands included.
 * It changes nothing: run the plan with {@code io.github.cloudify4j.snapshots.cluster.ClusterDoctor#recover}.
 *
 * <pre>
 * ClusterDoctor --manager https://10.0.0.11,https://10.0.0.12,https://10.0.0.13 --username admin --password ...
 * </pre>
 */
public final class ClusterDoctor {
  /** Exit code when the cluster needs a recovery (any verdict but HEALTHY and SINGLE_MANAGER). */
  static final int NEEDS_RECOVERY = 4;

  private ClusterDoctor() {}

  /**
   * Examines the cluster of {@code client} and prints the report.
   *
   * @return the report printed
   */
  public static ClusterReport run(CloudifyClient client, Map<URI, String> hostnames, PrintStream out) {
    io.github.cloudify4j.snapshots.cluster.ClusterDoctor.Builder b =
        io.github.cloudify4j.snapshots.cluster.ClusterDoctor.builder(client);
    hostnames.forEach(b::hostname);
    ClusterReport report = b.build().examine();
    out.print(report.render());
    return report;
  }

  public static void main(String[] args) {
    Cli.logLevels(args);
    System.exit(run(args, System.out, System.err, System.getenv(), UnaryOperator.identity()));
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: ClusterDoctor --manager URL1,URL2,... [connection options] [--hostnames URL=NAME,...] [--debug]",
      "  --manager URLS        every manager node of the cluster, comma-separated (each is asked alone)",
      "  --hostnames URL=NAME  the host name of a node whose URL does not name it (a load balancer, a tunnel)",
      "Exit codes: 0 healthy (or a single manager); 4 the cluster needs a recovery (the plan is printed);",
      "1 failed; 2 bad arguments.");

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a;
    Map<URI, String> hostnames = new java.util.LinkedHashMap<>();
    try {
      a = Args.parse(args);
      if (a.flag("help")) {
        out.println(USAGE);
        return Cli.OK;
      }
      List<String> known = new ArrayList<>(Arrays.asList(Cli.COMMON_OPTIONS));
      known.add("hostnames");
      a.requireKnown(known.toArray(new String[0]));
      if (!a.hasManager("", env)) {
        throw new IllegalArgumentException("--manager is required: every node of the cluster");
      }
      for (String pair : a.option("hostnames", "").split(",")) {
        if (pair.trim().isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException("--hostnames takes URL=NAME pairs: " + pair.trim());
        }
        hostnames.put(URI.create(pair.substring(0, eq).trim()), pair.substring(eq + 1).trim());
      }
    } catch (IllegalArgumentException e) {
      return Cli.usage(err, Cli.oneLine(e));
    }
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      ClusterReport report = run(client, hostnames, out);
      return report.verdict() == ClusterVerdict.HEALTHY || report.verdict() == ClusterVerdict.SINGLE_MANAGER
          ? Cli.OK : NEEDS_RECOVERY;
    } catch (RuntimeException e) {
      return Cli.ended(err, e, a.flag("debug"));
    }
  }
}
