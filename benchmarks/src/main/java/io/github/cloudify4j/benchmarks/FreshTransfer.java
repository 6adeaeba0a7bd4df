package io.github.cloudify4j.benchmarks;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One transfer in a JVM of its own, as a cron job, the CLI or an application that moves one archive a day runs
 * it: nothing before it has loaded a class of the library or warmed up the JIT. The runner starts one of these
 * per transfer with {@code -Xmx64m} and nothing else.
 *
 * <pre>
 * FreshTransfer download|upload &lt;baseUrl&gt; &lt;file&gt; [&lt;ca.pem&gt;]
 *   -&gt; ok &lt;callNanos&gt; &lt;bytes&gt; &lt;buildNanos&gt; &lt;peakHeapBytes&gt; &lt;gcCount&gt; &lt;gcMillis&gt; &lt;java.vm.version&gt;
 * </pre>
 *
 * <p>{@code callNanos} is the wall time of {@code Snapshots.download(id, file, DownloadOptions.defaults())} or
 * {@code Snapshots.upload(id, file)}, the first request the JVM makes (JIT warm-up and the loading of everything the
 * call needs included; the JVM's own start excluded, as curl's is). {@code buildNanos} is the time from the first
 * statement of {@code main} to the built client (the loading of the client's classes), reported apart.
 */
public final class FreshTransfer {
  private FreshTransfer() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String direction = args[0];
    Path file = Paths.get(args[2]);
    CloudifyClient.Builder builder = CloudifyClient.builder().manager(args[1]).basicAuth("admin", "admin");
    if (args.length > 3) {
      builder.tls(TlsConfig.trustPem(Paths.get(args[3])));
    }
    try (CloudifyClient client = builder.build()) {
      Snapshots snapshots = Snapshots.of(client);
      long t1 = System.nanoTime();
      long bytes;
      if (direction.equals("download")) {
        DownloadResult r = snapshots.download("bench", file, DownloadOptions.defaults());
        bytes = r.bytes();
      } else if (direction.equals("upload")) {
        Snapshot s = snapshots.upload("bench", file);
        if (!"bench".equals(s.id())) {
          throw new IllegalStateException("unexpected answer " + s);
        }
        bytes = Files.size(file);
      } else {
        throw new IllegalArgumentException("download or upload: " + direction);
      }
      long t2 = System.nanoTime();
      long count = 0;
      long millis = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        count += Math.max(0, gc.getCollectionCount());
        millis += Math.max(0, gc.getCollectionTime());
      }
      System.out.println("ok " + (t2 - t1) + " " + bytes + " " + (t1 - t0) + " " + TransferChild.peakHeap() + " "
          + count + " " + millis + " " + System.getProperty("java.vm.version"));
    }
  }
}
