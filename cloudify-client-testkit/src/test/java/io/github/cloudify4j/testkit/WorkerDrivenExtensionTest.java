package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension builds community, worker-driven fakes too. */
class WorkerDrivenExtensionTest {
  @RegisterExtension
  static FakeCloudifyManagerExtension fake = FakeCloudifyManagerExtension.builder()
      .edition(Edition.COMMUNITY).workflows(WorkflowMode.WORKER_DRIVEN).build();

  @Test
  void communityAndWorkerDriven(FakeCloudifyManager m) {
    assertThat(m.workflowMode()).isEqualTo(WorkflowMode.WORKER_DRIVEN);
    Http h = new Http(m.baseUrl());
    assertThat(h.get("/users").json().path("error_code").asText()).isEqualTo("missing_premium_package_error");
    String exec = h.put("/snapshots/s1", "{}").json().path("id").asText();
    m.advance(Duration.ofHours(1));
    assertThat(m.executionStatus(exec)).isEqualTo("pending");
  }
}
