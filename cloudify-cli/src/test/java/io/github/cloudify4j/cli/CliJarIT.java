package io.github.cloudify4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an operator runs it ({@code java -jar cloudify-cli/target/cloudify4j.jar}), in a child JVM:
 * it starts, lists its commands, carries everything the commands load (the demo's embedded managers included),
 * and keeps stdout for the one JSON document.
 */
class CliJarIT {
  @TempDir Path tmp;

  static final class Result {
    int exit;
    String out;
    String err;
  }

  Result java(java.util.Map<String, String> env, String... args) throws Exception {
    String jar = System.getProperty("cli.jar");
    // Set by the pom's cli-jar-it execution (after package); absent only when -Dtest= pulls this class into the
    // unit-test run, before the jar exists.
    org.junit.jupiter.api.Assumptions.assumeTrue(jar != null, "runs in the integration-test phase");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar);
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out");
    Path err = tmp.resolve("err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .directory(tmp.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDIFY") || k.equals("CFY_WORKDIR"));
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Result r = new Result();
    r.exit = p.exitValue();
    r.out = Files.readString(out, StandardCharsets.UTF_8);
    r.err = Files.readString(err, StandardCharsets.UTF_8);
    return r;
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Result r = java(java.util.Map.of(), "--help");
    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out).contains("backup").contains("restore").contains("migrate").contains("snapshots")
        .contains("maintenance").contains("status").contains("doctor").contains("demo");
    Result demo = java(java.util.Map.of(), "demo", "--help");
    assertThat(demo.exit).as(demo.err).isZero();
    assertThat(demo.out).contains("--profile");
    // The demo's embedded managers travel in the jar (a test-scoped testkit once left them out: the demo then
    // failed with NoClassDefFoundError while --help still worked).
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("cli.jar"))) {
      assertThat(jar.getEntry("io/github/cloudify4j/testkit/FakeCloudifyManager.class")).isNotNull();
      assertThat(jar.getEntry("io/github/cloudify4j/examples/BackupAndRestoreDemo.class")).isNotNull();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
    }
  }

  @Test
  void statusAsJsonFromTheEnvironment() throws Exception {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V6_4)
        .adminCredentials("admin", "Jar-S3cret-51aa").build().start()) {
      Result r = java(java.util.Map.of("CLOUDIFY_MANAGER_URL", m.baseUrl(), "CLOUDIFY_USERNAME",
          m.adminUsername(), "CLOUDIFY_PASSWORD", m.adminPassword()), "status", "--output", "json");
      assertThat(r.exit).as(r.err).isZero();
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out).get("version").get("version")
          .asText()).startsWith("6.4");
      assertThat(r.out + r.err).doesNotContain(m.adminPassword());
    }
  }

  @Test
  void noManagerIsABadUsage() throws Exception {
    Result r = java(java.util.Map.of("CFY_WORKDIR", tmp.resolve("nowhere").toString() + File.separator), "status");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).startsWith("error: no manager");
  }
}
