package io.github.cloudify4j.benchmarks;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
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
 *         &lt;callThreadCpuNanos&gt; &lt;callProcessCpuNanos&gt; &lt;buildThreadCpuNanos&gt; &lt;buildProcessCpuNanos&gt;
 *         &lt;timeline&gt;
 * </pre>
 *
 * <p>{@code timeline}: the milliseconds each sixteenth of the bytes took, comma-separated, from the transfer
 * listener (the first includes connecting and the first request's class loading): where a fresh JVM's time goes,
 * warm-up against steady state.
 *
 * <p>The CPU times (of the calling thread, and of the whole process with its JIT and GC threads) are steadier
 * than wall time on a shared machine: they show what the library costs when the machine's load hides it.
 *
 * <p>{@code callNanos} is the wall time of {@code Snapshots.download(id, file, DownloadOptions.defaults())} or
 * {@code Snapshots.upload(id, file)}, the first request the JVM makes (JIT warm-up and the loading of everything the
 * call needs included; the JVM's own start excluded, as curl's is). {@code buildNanos} is the time from the first
 * statement of {@code main} to the built client (the loading of the client's classes), reported apart.
 */
public final class FreshTransfer {
  private FreshTransfer() {}

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** For profiling ({@code -Dbench.threads=true}): CPU time of every native thread, from /proc, on stderr. */
  private static void threadCpu() throws java.io.IOException {
    long tick = 10; // ms per clock tick (USER_HZ 100)
    java.util.Map<String, long[]> byName = new java.util.TreeMap<>();
    try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(Paths.get("/proc/self/task"))) {
      for (Path t : tasks) {
        String stat = Files.readString(t.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long[] v = byName.computeIfAbsent(name, k -> new long[3]);
        v[0] += Long.parseLong(f[11]) * tick;
        v[1] += Long.parseLong(f[12]) * tick;
        v[2]++;
      }
    }
    byName.forEach((k, v) -> System.err.printf("thread %-20s x%d user %5d ms sys %5d ms%n", k, v[2], v[0], v[1]));
  }

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
      long threadCpu1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long processCpu1 = processCpu();
      long bytes;
      Timeline timeline = new Timeline(t1);
      if (direction.equals("download")) {
        DownloadResult r = snapshots.download("bench", file, DownloadOptions.builder().listener(timeline).build());
        bytes = r.bytes();
      } else if (direction.equals("upload")) {
        Snapshot s = snapshots.upload("bench", file, timeline);
        if (!"bench".equals(s.id())) {
          throw new IllegalStateException("unexpected answer " + s);
        }
        bytes = Files.size(file);
      } else {
        throw new IllegalArgumentException("download or upload: " + direction);
      }
      long t2 = System.nanoTime();
      long threadCpu2 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long processCpu2 = processCpu();
      if (Boolean.getBoolean("bench.threads")) {
        System.err.printf("call from %d ms to %d ms of the JVM's uptime%n",
            ManagementFactory.getRuntimeMXBean().getUptime() - (t2 - t1) / 1_000_000,
            ManagementFactory.getRuntimeMXBean().getUptime());
      }
      for (int i = 1; i < Integer.getInteger("bench.repeat", 1); i++) { // profiling: the same call, warm
        long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long p0 = processCpu();
        long w0 = System.nanoTime();
        if (direction.equals("download")) {
          Files.deleteIfExists(file);
          snapshots.download("bench", file, DownloadOptions.defaults());
        } else {
          snapshots.upload("bench", file);
        }
        System.err.printf("repeat %d: wall %.2f s, thread cpu %.2f s, process cpu %.2f s%n", i,
            (System.nanoTime() - w0) / 1e9, (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9,
            (processCpu() - p0) / 1e9);
      }
      long count = 0;
      long millis = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        count += Math.max(0, gc.getCollectionCount());
        millis += Math.max(0, gc.getCollectionTime());
      }
      if (Boolean.getBoolean("bench.threads")) {
        threadCpu();
      }
      System.out.println("ok " + (t2 - t1) + " " + bytes + " " + (t1 - t0) + " " + TransferChild.peakHeap() + " "
          + count + " " + millis + " " + System.getProperty("java.vm.version") + " " + (threadCpu2 - threadCpu1) + " "
          + (processCpu2 - processCpu1) + " " + threadCpu1 + " " + processCpu1 + " " + timeline);
    }
  }

  /** The time of each sixteenth of a transfer. */
  static final class Timeline implements TransferListener {
    private final long[] marks = new long[17];
    private int next = 1;

    Timeline(long start) {
      marks[0] = start;
    }

    @Override
    public void onProgress(long done, long total) {
      while (next <= 16 && total > 0 && done >= total * next / 16) {
        marks[next++] = System.nanoTime();
      }
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < next; i++) {
        sb.append(i > 1 ? "," : "").append((marks[i] - marks[i - 1]) / 1_000_000);
      }
      return sb.length() == 0 ? "-" : sb.toString();
    }
  }
}
