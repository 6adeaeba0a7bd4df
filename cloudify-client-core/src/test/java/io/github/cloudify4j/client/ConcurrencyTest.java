package io.github.cloudify4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** One client shared by many threads. */
class ConcurrencyTest {

  @Test
  void sixteenThreadsShareOneClient() throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if (!("default_tenant".equals(request.getHeader("Tenant")) || "t2".equals(request.getHeader("Tenant")))) {
          return new MockResponse().setResponseCode(403);
        }
        String body;
        if (path.equals("/api/v3.1/maintenance")) {
          body = Samples.json("maintenance_activated");
        } else if (path.startsWith("/api/v3.1/executions/")) {
          body = Samples.execution(path.substring(path.lastIndexOf('/') + 1), "terminated");
        } else if (path.equals("/api/version")) {
          body = Samples.json("version");
        } else if (path.equals("/api/v3.1/managers")) {
          body = Samples.json("managers_list");
        } else {
          return new MockResponse().setResponseCode(404);
        }
        return TestClients.json(body);
      }
    });
    server.start();
    int threads = 16;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (CloudifyClient client = TestClients.builder(new VirtualTime(), server).build()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          go.await();
          CloudifyClient view = thread % 2 == 0 ? client : client.withOptions(o -> o.tenant("t2"));
          int ok = 0;
          for (int i = 0; i < perThread; i++) {
            switch ((thread + i) % 4) {
              case 0:
                assertThat(view.maintenance().status().isActivated()).isTrue();
                break;
              case 1:
                String id = "e-" + thread + "-" + i;
                Execution e = view.executions().get(id);
                assertThat(e.id()).isEqualTo(id);
                break;
              case 2:
                assertThat(view.manager().version().versionText()).isEqualTo("7.0.4");
                break;
              default:
                assertThat(view.manager().managers()).hasSize(1);
            }
            ok++;
          }
          return ok;
        }));
      }
      go.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(perThread);
      }
      assertThat(server.getRequestCount()).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
      server.shutdown();
    }
  }
}
