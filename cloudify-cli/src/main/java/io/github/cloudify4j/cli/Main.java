package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.snapshots.restore.RestoreRefusedException;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code cloudify4j}: the operator command line over the SDK's public API (backup, restore, migrate, snapshots,
 * maintenance, status, doctor, demo). Each command is a thin layer: it reads options, builds a client and runs one
 * workflow of the library, then prints the report (text, or one JSON document with {@code --output json}) and ends
 * with a documented exit code (0 done, 1 failed, 2 bad usage, 3 refused or needs confirmation, 4 partial).
 */
@Command(name = "cloudify4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Backups, restores and migrations of Cloudify managers, for cron jobs and runbooks.",
    subcommands = {BackupCommand.class, RestoreCommand.class, MigrateCommand.class, SnapshotsCommand.class,
        MaintenanceCommand.class, StatusCommand.class, DoctorCommand.class, DemoCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Connection: --manager URL or CLOUDIFY_MANAGER_URL, else a cfy profile.",
        "Credentials: CLOUDIFY_USERNAME + CLOUDIFY_PASSWORD or CLOUDIFY_TOKEN, --password-file,",
        "--token-file, or a prompt (never an option value).",
        "", "Exit codes: 0 done; 1 failed; 2 bad usage (nothing sent);",
        "3 refused or needs --yes (nothing changed); 4 partial (a PARTIAL restore,",
        "doctor warnings). See docs/cli.md."})
public final class Main implements Runnable {
  private final Session session;

  @Spec CommandSpec spec;

  Main(Session session) {
    this.session = session;
  }

  @Option(names = "--output", paramLabel = "text|json", scope = ScopeType.INHERIT,
      description = "json: one JSON document on stdout, text for people on stderr.",
      converter = OutputConverter.class)
  void output(Session.Output output) {
    session.output = output;
  }

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only errors (and the JSON document).")
  void quiet(boolean quiet) {
    session.quiet = quiet;
  }

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "More detail; library logs at INFO.")
  void verbose(boolean verbose) {
    session.verbose = verbose;
  }

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Library logs at DEBUG, and stack traces of errors.")
  void debug(boolean debug) {
    session.debug = debug;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
  }

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command and its options, e.g. {@code backup --dir /var/backups/cloudify}
   */
  public static void main(String[] args) {
    logLevels(args); // before any logger exists: slf4j-simple reads its level once
    Console console = System.console();
    Session s = new Session(System.out, System.err, System.getenv(), Path.of(System.getProperty("user.home")),
        console != null, UnaryOperator.identity(),
        prompt -> console == null ? null : console.readPassword("%s", prompt));
    System.exit(execute(s, args));
  }

  /** Runs {@code args} in session {@code s}; returns the exit code. */
  static int execute(Session s, String... args) {
    return commandLine(s).execute(args);
  }

  static CommandLine commandLine(Session s) {
    CommandLine cl = new CommandLine(new Main(s), new Factory(s));
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(s.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(s.err, StandardCharsets.UTF_8), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> Exit.FAILED);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("error: " + usageMessage(ex) + " (see " + c.getCommandSpec().qualifiedName() + " --help)");
      c.getErr().flush();
      return Exit.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> ended(s, c.getCommandSpec().qualifiedName(), ex));
    return cl;
  }

  /**
   * The message of a usage error. An unknown argument is named, never echoed: {@code --password S3cret} is not an
   * option, and picocli's own message would print the secret that followed it.
   */
  static String usageMessage(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException)) {
      return ex.getMessage();
    }
    java.util.List<String> options = new java.util.ArrayList<>();
    int others = 0;
    for (String arg : ((CommandLine.UnmatchedArgumentException) ex).getUnmatched()) {
      if (arg.startsWith("-") && arg.length() > 1) {
        int eq = arg.indexOf('=');
        options.add(eq > 0 ? arg.substring(0, eq) : arg);
      } else {
        others++;
      }
    }
    java.util.List<String> suggestions = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
    String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
    if (options.isEmpty()) {
      return (others == 1 ? "an unexpected argument" : others + " unexpected arguments") + hint;
    }
    return "unknown option" + (options.size() > 1 ? "s " : " ") + String.join(", ", options)
        + (others > 0 ? " (and " + others + " unexpected argument" + (others > 1 ? "s)" : ")") : "") + hint;
  }

  /** How a command ends on an exception: one line on stderr, a stack trace only with {@code --debug}. */
  static int ended(Session s, String command, Exception e) {
    int code;
    String prefix = "error: ";
    if (e instanceof Refused || e instanceof RestoreRefusedException) {
      code = Exit.REFUSED;
      prefix = "refused: ";
    } else if (e instanceof IllegalArgumentException) {
      code = Exit.USAGE;
    } else {
      code = Exit.FAILED;
    }
    String line = oneLine(e);
    s.err.println(prefix + line + (code == Exit.USAGE ? " (see " + command + " --help)" : ""));
    if (s.debug) {
      e.printStackTrace(s.err);
    }
    s.err.flush();
    if (s.json() && !s.printed) {
      s.printJson(Documents.error(command, code, line));
    }
    return code;
  }

  /** The message of {@code e} on one line (its class name when it has none). */
  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.trim().isEmpty()) {
      return e.getClass().getSimpleName();
    }
    String one = m.replaceAll("\\s*\\R\\s*", " ").trim();
    return e instanceof CloudifyException || e instanceof IllegalArgumentException || e instanceof Refused
        ? one : e.getClass().getSimpleName() + ": " + one;
  }

  /**
   * Sets the library's log level from {@code --verbose} (INFO) or {@code --debug} (DEBUG) before any logger exists;
   * otherwise only warnings of the client and none of the workflows (their reports say the same).
   */
  static void logLevels(String[] args) {
    String level = null;
    for (String a : args) {
      if (a.equals("--debug")) {
        level = "debug";
      } else if ((a.equals("--verbose") || a.equals("-v")) && level == null) {
        level = "info";
      }
    }
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    } else {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.io.github.cloudify4j.snapshots", "off");
    }
  }

  /** Makes the commands, each given the session. */
  private static final class Factory implements CommandLine.IFactory {
    private final Session session;

    Factory(Session session) {
      this.session = session;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(Session.class);
        c.setAccessible(true);
        return c.newInstance(session);
      } catch (NoSuchMethodException noSession) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  static final class OutputConverter implements CommandLine.ITypeConverter<Session.Output> {
    @Override
    public Session.Output convert(String value) {
      switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "text":
          return Session.Output.TEXT;
        case "json":
          return Session.Output.JSON;
        default:
          throw new CommandLine.TypeConversionException("takes text or json, not '" + value + "'");
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"cloudify4j " + (v == null ? "(development build)" : v)};
    }
  }
}
