package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.poll.PollEvent;
import io.github.cloudify4j.client.poll.PollOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** waitUntilCreated and waitUntilRestoreFinished, on virtual time. */
class SnapshotsWaitersTest extends MockManager {
  static final PollOptions FAST = PollOptions.builder().maxWait(Duration.ofMinutes(10))
      .fixedDelay(Duration.ofSeconds(5)).build();

  @Test
  void waitUntilCreatedFollowsCreatingToCreated() throws Exception {
    enqueueJson(200, Samples.snapshot("s1", "creating", ""));
    enqueueJson(200, Samples.snapshot("s1", "creating", ""));
    enqueueJson(200, Samples.snapshot("s1", "created", ""));
    Snapshot s = snapshots.waitUntilCreated("s1", FAST);
    assertThat(s.status()).isEqualTo(SnapshotStatus.CREATED);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(take().getPath()).isEqualTo("/api/v3.1/snapshots/s1");
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void waitUntilCreatedAcceptsUploaded() {
    enqueueJson(200, Samples.snapshot("s1", "uploaded", ""));
    assertThat(snapshots.waitUntilCreated("s1", FAST).status()).isEqualTo(SnapshotStatus.UPLOADED);
  }

  @Test
  void waitUntilCreatedFailsWithTheServersErrorText() {
    enqueueJson(200, Samples.snapshot("snap-broken", "creating", ""));
    enqueueJson(200, Samples.SNAPSHOT_FAILED);
    assertThatThrownBy(() -> snapshots.waitUntilCreated("snap-broken", FAST))
        .isInstanceOf(WaitFailedException.class)
        .hasMessageContaining("Snapshot creation failed: [Errno 28] No space left on device");
  }

  @Test
  void waitUntilCreatedTimesOut() {
    for (int i = 0; i < 10; i++) {
      enqueueJson(200, Samples.snapshot("s1", "creating", ""));
    }
    assertThatThrownBy(() -> snapshots.waitUntilCreated("s1", PollOptions.builder()
        .maxWait(Duration.ofSeconds(20)).fixedDelay(Duration.ofSeconds(5)).build()))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("s1");
    assertThat(server.getRequestCount()).isBetween(4, 6);
  }

  @Test
  void waitUntilCreatedRidesOutA502Page() {
    useRetryPolicy(RetryPolicy.none());
    enqueueJson(200, Samples.snapshot("s1", "creating", ""));
    server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
        .setBody(Samples.NGINX_502));
    enqueueJson(200, Samples.snapshot("s1", "created", ""));
    List<PollEvent<Snapshot>> events = new ArrayList<>();
    Snapshot s = snapshots.waitUntilCreated("s1", FAST, events::add);
    assertThat(s.status()).isEqualTo(SnapshotStatus.CREATED);
    assertThat(events).hasSize(3);
    assertThat(events.get(1).error()).containsInstanceOf(ServerUnavailableException.class);
  }

  @Test
  void waitUntilRestoreFinishedRidesOutRestarts() throws Exception {
    useRetryPolicy(RetryPolicy.none());
    int port = server.getPort();
    enqueueJson(200, "{\"status\": \"running\"}");
    server.enqueue(new MockResponse().setResponseCode(502).setBody(Samples.NGINX_502));
    List<PollEvent<RestoreStatus>> events = new ArrayList<>();
    MockWebServer[] restarted = new MockWebServer[1];
    time.onSleep = n -> {
      try {
        if (n == 2) {          // after the 502 the REST service goes down: connection refused
          server.shutdown();
        } else if (n == 3) {   // and comes back on the same port
          restarted[0] = new MockWebServer();
          restarted[0].enqueue(json(200, "{\"status\": \"running\"}"));
          restarted[0].enqueue(json(200, "{\"status\": \"not-running\"}"));
          restarted[0].start(InetAddress.getByName(server.getHostName()), port);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    try {
      RestoreStatus done = snapshots.waitUntilRestoreFinished(FAST, events::add);
      assertThat(done.isNotRunning()).isTrue();
      assertThat(events).extracting(PollEvent::outcome).containsExactly(PollEvent.Outcome.RETRY,
          PollEvent.Outcome.RETRY, PollEvent.Outcome.RETRY, PollEvent.Outcome.RETRY, PollEvent.Outcome.SUCCESS);
      assertThat(events.get(1).error()).containsInstanceOf(ServerUnavailableException.class);
      assertThat(events.get(2).error()).containsInstanceOf(CloudifyTransportException.class);
      assertThat(events.get(2).error().get()).hasMessageContaining("ConnectException");
      assertThat(events.get(3).value()).hasValueSatisfying(v -> assertThat(v.isRunning()).isTrue());
      assertThat(restarted[0].getRequestCount()).isEqualTo(2);
      assertThat(restarted[0].takeRequest().getHeader("Authorization")).isNull();
    } finally {
      if (restarted[0] != null) {
        restarted[0].shutdown();
      }
    }
  }

  @Test
  void waitUntilRestoreFinishedWithDefaultRetriesAbsorbsA502() {
    enqueueJson(200, "{\"status\": \"running\"}");
    server.enqueue(new MockResponse().setResponseCode(502).setBody(Samples.NGINX_502));
    enqueueJson(200, "{\"status\": \"No restore_snapshot workflow currently running.\"}");
    assertThat(snapshots.waitUntilRestoreFinished(FAST, e -> { }).isNotRunning()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anUnknownStatusNeverFinishesTheWait() {
    for (int i = 0; i < 5; i++) {
      enqueueJson(200, "{\"status\": \"restore finished?\"}");
    }
    assertThatThrownBy(() -> snapshots.waitUntilRestoreFinished(PollOptions.builder().maxAttempts(5)
        .fixedDelay(Duration.ofSeconds(5)).build(), e -> { }))
        .isInstanceOf(WaitTimeoutException.class);
    assertThat(server.getRequestCount()).isEqualTo(5);
  }
}
