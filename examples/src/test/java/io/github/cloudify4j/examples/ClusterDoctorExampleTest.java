package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.testkit.FakeCloudifyCluster;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The doctor example against a fake cluster: the table, the verdict and the plan, and its exit codes. */
class ClusterDoctorExampleTest {
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  int doctor(FakeCloudifyCluster c) {
    FakeCloudifyManager m = c.manager();
    String hostnames = c.baseUrl(0) + "=" + c.hostname(0) + "," + c.baseUrl(1) + "=" + c.hostname(1) + ","
        + c.baseUrl(2) + "=" + c.hostname(2);
    String[] args = {"--manager", String.join(",", c.baseUrls()), "--username", m.adminUsername(), "--password",
        m.adminPassword(), "--hostnames", hostnames};
    return ClusterDoctor.run(args, out, err, Map.of(), UnaryOperator.identity());
  }

  @Test
  void aSplitClusterGetsItsVerdictAndPlan() {
    try (FakeCloudifyCluster c = FakeCloudifyCluster.builder().profile(ServerProfile.V6_4).build().start()) {
      c.splitBrain(2);
      assertThat(doctor(c)).isEqualTo(ClusterDoctor.NEEDS_RECOVERY);
      String text = outBytes.toString(StandardCharsets.UTF_8);
      assertThat(text).contains("cfy-manager-1 *").contains("cfy-manager-3")
          .contains("Verdict: SPLIT_BRAIN").contains("Risk MINORITY_SIDE")
          .contains("Recovery plan: Split brain (SPLIT_BRAIN)").contains("RECONNECT_SIDES");
      assertThat(text).doesNotContain(c.manager().adminPassword());
    }
  }

  @Test
  void aHealthyClusterExitsZero() {
    try (FakeCloudifyCluster c = FakeCloudifyCluster.builder().profile(ServerProfile.V7_0_4).build().start()) {
      assertThat(doctor(c)).isZero();
      assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Verdict: HEALTHY").contains("nothing to do");
    }
  }

  @Test
  void withoutManagersItIsAUsageError() {
    assertThat(ClusterDoctor.run(new String[0], out, err, Map.of(), UnaryOperator.identity())).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("--manager is required");
  }
}
