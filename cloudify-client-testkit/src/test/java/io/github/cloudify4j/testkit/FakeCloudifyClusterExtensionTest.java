package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each test gets a fresh, started cluster: a split left by one repetition is never seen by the next. */
class FakeCloudifyClusterExtensionTest {
  @RegisterExtension
  static FakeCloudifyClusterExtension clusters = FakeCloudifyClusterExtension.builder()
      .profile(ServerProfile.V6_4).configure(b -> b.adminCredentials("ops", "s3cret")).build();

  @RepeatedTest(2)
  void freshClusterPerTest(FakeCloudifyCluster c, FakeCloudifyCluster same) {
    assertThat(same).isSameAs(c);
    assertThat(c.isSplit()).isFalse();
    assertThat(c.activeNode()).isZero();
    assertThat(c.profile()).isEqualTo(ServerProfile.V6_4);
    Http h = new Http(c.baseUrl(2)).as("ops", "s3cret");
    assertThat(h.get("/cluster-status").json().path("status").asText()).isEqualTo("OK");
    c.splitBrain();
    c.activeDown();
    assertThat(h.get("/cluster-status?summary=true").status).isEqualTo(500);
  }
}
