package io.github.cloudify4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code cfy} CLI profile, read only: {@code $CFY_WORKDIR/.cloudify/profiles/<name>/context} (CFY_WORKDIR defaults
 * to the home directory), the active one named in {@code .cloudify/active.profile}. The context file is the YAML
 * dump of cloudify-cli's {@code ProfileContext} ({@code !CloudifyProfileContext} tag): its top-level
 * {@code manager_ip}, {@code rest_port}, {@code rest_protocol}, {@code manager_username}, {@code manager_password},
 * {@code manager_tenant} and {@code rest_certificate} are what a connection needs. Only those scalar keys are read,
 * line by line, so no YAML library (and none of its object construction) is involved.
 */
final class CfyProfile {
  private static final long MAX_BYTES = 1024 * 1024;

  final String name;
  final Map<String, String> values;

  private CfyProfile(String name, Map<String, String> values) {
    this.name = name;
    this.values = values;
  }

  static Path workdir(Path home, Map<String, String> env) {
    String w = env.get("CFY_WORKDIR");
    return (w != null && !w.isEmpty() ? Path.of(w) : home).resolve(".cloudify");
  }

  /** The active profile's name, when {@code active.profile} exists. */
  static Optional<String> activeName(Path home, Map<String, String> env) {
    Path active = workdir(home, env).resolve("active.profile");
    if (!Files.isRegularFile(active)) {
      return Optional.empty();
    }
    try {
      String n = Files.readString(active, StandardCharsets.UTF_8).trim();
      return n.isEmpty() ? Optional.empty() : Optional.of(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads profile {@code name}.
   *
   * @throws IllegalArgumentException when it does not exist or names no manager
   */
  static CfyProfile read(Path home, Map<String, String> env, String name) {
    if (name.contains("/") || name.contains("\\") || name.equals("..")) {
      throw new IllegalArgumentException("--cfy-profile " + name + " is not a profile name");
    }
    Path context = workdir(home, env).resolve("profiles").resolve(name).resolve("context");
    if (!Files.isRegularFile(context)) {
      throw new IllegalArgumentException("no cfy profile " + name + " (" + context + " does not exist)");
    }
    List<String> lines;
    try {
      if (Files.size(context) > MAX_BYTES) {
        throw new IllegalArgumentException(context + " is larger than 1 MiB: not a cfy profile");
      }
      lines = Files.readAllLines(context, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new HashMap<>();
    for (String line : lines) {
      if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) {
        continue; // nested maps (provider_context, cluster) are not needed
      }
      int colon = line.indexOf(": ");
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String v = line.substring(colon + 2).trim();
      if ((v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\"")) && v.length() >= 2) {
        v = v.substring(1, v.length() - 1);
      }
      if (v.equals("null") || v.equals("~") || v.isEmpty()) {
        continue;
      }
      values.put(key, v);
    }
    if (!values.containsKey("manager_ip")) {
      throw new IllegalArgumentException("cfy profile " + name + " names no manager (no manager_ip in " + context
          + ")");
    }
    return new CfyProfile(name, values);
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** {@code rest_protocol://manager_ip:rest_port}. */
  String url() {
    String host = values.get("manager_ip");
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]"; // IPv6
    }
    return get("rest_protocol").orElse("http") + "://" + host + get("rest_port").map(p -> ":" + p).orElse("");
  }

  @Override
  public String toString() {
    return "cfy profile " + name + " (" + url() + ")"; // never the password
  }
}
