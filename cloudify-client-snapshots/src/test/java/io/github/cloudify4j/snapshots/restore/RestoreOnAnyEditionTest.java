package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.model.MaintenanceState;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #14 item 5: a community manager answers {@code /users} and {@code /user-groups} with 404
 * {@code missing_premium_package_error} (corpus seq 213, 214). VERIFY used to count them, so every restore onto a
 * community manager ended FAILED with maintenance mode left on. Now such kinds are reported as not counted and the
 * restore ends COMPLETE with maintenance deactivated — on every profile, and a premium manager still counts them.
 */
class RestoreOnAnyEditionTest {
  @TempDir static Path dir;

  static Stream<Arguments> profilesAndEditions() {
    List<Arguments> out = new ArrayList<>();
    for (ServerProfile profile : ServerProfile.values()) {
      for (Edition edition : Edition.values()) {
        out.add(Arguments.of(profile, edition));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("profilesAndEditions")
  void aRestoreEndsCompleteAndDeactivatesMaintenanceOnEveryEdition(ServerProfile profile, Edition edition) {
    // The source holds users and user groups too, so a 7.x (JSON dump) archive lists them.
    Path archive = Archives.create(FakeCloudifyManager.builder().profile(profile), dir, "nightly", false,
        m -> m.seed().blueprints(3).deployments(2).secrets(2).user("alice", "pw-alice", "default"));
    try (FakeCloudifyManager target = FakeCloudifyManager.builder().profile(profile).edition(edition).build()
        .start();
        CloudifyClient client = VirtualTime.client(target).build()) {
      RestoreReport report;
      try {
        report = RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build().run();
      } catch (RestoreFailedException e) {
        throw new AssertionError("restore failed on " + profile + " " + edition + ":\n" + e.report(), e);
      }

      assertThat(report.outcome()).as("%s", report).isEqualTo(RestoreReport.Outcome.COMPLETE);
      assertThat(report.maintenanceState()).contains(MaintenanceState.DEACTIVATED);
      assertThat(target.maintenanceStatus()).isEqualTo("deactivated");
      assertThat(target.count("blueprints")).isEqualTo(3);
      Verification v = report.verification().orElseThrow();
      assertThat(v.missing()).isEmpty();
      if (profile.supportsNewArchiveFormat()) {
        assertThat(v.expected()).containsEntry("blueprints", 3L);
        if (edition == Edition.COMMUNITY) {
          assertThat(v.notCounted()).containsEntry("users", "not counted (community edition)");
          assertThat(v.expected()).doesNotContainKey("users");
          assertThat(v.actual()).doesNotContainKey("users");
          assertThat(target.journal().matching("GET", "/users")).isNotEmpty()
              .allSatisfy(r -> assertThat(r.status()).isEqualTo(404));
          assertThat(report.steps()).filteredOn(s -> s.step() == RestoreStep.VERIFY)
              .singleElement().satisfies(s -> assertThat(s.detail()).contains("users not counted (community"
                  + " edition)"));
          assertThat(report.toString()).contains("notCounted={users=not counted (community edition)");
        } else {
          assertThat(v.notCounted()).isEmpty();
          assertThat(v.expected()).containsKey("users");
          assertThat(v.actual()).containsKey("users");
        }
      } else {
        assertThat(v.notCounted()).as("a legacy archive counts only blueprints and plugins").isEmpty();
      }
    }
  }
}
