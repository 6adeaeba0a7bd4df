package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.client.Timeouts;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer manager, a client on virtual time (nothing sleeps for real), and helpers. */
abstract class MockManager {
  static final String API = "/api/v3.1/";

  MockWebServer server;
  VirtualTime time;
  CloudifyClient client;
  Snapshots snapshots;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    time = new VirtualTime();
    client = newClient(RetryPolicy.defaults());
    snapshots = Snapshots.of(client);
  }

  @AfterEach
  void stopServer() throws IOException {
    client.close();
    server.shutdown();
  }

  CloudifyClient newClient(RetryPolicy policy) {
    return CloudifyClient.builder()
        .manager(server.url("/").uri())
        .basicAuth("admin", "s3cret")
        .tenant("default_tenant")
        .retryPolicy(policy)
        .timeouts(Timeouts.builder().connect(Duration.ofSeconds(5)).read(Duration.ofSeconds(10)).build())
        .clock(time)
        .sleeper(time)
        .build();
  }

  /** Replaces the client (and {@link #snapshots}) by one with this retry policy. */
  void useRetryPolicy(RetryPolicy policy) {
    client.close();
    client = newClient(policy);
    snapshots = Snapshots.of(client);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  void enqueueJson(int code, String body) {
    server.enqueue(json(code, body));
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  /** A clock that only moves when the sleeper sleeps. */
  static final class VirtualTime extends Clock implements Sleeper {
    private volatile Instant now = Instant.parse("2024-05-02T10:00:00Z");
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    /** Runs at each sleep, with the number of sleeps so far (1-based): lets a test change the world meanwhile. */
    volatile java.util.function.IntConsumer onSleep = n -> { };

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      sleeps.add(duration);
      onSleep.accept(sleeps.size());
      if (!duration.isNegative()) {
        now = now.plus(duration);
      }
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
