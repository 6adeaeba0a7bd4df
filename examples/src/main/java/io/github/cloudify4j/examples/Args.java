package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.TlsConfig;
import java.io.Console;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line arguments of the examples: {@code --name value} options, {@code --flag}s and positional arguments,
 * plus the connection options every example shares:
 *
 * <pre>
 *   --manager URL[,URL...]   the manager (several: the nodes of an HA cluster)
 *   --username U --password P  (or --token T)
 *   --tenant T               default default_tenant
 *   --ca-cert FILE           trust this CA (the manager's cloudify_internal_ca_cert.pem)
 * </pre>
 *
 * Without {@code --manager} the {@code cfy} CLI's environment variables are read ({@code CLOUDIFY_MANAGER_URL},
 * {@code CLOUDIFY_USERNAME}, {@code CLOUDIFY_PASSWORD}, {@code CLOUDIFY_TOKEN}, {@code CLOUDIFY_TENANT},
 * {@code LOCAL_REST_CERT_FILE}, {@code CLOUDIFY_SSL_TRUST_ALL}).
 */
public final class Args {
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positional = new ArrayList<>();

  private Args() {}

  /**
   * Parses {@code args}; names in {@code flagNames} take no value ({@code --help}, {@code --verbose},
   * {@code --debug} are always flags). {@code --name=value} works too.
   *
   * @throws IllegalArgumentException for an option without its value
   */
  public static Args parse(String[] args, String... flagNames) {
    Set<String> known = new HashSet<>(Arrays.asList(flagNames));
    known.add("help");
    known.add("verbose");
    known.add("debug");
    Args a = new Args();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h")) {
        a.flags.add("help");
      } else if (arg.startsWith("--")) {
        String name = arg.substring(2);
        int eq = name.indexOf('=');
        if (eq >= 0) {
          a.options.put(name.substring(0, eq), name.substring(eq + 1));
        } else if (known.contains(name)) {
          a.flags.add(name);
        } else if (i + 1 < args.length) {
          a.options.put(name, args[++i]);
        } else {
          throw new IllegalArgumentException(arg + " needs a value");
        }
      } else {
        a.positional.add(arg);
      }
    }
    return a;
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  public String option(String name, String defaultValue) {
    return options.getOrDefault(name, defaultValue);
  }

  public Set<String> optionNames() {
    return options.keySet();
  }

  public List<String> positional() {
    return positional;
  }

  /**
   * Refuses an option that is not one of {@code names} (flags were declared to {@link #parse}), so that a
   * misspelt {@code --restore-taget} is an error instead of being silently ignored.
   *
   * @throws IllegalArgumentException naming the first unknown option
   */
  public Args requireKnown(String... names) {
    Set<String> known = new HashSet<>(Arrays.asList(names));
    for (String name : options.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    return this;
  }

  /** Whether a manager is given, on the command line ({@code --<prefix>manager}) or, when asked, in the environment. */
  public boolean hasManager(String prefix, Map<String, String> env) {
    return options.containsKey(prefix + "manager") || (env != null && env.containsKey("CLOUDIFY_MANAGER_URL"));
  }

  /**
   * A client builder from {@code --<prefix>manager}, {@code --<prefix>username} … over the environment (pass
   * {@code null} to ignore it).
   */
  public CloudifyClient.Builder client(String prefix, Map<String, String> env) {
    CloudifyClient.Builder b = CloudifyClient.builder();
    if (env != null) {
      b.fromEnv(env);
    }
    Optional<String> managers = option(prefix + "manager");
    if (managers.isPresent()) {
      List<URI> urls = new ArrayList<>();
      for (String u : managers.get().split(",")) {
        if (!u.trim().isEmpty()) {
          urls.add(URI.create(u.trim()));
        }
      }
      b.managers(urls);
    } else if (env == null || !env.containsKey("CLOUDIFY_MANAGER_URL")) {
      throw new IllegalArgumentException("no manager: give --" + prefix + "manager URL"
          + (env == null ? "" : " or set CLOUDIFY_MANAGER_URL"));
    }
    Optional<String> token = option(prefix + "token");
    Optional<String> username = option(prefix + "username");
    if (token.isPresent()) {
      b.token(token.get());
    } else if (username.isPresent()) {
      b.basicAuth(username.get(), password(prefix, username.get(), env));
    }
    option(prefix + "tenant").ifPresent(b::tenant);
    option(prefix + "ca-cert").ifPresent(ca -> b.tls(TlsConfig.trustPem(path(ca))));
    return b;
  }

  /** {@code --password}, else CLOUDIFY_PASSWORD, else asked on the console (never echoed). */
  private String password(String prefix, String username, Map<String, String> env) {
    Optional<String> given = option(prefix + "password");
    if (given.isPresent()) {
      return given.get();
    }
    if (env != null && env.get("CLOUDIFY_PASSWORD") != null) {
      return env.get("CLOUDIFY_PASSWORD");
    }
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException("no password for " + username + ": give --" + prefix
          + "password or set CLOUDIFY_PASSWORD");
    }
    char[] pw = console.readPassword("Password for %s: ", username);
    if (pw == null) {
      throw new IllegalArgumentException("no password for " + username);
    }
    return new String(pw);
  }

  static Path path(String s) {
    return Paths.get(s);
  }
}
