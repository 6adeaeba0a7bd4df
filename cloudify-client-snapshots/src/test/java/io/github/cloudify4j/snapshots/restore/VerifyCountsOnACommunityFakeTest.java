package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.support.Archives;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 item 6, against the fake manager: what the restore's VERIFY reads from a community manager. Community
 * {@code /tenants} ignores paging and sends every tenant (corpus seq 212), so the {@code _size=0} count gets six
 * items where it asked for none: the count is the number of tenants, not a page of them. {@code /events} has its
 * own envelope (default size 10000, no {@code metadata.filtered}: seq 215): the restore's per-entity errors are
 * read from it, here more than one page (1000) of them, each one once.
 */
class VerifyCountsOnACommunityFakeTest {
  private static final int SECRETS = 1005;
  @TempDir static Path dir;
  static Path archive;

  @BeforeAll
  static void makeArchive() {
    archive = Archives.create(FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .edition(Edition.COMMUNITY), dir, "nightly", false, m -> m.seed().blueprints(2).secrets(SECRETS)
        .tenant("t1").tenant("t2").tenant("t3").tenant("t4").tenant("t5"));
  }

  private static RestoreReport restore(FakeCloudifyManager target) {
    try (CloudifyClient client = VirtualTime.client(target).build()) {
      try {
        return RestoreOrchestrator.builder(client).snapshotId("nightly").uploadFrom(archive).build().run();
      } catch (RestoreFailedException e) {
        return e.report();
      }
    }
  }

  @Test
  void tenantsAreCountedInFullThoughTheCommunityServerIgnoresPaging() throws Exception {
    try (FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .edition(Edition.COMMUNITY).build().start()) {
      RestoreReport report = restore(target);

      assertThat(report.outcome()).as("%s", report).isEqualTo(RestoreReport.Outcome.COMPLETE);
      Verification v = report.verification().orElseThrow();
      assertThat(v.expected()).containsEntry("tenants", 6L).containsEntry("blueprints", 2L)
          .containsEntry("secrets", (long) SECRETS);
      assertThat(v.actual()).containsEntry("tenants", 6L).containsEntry("blueprints", 2L)
          .containsEntry("secrets", (long) SECRETS);
      assertThat(v.missing()).isEmpty();
      assertThat(v.restoreErrors()).isEmpty();
      assertThat(target.count("tenants")).isEqualTo(6);

      // The count asked for no item; the community server sent all six anyway, and a total that agrees.
      List<RecordedRequest> tenants = target.journal().matching("GET", "/tenants");
      assertThat(tenants).isNotEmpty().allSatisfy(r -> {
        assertThat(r.query()).isEqualTo("_size=0");
        assertThat(r.status()).isEqualTo(200);
      });
      // The restore's events were read through their own envelope.
      assertThat(target.journal().matching("GET", "/events")).isNotEmpty()
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }
  }

  @Test
  void restoreErrorsAreReadFromEveryPageOfEvents() throws Exception {
    try (FakeCloudifyManager target = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .edition(Edition.COMMUNITY).build().start()) {
      target.dropOnRestore("secrets");

      RestoreReport report = restore(target);

      assertThat(report.outcome()).as("%s", report).isNotEqualTo(RestoreReport.Outcome.COMPLETE);
      Verification v = report.verification().orElseThrow();
      assertThat(v.expected()).containsEntry("tenants", 6L).containsEntry("secrets", (long) SECRETS);
      assertThat(v.actual()).containsEntry("tenants", 6L).containsEntry("blueprints", 2L)
          .containsEntry("secrets", 0L);
      assertThat(v.missing()).containsOnlyKeys("secrets");
      // One error per secret the fake refused, each once: two pages of events, the second at offset 1000.
      assertThat(v.restoreErrors()).hasSize(SECRETS).doesNotHaveDuplicates()
          .allSatisfy(m -> assertThat(m).startsWith("Error restoring secret "));
      List<RecordedRequest> events = target.journal().matching("GET", "/events");
      assertThat(events).hasSize(2);
      assertThat(events.stream().map(RecordedRequest::query).collect(Collectors.toList()))
          .anySatisfy(q -> assertThat(q).contains("_offset=0"))
          .anySatisfy(q -> assertThat(q).contains("_offset=1000"));
      assertThat(events).allSatisfy(r -> assertThat(r.query()).contains("execution_id=")
          .contains("_size=1000"));
    }
  }
}
