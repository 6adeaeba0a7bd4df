package io.github.cloudify4j.benchmarks;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The SDK side of the warm transfer benchmarks: one JVM (the runner starts it with {@code -Xmx64m}) for every
 * transfer of a series, so all but the first run on compiled code. Arguments: the base URL, and for HTTPS the test
 * CA's PEM file. It reads commands on stdin, one a line, and answers one line each:
 *
 * <pre>
 * download &lt;target&gt;  -&gt;  ok &lt;nanos&gt; &lt;bytes&gt; &lt;peakHeapBytes&gt;   (Snapshots.download("bench", target), default options)
 * upload &lt;source&gt;    -&gt;  ok &lt;nanos&gt; &lt;bytes&gt; &lt;peakHeapBytes&gt;   (Snapshots.upload("bench", source))
 * quit               -&gt;  bye &lt;peakHeapBytes&gt; &lt;gcCount&gt; &lt;gcMillis&gt; &lt;maxHeapBytes&gt;
 * </pre>
 *
 * <p>{@code peakHeapBytes} is the sum of the peak usage of every heap memory pool since the JVM started (an upper
 * bound of the real peak: the pools peak at different times).
 */
public final class TransferChild {
  private TransferChild() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    CloudifyClient.Builder builder = CloudifyClient.builder()
        .manager(baseUrl)
        .basicAuth("admin", "admin")
        .timeouts(Timeouts.builder().connect(Duration.ofSeconds(10)).read(Duration.ofMinutes(2))
            .write(Duration.ofMinutes(2)).build());
    if (args.length > 1) {
      builder.tls(TlsConfig.trustPem(Paths.get(args[1]))); // the test CA of an HTTPS run
    }
    try (CloudifyClient client = builder.build()) {
      Snapshots snapshots = Snapshots.of(client);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        String[] cmd = line.trim().split(" ", 2);
        try {
          switch (cmd[0]) {
            case "download": {
              Path target = Paths.get(cmd[1]);
              long t0 = System.nanoTime();
              DownloadResult r = snapshots.download("bench", target, DownloadOptions.defaults());
              long t1 = System.nanoTime();
              reply("ok " + (t1 - t0) + " " + r.bytes() + " " + peakHeap());
              break;
            }
            case "upload": {
              Path source = Paths.get(cmd[1]);
              long t0 = System.nanoTime();
              Snapshot s = snapshots.upload("bench", source);
              long t1 = System.nanoTime();
              if (!"bench".equals(s.id())) {
                throw new IllegalStateException("unexpected answer " + s);
              }
              reply("ok " + (t1 - t0) + " " + Files.size(source) + " " + peakHeap());
              break;
            }
            case "quit": {
              long count = 0;
              long millis = 0;
              for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
              }
              reply("bye " + peakHeap() + " " + count + " " + millis + " "
                  + Runtime.getRuntime().maxMemory());
              return;
            }
            default:
              reply("error unknown command " + line);
          }
        } catch (RuntimeException | Error e) {
          reply("error " + e.toString().replace('\n', ' '));
        }
      }
    }
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static void reply(String s) {
    System.out.println(s);
    System.out.flush();
  }
}
