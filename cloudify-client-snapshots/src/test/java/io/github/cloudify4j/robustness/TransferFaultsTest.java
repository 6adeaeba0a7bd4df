package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archive transfers cut at seeded random offsets by the fake manager: downloads leave nothing behind on failure and
 * come out byte-exact when retries are allowed; uploads fail typed and are replayed only when the body can be.
 */
@ExtendWith(Figures.class)
class TransferFaultsTest {
  static final int SIZE = 2 * 1024 * 1024 + 12345;
  static final int CUT_POINTS = 60;
  static final String ID = "big";

  static FakeCloudifyManager manager;
  static byte[] data;
  static String sha;

  @TempDir static Path shared;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    data = io.github.cloudify4j.snapshots.support.ZipBytes.sameSize(
        Seeds.bytes(Seeds.random("transfer-archive"), SIZE));
    sha = Seeds.sha256(data);
    Path src = shared.resolve("src.zip");
    Files.write(src, data);
    manager = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start();
    manager.seed().snapshotFromArchive(ID, src);
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  @BeforeEach
  void clean() {
    manager.faults().clearAll();
    manager.journal().clear();
  }

  CloudifyClient client(RetryPolicy policy) {
    return VirtualTime.client(manager).retryPolicy(policy).build();
  }

  List<String> listing(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }

  @Test
  void aCutDownloadWithoutRetriesLeavesNothingAndFailsTyped() throws IOException {
    Random random = Seeds.random("download-cut-no-retry");
    try (CloudifyClient client = client(RetryPolicy.defaults())) {
      Snapshots snapshots = Snapshots.of(client);
      for (int i = 0; i < CUT_POINTS; i++) {
        long cut = i == 0 ? 0 : i == 1 ? SIZE - 1 : random.nextInt(SIZE);
        Path d = Files.createDirectory(dir.resolve("cut-" + i));
        Path target = d.resolve("snap.zip");
        manager.faults().on("GET", "/snapshots/" + ID + "/archive").dropResponseAfterBytes(cut);
        Figures.inc(Counter.FAULTS_INJECTED);
        Throwable t = catchThrowable(() -> snapshots.download(ID, target,
            DownloadOptions.builder().maxAttempts(1).sha256(true).build()));
        assertThat(t).as("cut at %d", cut).isInstanceOf(CloudifyTransportException.class);
        assertThat(t.getMessage()).as("cut at %d", cut).contains("broke off");
        assertThat(listing(d)).as("cut at %d: nothing at the target, no .part", cut).isEmpty();
        assertThat(manager.faults().armed()).isZero();
        Figures.inc(Counter.TRANSFER_CUTS);
        Figures.cases(1);
      }
      assertThat(manager.journal().count("GET", "/snapshots/" + ID + "/archive")).isEqualTo(CUT_POINTS);
    }
  }

  @Test
  void aDownloadCutUpToTwiceCompletesByteExactWithRetries() throws IOException {
    Random random = Seeds.random("download-cut-retry");
    try (CloudifyClient client = client(RetryPolicy.defaults())) {
      Snapshots snapshots = Snapshots.of(client);
      for (int i = 0; i < CUT_POINTS; i++) {
        manager.journal().clear();
        int cuts = i % 3; // 0, 1 or 2 cuts: at most one per attempt, 3 attempts
        List<Long> at = new ArrayList<>();
        long remaining = SIZE; // a retry resumes with Range: its body is what the previous attempt did not get
        for (int c = 0; c < cuts; c++) {
          long cut = random.nextInt((int) remaining);
          remaining -= cut;
          at.add(cut);
          manager.faults().on("GET", "/snapshots/" + ID + "/archive").dropResponseAfterBytes(cut);
          Figures.inc(Counter.FAULTS_INJECTED);
        }
        Path d = Files.createDirectory(dir.resolve("retry-" + i));
        Path target = d.resolve("snap.zip");
        DownloadResult r = snapshots.download(ID, target,
            DownloadOptions.builder().maxAttempts(3).sha256(true).listener(TransferListener.none()).build());
        assertThat(r.sha256()).as("cuts %s", at).contains(sha);
        assertThat(Seeds.sha256(Files.readAllBytes(target))).as("cuts %s", at).isEqualTo(sha);
        assertThat(r.bytes()).isEqualTo(SIZE);
        assertThat(r.attempts()).as("cuts %s", at).isEqualTo(cuts + 1);
        assertThat(listing(d)).as("cuts %s: no .part left", at).containsExactly("snap.zip");
        List<RecordedRequest> gets = manager.journal().matching("GET", "/snapshots/" + ID + "/archive");
        assertThat(gets).hasSize(cuts + 1);
        assertThat(gets.get(0).header("Range")).isNull();
        Figures.add(Counter.TRANSFER_CUTS, cuts);
        Figures.cases(1);
      }
    }
  }

  @Test
  void aCutPathUploadIsReplayedOnlyWhenNonIdempotentRetriesAreAllowed() throws IOException {
    Random random = Seeds.random("upload-cut-path");
    Path archive = dir.resolve("upload.zip");
    Files.write(archive, data);
    RetryPolicy replay = RetryPolicy.defaults().toBuilder().retryNonIdempotent(true).build();
    try (CloudifyClient safe = client(RetryPolicy.defaults()); CloudifyClient replaying = client(replay)) {
      for (int i = 0; i < CUT_POINTS; i++) {
        long cut = i == 0 ? 0 : random.nextInt(SIZE);
        boolean retry = i % 2 == 0;
        String id = "up-path-" + i;
        manager.faults().on("PUT", "/snapshots/" + id + "/archive").dropRequestAfterBytes(cut);
        Figures.inc(Counter.FAULTS_INJECTED);
        Snapshots snapshots = Snapshots.of(retry ? replaying : safe);
        if (retry) {
          Snapshot s = snapshots.upload(id, archive);
          assertThat(s.id()).isEqualTo(id);
          assertThat(manager.journal().count("PUT", "/snapshots/" + id + "/archive")).as("cut at %d", cut)
              .isEqualTo(2);
          assertThat(Seeds.sha256(Files.readAllBytes(manager.archivePath(id)))).isEqualTo(sha);
        } else {
          Throwable t = catchThrowable(() -> snapshots.upload(id, archive));
          assertThat(t).as("cut at %d", cut).isInstanceOf(CloudifyTransportException.class);
          assertThat(manager.journal().count("PUT", "/snapshots/" + id + "/archive")).as("cut at %d", cut)
              .isEqualTo(1);
        }
        Figures.inc(Counter.TRANSFER_CUTS);
        Figures.cases(1);
      }
    }
  }

  @Test
  void aCutStreamUploadIsNeverReplayedEvenWhenAllowed() {
    Random random = Seeds.random("upload-cut-stream");
    RetryPolicy replay = RetryPolicy.defaults().toBuilder().retryNonIdempotent(true).build();
    try (CloudifyClient client = client(replay)) {
      Snapshots snapshots = Snapshots.of(client);
      for (int i = 0; i < CUT_POINTS; i++) {
        long cut = i == 0 ? 0 : random.nextInt(SIZE);
        String id = "up-stream-" + i;
        manager.faults().on("PUT", "/snapshots/" + id + "/archive").dropRequestAfterBytes(cut);
        Figures.inc(Counter.FAULTS_INJECTED);
        assertThatThrownBy(() -> snapshots.upload(id, new ByteArrayInputStream(data), data.length,
            TransferListener.none()))
            .as("cut at %d", cut).isInstanceOf(CloudifyTransportException.class);
        assertThat(manager.journal().count("PUT", "/snapshots/" + id + "/archive")).as("cut at %d", cut)
            .isEqualTo(1);
        assertThat(manager.snapshot(id)).as("cut at %d: no snapshot stored", cut).isEmpty();
        Figures.inc(Counter.TRANSFER_CUTS);
        Figures.cases(1);
      }
    }
  }
}
