package io.github.cloudify4j.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against one MockWebServer manager, with a client on virtual time; override {@link #clientBuilder()}. */
public abstract class MockServerTest {
  protected final MockWebServer server = new MockWebServer();
  protected final VirtualTime time = new VirtualTime();
  protected CloudifyClient client;

  @BeforeEach
  void startServer() throws Exception {
    server.start();
    client = clientBuilder().build();
  }

  @AfterEach
  void stopServer() throws Exception {
    client.close();
    server.shutdown();
  }

  /** The client every test starts with: {@link TestClients#builder} on this server. */
  protected CloudifyClient.Builder clientBuilder() {
    return TestClients.builder(time, server);
  }

  /** The next request the server received (fails after 5 s without one). */
  protected RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("request").isNotNull();
    return r;
  }
}
