package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same corpus replay as {@link ContractReplayTest}, over HTTP against the shaded standalone jar built in
 * {@code package} ({@code java -jar ...-standalone.jar --edition community --workflows worker-driven}), as a separate
 * process on a free loopback port. Runs in the {@code integration-test} phase (the testkit's pom binds a second
 * surefire execution for {@code *IT} classes there, after the jar exists), so it is part of {@code mvn verify}.
 */
class ContractReplayStandaloneIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  @Test
  void replaysTheRealManagerCorpusAgainstTheStandaloneJar(@TempDir Path dir) throws Exception {
    String jarProp = System.getProperty("standalone.jar");
    // set only by the pom's integration-test execution (after package); "-Dtest=..." in the test phase skips
    Assumptions.assumeTrue(jarProp != null, "system property standalone.jar is set in the integration-test phase");
    Path jar = Paths.get(jarProp);
    assertThat(jar).exists();
    Path flag = dir.resolve("cloudify").resolve("snapshot_restoring");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--edition", "community",
        "--profile", "7.0.4", "--workflows", "worker-driven", "--restore-flag-file", flag.toString(),
        "--storage-dir", dir.resolve("storage").toString())
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      int port = -1;
      StringBuilder seen = new StringBuilder();
      String ln;
      while ((ln = out.readLine()) != null) {
        seen.append(ln).append('\n');
        Matcher m = LISTENING.matcher(ln);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
          break;
        }
      }
      assertThat(port).as("port announced by the standalone jar; its output:\n%s", seen).isPositive();
      Thread drain = new Thread(() -> {
        try {
          while (out.readLine() != null) {
            // keep the pipe empty
          }
        } catch (java.io.IOException ignored) {
          // process ended
        }
      }, "standalone-output");
      drain.setDaemon(true);
      drain.start();
      List<ContractReplay.Outcome> outcomes = new ContractReplay("127.0.0.1", port, flag, "admin", "admin")
          .replay(ContractReplay.corpus());
      ContractReplayTest.assertMatches(outcomes);
      assertThat(Files.exists(flag)).as("the corpus removes the flag file it creates").isFalse();
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
