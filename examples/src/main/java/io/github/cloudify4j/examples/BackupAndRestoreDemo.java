package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The demo: a daily backup, then a disaster restore onto a new manager, in one command.
 *
 * <p>Without a manager it brings its own: two embedded fake managers on loopback (the old one, with data, and the
 * fresh one that replaces it), in real time, about 15 seconds in all. With {@code --manager} (or {@code --env}, the
 * {@code cfy} CLI's variables) it backs up that manager; a restore onto a real manager needs
 * {@code --restore-target URL} and the explicit {@value #CONFIRM} flag, and prints its plan first.
 *
 * <p>Exit codes: 0 done; 1 failed, or the restore is PARTIAL (something is missing on the target); 2 bad arguments
 * (nothing was sent); 3 restore refused (no confirmation: the plan was printed, nothing changed).
 */
public final class BackupAndRestoreDemo {
  static final String CONFIRM = "--i-understand-this-replaces-the-target-data";
  static final int OK = Cli.OK;
  static final int FAILED = Cli.FAILED;
  static final int USAGE = Cli.USAGE;
  static final int REFUSED = Cli.REFUSED;

  /** Options that only mean something with a real manager: without one they would be silently ignored. */
  private static final String[] REAL_ONLY = {"restore-target", "archive", "target-username", "target-password",
      "target-token", "target-tenant", "target-ca-cert", "username", "password", "token", "tenant", "ca-cert",
      "keep-on-manager", "keep-locally"};
  private static final String[] OWN_OPTIONS = {"backup-dir", "profile"};

  static final String USAGE_TEXT = String.join(System.lineSeparator(),
      "usage: java -jar cloudify4j-demo.jar [options]",
      "",
      "With no manager given, two embedded fake Cloudify managers play the parts: a daily backup of the old one,",
      "then a disaster restore onto a new one (about 15 s; nothing leaves this machine).",
      "",
      "Against a real manager (backup only, unless --restore-target):",
      "  --manager URL[,URL...]     the manager (several: the nodes of an HA cluster)",
      "  --username U --password P  or --token T   (no --password: CLOUDIFY_PASSWORD, else asked)",
      "  --tenant T                 default default_tenant",
      "  --ca-cert FILE             trust this CA (the manager's cloudify_internal_ca_cert.pem)",
      "  --env                      take the connection from the cfy CLI's CLOUDIFY_MANAGER_URL, CLOUDIFY_USERNAME,",
      "                             CLOUDIFY_PASSWORD, CLOUDIFY_TOKEN, CLOUDIFY_TENANT, LOCAL_REST_CERT_FILE",
      "  --backup-dir DIR           where archives go (default ./cloudify-backups; embedded: a temp dir)",
      "  --keep-on-manager N        daily snapshots kept on the manager (default 7)",
      "  --keep-locally N           archives kept in --backup-dir (default 30)",
      "  --archive FILE             restore this archive instead of taking a backup first",
      "",
      "Restore (replaces ALL data of the target manager; needs --manager or --env):",
      "  --restore-target URL       the manager to restore onto; --target-username, --target-password,",
      "                             --target-token, --target-tenant, --target-ca-cert default to the above",
      "  " + CONFIRM,
      "                             required to restore onto a real manager; without it the plan is printed",
      "                             and nothing is changed",
      RestoreCli.USAGE,
      "",
      "  --profile 5.0.5|6.4|7.0.4  the version the embedded managers imitate (default 5.0.5, the guide's)",
      "  --quick                    embedded managers with shorter timings (about 3 s)",
      "  --verbose | --debug        library logs at INFO | DEBUG; --debug also prints stack traces",
      "  --help",
      "",
      "Exit codes: 0 done; 1 failed, or the restore is PARTIAL (something is missing on the target);",
      "2 bad arguments (nothing was sent); 3 restore refused (no " + CONFIRM + ":",
      "the plan was printed, nothing was changed).");

  private final Terminal term;
  private final PrintStream err;
  private final Map<String, String> env;
  private final EmbeddedManagers.Timing timing;
  private final BackupProgress backupProgress;
  private final UnaryOperator<CloudifyClient.Builder> clients;
  private boolean debug;
  private RestoreCli restoreCli;

  BackupAndRestoreDemo(Terminal term, PrintStream err, Map<String, String> env, EmbeddedManagers.Timing timing) {
    this(term, err, env, timing, UnaryOperator.identity());
  }

  /** {@code clients} finishes every client built from the arguments (tests give it the fake's clock). */
  BackupAndRestoreDemo(Terminal term, PrintStream err, Map<String, String> env, EmbeddedManagers.Timing timing,
      UnaryOperator<CloudifyClient.Builder> clients) {
    this.term = term;
    this.err = err;
    this.env = env;
    this.timing = timing;
    this.backupProgress = new BackupProgress(term);
    this.clients = clients;
  }

  public static void main(String[] args) {
    Cli.logLevels(args); // before any logger exists: slf4j-simple reads its level once
    int code = new BackupAndRestoreDemo(Terminal.system(), System.err, System.getenv(), null).run(args);
    System.exit(code);
  }

  /**
   * Runs the demo with {@code args} (as {@code java -jar cloudify4j-demo.jar} takes them) and returns its exit code
   * instead of exiting: the entry point of the command line's {@code cloudify4j demo}.
   */
  public static int run(Terminal term, PrintStream err, Map<String, String> env, String... args) {
    return new BackupAndRestoreDemo(term, err, env, null).run(args);
  }

  /** Runs the demo; returns the exit code. */
  int run(String[] argv) {
    long start = System.nanoTime();
    Args args;
    boolean real;
    try {
      args = Args.parse(argv, "env", "quick", CONFIRM.substring(2));
      debug = args.flag("debug");
      if (args.flag("help")) {
        term.out().println(USAGE_TEXT);
        return OK;
      }
      args.requireKnown(known());
      if (!args.positional().isEmpty()) {
        throw new Cli.UsageException("unexpected argument " + args.positional().get(0));
      }
      real = args.option("manager").isPresent() || args.flag("env");
      if (!real) {
        requireNoRealManagerOption(args);
        profile(args.option("profile", "5.0.5"));
      }
      restoreCli = RestoreCli.parse(args);
      Cli.atLeast(args, "keep-on-manager", 1, 7);
      Cli.atLeast(args, "keep-locally", 1, 30);
      Optional<String> archive = args.option("archive");
      if (archive.isPresent() && !Files.isReadable(Paths.get(archive.get()))) {
        throw new Cli.UsageException("--archive " + archive.get() + " is not a readable file");
      }
    } catch (IllegalArgumentException e) {
      return Cli.usage(err, oneLine(e));
    }
    EmbeddedManagers.Timing t = timing != null ? timing
        : args.flag("quick") ? EmbeddedManagers.Timing.quick() : EmbeddedManagers.Timing.standard();
    try {
      int code = real ? realManager(args) : embedded(args, t);
      if (code == OK) {
        term.out().println();
        term.out().println("Done in " + Human.duration(java.time.Duration.ofNanos(System.nanoTime() - start)) + ".");
      }
      return code;
    } catch (Refused e) {
      err.println("refused: " + e.getMessage());
      return REFUSED;
    } catch (IllegalArgumentException e) {
      // A connection option the client refused (a URL that is not one, no password): nothing was sent.
      Cli.failed(err, oneLine(e), e, debug);
      return USAGE;
    } catch (RestoreFailedException e) {
      // The report is printed above: its reason is not repeated here.
      return Cli.failed(err, RestorePrinter.errorLine(e.report()), e, debug);
    } catch (RuntimeException | IOException e) {
      return Cli.failed(err, oneLine(e), e, debug);
    }
  }

  private static String[] known() {
    List<String> names = new ArrayList<>(Arrays.asList(REAL_ONLY));
    names.addAll(Arrays.asList(OWN_OPTIONS));
    names.addAll(Arrays.asList(Cli.COMMON_OPTIONS));
    names.addAll(Arrays.asList(RestoreCli.OPTIONS));
    return names.toArray(new String[0]);
  }

  /** Without --manager (or --env) the embedded demo runs: an option meant for a real manager is a mistake. */
  private static void requireNoRealManagerOption(Args args) {
    List<String> given = new ArrayList<>(args.optionNames());
    if (args.flag(CONFIRM.substring(2))) {
      given.add(CONFIRM.substring(2));
    }
    for (String name : given) {
      if (Arrays.asList(REAL_ONLY).contains(name) || name.equals(CONFIRM.substring(2))) {
        throw new Cli.UsageException("--" + name + " needs --manager URL (or --env): without a manager the demo"
            + " runs on embedded managers only");
      }
    }
  }

  // ---------------------------------------------------------------- embedded

  private static ServerProfile profile(String name) {
    for (ServerProfile p : ServerProfile.values()) {
      if (p.version().equals(name) || p.version().startsWith(name + ".")) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown --profile " + name + ": 5.0.5, 6.4 or 7.0.4");
  }

  private int embedded(Args args, EmbeddedManagers.Timing t) throws IOException {
    ServerProfile profile = profile(args.option("profile", "5.0.5"));
    PrintStream out = term.out();
    Path dir = args.option("backup-dir").map(Paths::get).orElse(null);
    if (dir == null) {
      dir = Files.createTempDirectory("cloudify4j-demo-backups-");
    } else {
      Files.createDirectories(dir);
    }
    out.println("cloudify4j demo: a daily backup, then a disaster restore onto a new manager.");
    out.println("No --manager given: two embedded fake Cloudify " + profile.version() + " managers play the parts"
        + " (real HTTP on loopback; nothing leaves this machine). --help for a real manager.");
    out.println("  timings: " + t.describe(profile));
    BackupReport backup;
    try (FakeCloudifyManager old = EmbeddedManagers.oldManager(profile, t);
        CloudifyClient client = clientOf(old)) {
      BackupJob job = backupJob(client, dir, 3, 7);
      EmbeddedManagers.earlierBackups(old, 3, job::snapshotIdAt);
      out.println("  old manager: " + old.baseUrl() + " with " + old.count("blueprints") + " blueprints, "
          + old.count("deployments") + " deployments, " + old.count("secrets") + " secrets, "
          + old.count("plugins") + " plugins, 2 scheduled executions (in 1 h and in 2 days), "
          + old.count("snapshots") + " earlier daily snapshots");
      section("1. Daily backup of the old manager " + old.baseUrl() + " (keep 3 on the manager)");
      backup = backup(job);
    }
    section("2. Disaster: the old manager is gone");
    out.println("  It was stopped. A new, empty manager is installed " + Human.duration(EmbeddedManagers.DISASTER_AFTER)
        + " after the backup: the run that was scheduled in 1 h is now overdue.");
    try (FakeCloudifyManager fresh = EmbeddedManagers.newManager(profile, t);
        CloudifyClient client = clientOf(fresh)) {
      out.println("  new manager: " + fresh.baseUrl() + " (" + fresh.count("blueprints") + " blueprints)");
      section("3. Restore " + backup.archive().getFileName() + " onto the new manager " + fresh.baseUrl());
      RestoreReport report = restore(client, backup.archive(), backup.snapshotId(), null, t.poll(), true);
      out.println();
      out.println("The new manager now holds " + fresh.count("blueprints") + " blueprints, "
          + fresh.count("deployments") + " deployments, " + fresh.count("secrets") + " secrets; maintenance mode "
          + fresh.maintenanceStatus() + ".");
      return report.isComplete() ? OK : partial(report);
    }
  }

  private static CloudifyClient clientOf(FakeCloudifyManager m) {
    return CloudifyClient.builder()
        .manager(m.baseUrl())
        .basicAuth(m.adminUsername(), m.adminPassword())
        .tenant(m.defaultTenant())
        .build();
  }

  // ---------------------------------------------------------------- real manager

  private int realManager(Args args) throws IOException {
    Map<String, String> environment = args.flag("env") ? env : null;
    Path dir = Paths.get(args.option("backup-dir", "cloudify-backups"));
    int keepOnManager = Cli.atLeast(args, "keep-on-manager", 1, 7);
    int keepLocally = Cli.atLeast(args, "keep-locally", 1, 30);
    boolean confirmed = args.flag(CONFIRM.substring(2));

    Path archive;
    String snapshotId;
    if (args.option("archive").isPresent()) {
      archive = Paths.get(args.option("archive").get());
      snapshotId = archive.getFileName().toString().replaceFirst("\\.zip$", "");
    } else {
      Files.createDirectories(dir);
      try (CloudifyClient client = clients.apply(args.client("", environment)).build()) {
        section("Daily backup of " + client.managers());
        BackupReport r = backup(backupJob(client, dir, keepOnManager, keepLocally));
        archive = r.archive();
        snapshotId = r.snapshotId();
      }
    }
    if (!args.option("restore-target").isPresent()) {
      if (confirmed) {
        throw new IllegalArgumentException(CONFIRM + " without --restore-target: nothing to restore onto");
      }
      return OK;
    }
    try (CloudifyClient target = clients.apply(targetClient(args, environment)).build()) {
      section("Restore " + archive.getFileName() + " onto " + target.managers());
      RestoreReport report = restore(target, archive, snapshotId, sourceCredentials(args, environment), null,
          confirmed);
      return report.isComplete() ? OK : partial(report);
    }
  }

  /** The target's connection: {@code --target-*}, each defaulting to the source's option. */
  private static CloudifyClient.Builder targetClient(Args args, Map<String, String> env) {
    java.util.List<String> merged = new java.util.ArrayList<>();
    merged.add("--target-manager");
    merged.add(args.option("restore-target").get());
    for (String name : new String[] {"username", "password", "token", "tenant", "ca-cert"}) {
      java.util.Optional<String> v = args.option("target-" + name);
      if (!v.isPresent()) {
        v = args.option(name);
      }
      if (v.isPresent()) {
        merged.add("--target-" + name);
        merged.add(v.get());
      }
    }
    return Args.parse(merged.toArray(new String[0])).client("target-", env);
  }

  /** A legacy restore replaces the target's admin with the source's: these work after it. */
  private static Credentials sourceCredentials(Args args, Map<String, String> env) {
    try (CloudifyClient source = args.client("", env).build()) {
      return source.credentials();
    } catch (IllegalArgumentException noSource) {
      return null;
    }
  }

  // ---------------------------------------------------------------- the two halves

  private BackupJob backupJob(CloudifyClient client, Path dir, int keepOnManager, int keepLocally) {
    return BackupJob.builder(client)
        .directory(dir)
        .prefix("daily-")
        .keepOnManager(keepOnManager)
        .keepLocally(keepLocally)
        .listener(backupProgress)
        .build();
  }

  private BackupReport backup(BackupJob job) {
    try {
      BackupReport r = job.run();
      term.out().println();
      BackupPrinter.report(r, term.out());
      return r;
    } finally {
      backupProgress.close();
    }
  }

  private RestoreReport restore(CloudifyClient client, Path archive, String snapshotId, Credentials after,
      java.time.Duration poll, boolean confirmed) {
    PrintStream out = term.out();
    RestoreProgress progress = new RestoreProgress(term, client.poller().clock());
    RestoreOrchestrator.Builder b = restoreCli.applyTo(RestoreOrchestrator.builder(client))
        .snapshotId(snapshotId)
        .uploadFrom(archive)
        .listener(progress);
    if (after != null) {
      b.postRestoreCredentials(after);
    }
    if (poll != null) {
      b.pollOptions(PollOptions.builder().fixedDelay(poll).build());
    }
    RestoreOrchestrator orchestrator = b.build();
    RestorePlan plan = orchestrator.plan();
    RestorePrinter.plan(plan, out);
    if (!confirmed) {
      throw new Refused("a restore replaces all data of " + plan.node() + "; the plan above was not run."
          + " Add " + CONFIRM + " to go ahead");
    }
    progress.steps(plan.steps().size());
    out.println();
    RestoreReport report;
    try {
      report = orchestrator.run();
    } catch (RestoreFailedException e) {
      out.println();
      RestorePrinter.report(e.report(), out);
      throw e;
    }
    out.println();
    RestorePrinter.report(report, out);
    return report;
  }

  private int partial(RestoreReport report) {
    return Cli.failed(err, RestorePrinter.partialLine(report), null, false);
  }

  // ---------------------------------------------------------------- output helpers

  private void section(String title) {
    term.out().println();
    term.out().println("== " + title + " ==");
  }

  static String oneLine(Throwable e) {
    return Cli.oneLine(e);
  }

  /** Refused without the confirmation flag. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}
