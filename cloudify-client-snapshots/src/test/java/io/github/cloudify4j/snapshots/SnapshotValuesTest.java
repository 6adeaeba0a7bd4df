package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.model.ExecutionStatus;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The value style in the snapshots module: models and options have toBuilder and value equality. */
class SnapshotValuesTest {
  /** Jackson as found on the class path (Optional and java.time modules), as a user's own mapper would be. */
  private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

  @Test
  void snapshotIsAValue() throws Exception {
    Snapshot s = Snapshot.builder().id("nightly").status(SnapshotStatus.FAILED)
        .createdAt(Instant.parse("2024-05-02T10:11:12Z")).error("pg_dump: password=hunter2 rejected")
        .tenantName("default_tenant").createdBy("admin").build();
    assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(s.toBuilder().status(SnapshotStatus.CREATED).error("").build().isRestorable()).isTrue();
    assertThat(s.isRestorable()).isFalse();
    assertThat(mapper.readValue(mapper.writeValueAsString(s), Snapshot.class)).isEqualTo(s);
    assertThat(s.toString()).contains("nightly").doesNotContain("hunter2");
    assertThat(Modifier.isPublic(s.getClass().getModifiers())).isFalse();
  }

  @Test
  void downloadOptionsAreValues() {
    DownloadOptions o = DownloadOptions.builder().overwrite(true).maxBytes(1024).sha256(true).maxAttempts(5)
        .build();
    assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
    assertThat(DownloadOptions.builder().build()).isEqualTo(DownloadOptions.defaults());
    assertThat(o.toBuilder().overwrite(false).build()).isNotEqualTo(o);
    assertThat(o.overwrite()).isTrue();
    TransferListener listener = (done, total) -> { };
    assertThat(o.toBuilder().listener(listener).build()).isNotEqualTo(o);
    assertThat(o.toString()).contains("maxBytes=1024");
  }

  @Test
  void snapshotCreateOptionsAreValues() {
    SnapshotCreateOptions o = SnapshotCreateOptions.builder().includeLogs(false)
        .listenerTimeout(Duration.ofSeconds(30)).build();
    assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
    assertThat(SnapshotCreateOptions.builder().build()).isEqualTo(SnapshotCreateOptions.defaults());
    assertThat(o.toBuilder().queue(true).build()).isNotEqualTo(o);
    assertThat(o.toBuilder().listenerTimeout(Duration.ofSeconds(31)).build()).isNotEqualTo(o);
  }
}
