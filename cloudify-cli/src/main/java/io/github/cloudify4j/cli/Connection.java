package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.TlsConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The connection options every command that talks to a manager takes. Where a setting comes from, later winning:
 * a {@code cfy} profile ({@code --cfy-profile NAME}, or the active one when neither {@code --manager} nor
 * {@code CLOUDIFY_MANAGER_URL} names a manager), then the {@code cfy} CLI's environment variables, then these
 * options. A secret is never an option value (it would show in {@code ps} and shell history): it comes from a file,
 * the environment or a prompt that does not echo.
 */
final class Connection {
  @Option(names = "--manager", paramLabel = "URL", split = ",",
      description = "The manager; several (comma-separated) for the nodes of an HA cluster. "
          + "Default: CLOUDIFY_MANAGER_URL, else the cfy profile.")
  List<String> managers = new ArrayList<>();

  @Option(names = "--username", paramLabel = "NAME", description = "Default: CLOUDIFY_USERNAME, else the cfy profile.")
  String username;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "A file holding the password (first line). Default: CLOUDIFY_PASSWORD, else asked (not echoed).")
  Path passwordFile;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding an API token, instead of a username and password. Default: CLOUDIFY_TOKEN.")
  Path tokenFile;

  @Option(names = "--tenant", paramLabel = "NAME", description = "Default: CLOUDIFY_TENANT, else default_tenant.")
  String tenant;

  @Option(names = "--ca-cert", paramLabel = "FILE",
      description = "Trust this CA (the manager's cloudify_internal_ca_cert.pem). Default: LOCAL_REST_CERT_FILE.")
  Path caCert;

  @Option(names = "--trust-all", description = "Trust any certificate (insecure: for a first look only; warns).")
  boolean trustAll;

  @Option(names = "--cfy-profile", paramLabel = "NAME",
      description = "Read the connection from this cfy CLI profile (~/.cloudify/profiles/NAME/context).")
  String cfyProfile;

  /**
   * A builder for the client these options, the environment and the profile describe.
   *
   * @throws IllegalArgumentException when no manager is given, or a value is bad (exit 2: nothing was sent)
   */
  CloudifyClient.Builder builder(Session s) {
    return builder(s, managers);
  }

  CloudifyClient.Builder builder(Session s, List<String> managerUrls) {
    CloudifyClient.Builder b = CloudifyClient.builder();
    boolean managerGiven = !managerUrls.isEmpty() || nonEmpty(s.env.get("CLOUDIFY_MANAGER_URL"));
    Optional<String> profileName = Optional.ofNullable(cfyProfile);
    if (profileName.isEmpty() && !managerGiven) {
      profileName = CfyProfile.activeName(s.home, s.env);
    }
    boolean haveManager = managerGiven;
    if (profileName.isPresent()) {
      CfyProfile p = CfyProfile.read(s.home, s.env, profileName.get());
      s.verbose("connection: " + p);
      b.manager(p.url());
      haveManager = true;
      Optional<String> user = p.get("manager_username");
      Optional<String> pass = p.get("manager_password");
      if (user.isPresent() && pass.isPresent()) {
        b.basicAuth(user.get(), pass.get());
      }
      p.get("manager_tenant").ifPresent(b::tenant);
      p.get("rest_certificate").ifPresent(c -> b.tls(TlsConfig.trustPem(Path.of(c))));
    }
    if (!haveManager) {
      throw new IllegalArgumentException("no manager: give --manager URL, set CLOUDIFY_MANAGER_URL, or use a cfy"
          + " profile (--cfy-profile NAME)");
    }
    b.fromEnv(s.env);
    if (!managerUrls.isEmpty()) {
      List<URI> urls = new ArrayList<>();
      for (String u : managerUrls) {
        for (String one : u.split(",")) {
          if (!one.trim().isEmpty()) {
            urls.add(url(one.trim()));
          }
        }
      }
      b.managers(urls);
    }
    if (tokenFile != null) {
      b.token(firstLine(tokenFile, "--token-file"));
    } else if (username != null) {
      b.basicAuth(username, password(s));
    }
    if (tenant != null) {
      b.tenant(tenant);
    }
    String envTrustAll = s.env.getOrDefault("CLOUDIFY_SSL_TRUST_ALL", "").trim().toLowerCase(java.util.Locale.ROOT);
    boolean trustAllFromEnv = caCert == null
        && (envTrustAll.equals("true") || envTrustAll.equals("1") || envTrustAll.equals("yes"));
    if (trustAll || trustAllFromEnv) {
      s.err.println("warning: " + (trustAll ? "--trust-all" : "CLOUDIFY_SSL_TRUST_ALL")
          + ": the manager's certificate is not checked; anyone on the path can read the credentials."
          + " Use --ca-cert FILE instead.");
      b.tls(TlsConfig.trustAll());
    } else if (caCert != null) {
      b.tls(TlsConfig.trustPem(caCert));
    }
    return s.clients.apply(b);
  }

  private String password(Session s) {
    if (passwordFile != null) {
      return firstLine(passwordFile, "--password-file");
    }
    String env = s.env.get("CLOUDIFY_PASSWORD");
    if (env != null) {
      return env;
    }
    char[] typed = s.passwordPrompt.apply("Password for " + username + ": ");
    if (typed == null) {
      throw new IllegalArgumentException("no password for " + username + ": give --password-file FILE, set"
          + " CLOUDIFY_PASSWORD, or run on a terminal to be asked");
    }
    String p = new String(typed);
    Arrays.fill(typed, '\0');
    return p;
  }

  static URI url(String text) {
    try {
      URI u = new URI(text);
      if (u.getScheme() == null || u.getHost() == null
          || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
        throw new IllegalArgumentException("not an http(s) URL: " + text);
      }
      return u;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + text);
    }
  }

  static String firstLine(Path file, String option) {
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new IllegalArgumentException(option + " " + file + " is larger than 64 KiB");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String line = text.lines().findFirst().orElse("").strip();
      if (line.isEmpty()) {
        throw new IllegalArgumentException(option + " " + file + " is empty");
      }
      return line;
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.trim().isEmpty();
  }
}
