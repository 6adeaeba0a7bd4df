package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.ArchiveStream;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One client shared by 32 threads doing mixed calls: no failure, correct results, no connection leaked. */
@ExtendWith(Figures.class)
class ConcurrencyTest {
  static final int THREADS = 32;
  static final int CALLS_PER_THREAD = 40;

  @TempDir Path dir;

  @Test
  void thirtyTwoThreadsShareOneClient() throws Exception {
    byte[] small = io.github.cloudify4j.snapshots.support.ZipBytes.sameSize(
        Seeds.bytes(Seeds.random("concurrency-archive"), 64 * 1024 + 7));
    String sha = Seeds.sha256(small);
    Path src = dir.resolve("small.zip");
    Files.write(src, small);
    ConnectionPool pool = new ConnectionPool(16, 5, TimeUnit.MINUTES);
    ExecutorService dispatcherThreads = Executors.newCachedThreadPool();
    OkHttpClient base = new OkHttpClient.Builder().connectionPool(pool)
        .dispatcher(new Dispatcher(dispatcherThreads)).build();
    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      m.seed().blueprints(3).snapshot("s0", "created").snapshot("s1", "created").snapshotFromArchive("small", src);
      m.seed().execution("dep-1", "install", "terminated");
      int executions = m.executions().size();
      CloudifyClient client = VirtualTime.client(m).okHttpClient(base).build();
      Snapshots snapshots = Snapshots.of(client);
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger calls = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      Random seeds = Seeds.random("concurrency-mix");
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = seeds.nextLong();
        int thread = t;
        futures.add(workers.submit(() -> {
          Random r = new Random(seed);
          go.await();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            int op = r.nextInt(7);
            try {
              switch (op) {
                case 0:
                  check(failures, "get", snapshots.get("s" + r.nextInt(2)).status().isRestorable());
                  break;
                case 1:
                  check(failures, "list", snapshots.list(ListParams.none()).items().size() == 3);
                  break;
                case 2:
                  check(failures, "maintenance", !client.maintenance().status().isActivated());
                  break;
                case 3:
                  check(failures, "version", client.manager().version().versionText().equals("7.0.4"));
                  break;
                case 4:
                  check(failures, "executions", client.executions().list(ListParams.none()).items().size()
                      == executions);
                  break;
                case 5: {
                  Path target = dir.resolve("t" + thread + "-" + i + ".zip");
                  check(failures, "download", snapshots.download("small", target,
                      DownloadOptions.builder().sha256(true).build()).sha256().orElse("").equals(sha));
                  Files.delete(target);
                  break;
                }
                default:
                  try (ArchiveStream in = snapshots.openArchive("small")) {
                    check(failures, "openArchive", Seeds.sha256(in.readAllBytes()).equals(sha));
                  }
              }
            } catch (Exception | AssertionError e) {
              failures.add("op " + op + ": " + e);
            }
            calls.incrementAndGet();
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(failures).isEmpty();
      assertThat(calls.get()).isEqualTo(THREADS * CALLS_PER_THREAD);
      // Every connection went back to the pool: none is held by an unclosed body.
      assertThat(pool.connectionCount()).as("connections").isEqualTo(pool.idleConnectionCount());
      assertThat(base.dispatcher().runningCallsCount()).isZero();
      client.close();
      pool.evictAll();
      assertThat(pool.connectionCount()).isZero();
      System.out.println("[robustness] concurrency: " + calls.get() + " calls by " + THREADS + " threads, "
          + m.journal().size() + " requests");
      Figures.add(Counter.CONCURRENT_CALLS, calls.get());
      Figures.cases(calls.get());
    } finally {
      workers.shutdownNow();
      dispatcherThreads.shutdownNow();
    }
  }

  static void check(ConcurrentLinkedQueue<String> failures, String what, boolean ok) {
    if (!ok) {
      failures.add(what + ": wrong result");
    }
  }
}
