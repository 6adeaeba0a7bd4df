package io.github.cloudify4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement of issue #8 and prints one {@code name=value} line per figure, also written to a JSON
 * file. Started by {@code benchmarks/run.sh}; see {@code benchmarks/README.md}.
 *
 * <pre>
 * --out FILE          results file (default benchmarks/results/latest.json)
 * --work-dir DIR      where the archive and the downloads go (default /dev/shm if it has room, else the temp dir)
 * --size-mib N        archive size (default 1024)
 * --pairs N           measured SDK/curl pairs per direction (default 11, after one warm-up pair)
 * --heap SIZE         -Xmx of the SDK's transfer JVM (default 64m)
 * --jmh-pairs N       SDK/raw pairs of forks per overhead benchmark (default 9); --jmh-ops get,list (the default)
 * --jmh-warmup N      warm-up iterations per fork (default 4) of --jmh-warmup-seconds N (default 2);
 *                     --jmh-iterations N (default 5) of --jmh-seconds N (default 1)
 * --cpu-rounds N      rounds of the interleaved CPU measurement (default 20)
 * --jmh-prof SPEC     a JMH profiler for the overhead benchmarks, e.g. gc, or async:libPath=/path/libasyncProfiler.so
 * --restore-minutes N simulated restore length (default 10)
 * --only LIST         comma-separated subset of download, upload (warm JVM, HTTP), fresh-download, fresh-upload
 *                     (or fresh), tls-download, tls-upload (fresh JVM, HTTPS), tls-warm-download, tls-warm-upload
 *                     (tls selects all four), overhead (JMH and interleaved CPU, with sockets), sockets (the SDK
 *                     with and without its buffered sockets, interleaved CPU), restore
 * --rounds N          the same as --pairs
 * --child-java PATH  the java (or JAVA_HOME) of the SDK's transfer JVMs (default this one's)
 * --serve-seconds N   start the servers, print their URLs, wait N seconds and stop (profiling by hand)
 * --nginx PATH, --curl PATH, --openssl PATH   (--nginx none: skip what needs nginx)
 * </pre>
 */
public final class BenchmarkMain {
  private static final double MB = 1_000_000.0;
  private static final long MAX_CHILD_SECONDS = 600;

  private final Map<String, String> args;
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final Map<String, Object> details = new LinkedHashMap<>();

  private BenchmarkMain(Map<String, String> args) {
    this.args = args;
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("usage: BenchmarkMain [--name value]...; see the class comment");
      }
      args.put(argv[i].substring(2), argv[++i]);
    }
    new BenchmarkMain(args).run();
  }

  private String arg(String name, String dflt) {
    return args.getOrDefault(name, dflt);
  }

  private int intArg(String name, int dflt) {
    return Integer.parseInt(arg(name, String.valueOf(dflt)));
  }

  /** {@code --only fresh} selects fresh-download and fresh-upload, {@code --only tls} every tls-... part. */
  private boolean enabled(String part) {
    String only = args.get("only");
    if (only == null) {
      return true;
    }
    for (String t : only.split(",")) {
      if (part.equals(t.trim()) || part.startsWith(t.trim() + "-")) {
        return true;
      }
    }
    return false;
  }

  private boolean enabledAny(String group) {
    String only = args.get("only");
    if (only == null) {
      return true;
    }
    for (String t : only.split(",")) {
      if (t.trim().equals(group) || t.trim().startsWith(group + "-")) {
        return true;
      }
    }
    return false;
  }

  private void run() throws Exception {
    long start = System.nanoTime();
    long sizeMib = intArg("size-mib", 1024);
    int pairs = intArg("pairs", intArg("rounds", 11));
    String heap = arg("heap", "64m");
    String nginxBin = arg("nginx", "/usr/sbin/nginx");
    String curl = arg("curl", "/usr/bin/curl");
    String openssl = arg("openssl", "/usr/bin/openssl");
    childJava = arg("child-java", javaBin());
    if (Files.isDirectory(Paths.get(childJava))) {
      childJava = Paths.get(childJava, "bin", "java").toString(); // a JAVA_HOME
    }
    Path out = Paths.get(arg("out", "benchmarks/results/latest.json"));
    Path base = Paths.get(arg("work-dir", defaultWorkBase(sizeMib)));
    Path work = Files.createTempDirectory(base, "cloudify4j-bench-");
    // nginx's worker (user nobody when started as root) must read the archive and the JSON files.
    work.toFile().setReadable(true, false);
    work.toFile().setExecutable(true, false);
    boolean haveNginx = !nginxBin.isEmpty() && !nginxBin.equals("none") && Files.isExecutable(Paths.get(nginxBin));
    boolean haveOpenssl = Files.isExecutable(Paths.get(openssl));
    settings.put("machine", machine());
    settings.put("load_at_start", loadAverage());
    settings.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    settings.put("transfer_java", firstLine(new ProcessBuilder(childJava, "-version")) + " (" + childJava + ")");
    settings.put("nginx", haveNginx ? firstLine(new ProcessBuilder(nginxBin, "-v")) : "missing");
    settings.put("curl", firstLine(new ProcessBuilder(curl, "--version")));
    settings.put("work_dir", work.toString());
    settings.put("work_dir_fs", fsType(work));
    settings.put("archive_bytes", sizeMib * 1024 * 1024);
    settings.put("pairs", pairs);
    settings.put("sdk_transfer_jvm", "-Xmx" + heap + ", default GC, DownloadOptions.defaults()");
    settings.put("throughput_unit", "MB/s = 10^6 bytes per second");
    if (!haveNginx) {
      System.err.println("SKIPPED: nginx not found at '" + nginxBin + "' (apt-get install nginx-light): no download, "
          + "TLS or per-call figures; the plain-HTTP uploads (to the runner's own sink) and the restore wait still run");
    }
    try {
      Path archive = work.resolve("bench.zip");
      writeArchive(archive, sizeMib * 1024 * 1024);
      Path getJson = work.resolve("get.json");
      Path listJson = work.resolve("list.json");
      writeJson(getJson, listJson);
      TestCa ca = null;
      if (haveNginx && enabledAny("tls")) {
        if (haveOpenssl) {
          ca = TestCa.create(openssl, work.resolve("tls"));
        } else {
          System.err.println("SKIPPED: openssl not found at '" + openssl + "': no TLS figures");
        }
      }
      try (UploadSink sink = UploadSink.start();
          Nginx nginx = haveNginx ? Nginx.start(nginxBin, work.resolve("nginx"), archive, getJson, listJson, ca,
              sink.port(), 3600) : null) {
        String[] plain = {};
        if (args.containsKey("serve-seconds")) {
          // For profiling by hand: the servers and the archive, and nothing measured.
          System.out.println("archive=" + archive);
          System.out.println("http=" + (nginx == null ? "none" : nginx.baseUrl()));
          System.out.println("https=" + (nginx == null || ca == null ? "none" : nginx.tlsBaseUrl()));
          System.out.println("ca=" + (ca == null ? "none" : ca.caPem));
          System.out.println("sink=" + sink.baseUrl());
          System.out.flush();
          io.github.cloudify4j.client.Sleeper.system().sleep(java.time.Duration.ofSeconds(intArg("serve-seconds", 0)));
          return;
        }
        if (nginx != null && enabled("download")) {
          serverDownload("server_download_mb_s", curl, nginx.baseUrl(), plain);
          series("download", "download", false, nginx.baseUrl(), null, curl, plain, heap, pairs, work, archive);
        }
        if (enabled("upload")) {
          series("upload", "upload", false, sink.baseUrl(), null, curl, plain, heap, pairs, work, archive);
        }
        if (nginx != null && enabled("fresh-download")) {
          series("fresh_download", "download", true, nginx.baseUrl(), null, curl, plain, heap, pairs, work, archive);
        }
        if (enabled("fresh-upload")) {
          series("fresh_upload", "upload", true, sink.baseUrl(), null, curl, plain, heap, pairs, work, archive);
        }
        if (nginx != null && ca != null) {
          String https = nginx.tlsBaseUrl();
          String[] cacert = {"--cacert", ca.caPem.toString()};
          if (enabled("tls-download") || enabled("tls-warm-download")) {
            serverDownload("tls_server_download_mb_s", curl, https, cacert);
          }
          if (enabled("tls-download")) {
            series("tls_download", "download", true, https, ca.caPem, curl, cacert, heap, pairs, work, archive);
          }
          if (enabled("tls-upload")) {
            series("tls_upload", "upload", true, https, ca.caPem, curl, cacert, heap, pairs, work, archive);
          }
          if (enabled("tls-warm-download")) {
            series("tls_warm_download", "download", false, https, ca.caPem, curl, cacert, heap, pairs, work,
                archive);
          }
          if (enabled("tls-warm-upload")) {
            series("tls_warm_upload", "upload", false, https, ca.caPem, curl, cacert, heap, pairs, work, archive);
          }
          recordTls(nginx.tlsLog());
        }
        if (nginx != null && enabled("overhead")) {
          overhead(nginx);
        } else if (nginx != null && enabled("sockets")) {
          interleaved(nginx);
        }
      }
      if (enabled("restore")) {
        restoreWait(intArg("restore-minutes", 10));
      }
    } finally {
      deleteTree(work);
    }
    settings.put("load_at_end", loadAverage());
    figures.put("total_run_s", Math.round((System.nanoTime() - start) / 1e9));
    for (Map.Entry<String, Object> e : figures.entrySet()) {
      System.out.println(e.getKey() + "=" + e.getValue());
    }
    writeResults(out);
  }

  // ------------------------------------------------------------------ download / upload

  /** The JVM that runs the SDK's transfers ({@code --child-java}, default this one). */
  private String childJava;

  /**
   * One series of SDK/curl pairs: one warm-up pair (not counted) and {@code pairs} measured ones, alternating
   * which goes first. {@code fresh}: the SDK runs each transfer in a new JVM ({@link FreshTransfer}); else one JVM
   * runs the whole series ({@link TransferChild}). curl's time is its {@code %{time_total}}, the SDK's the wall
   * time of the call inside its JVM; process start is excluded for both.
   */
  private void series(String key, String direction, boolean fresh, String baseUrl, Path caPem, String curl,
      String[] curlTls, String heap, int pairs, Path work, Path archive) throws Exception {
    boolean download = direction.equals("download");
    String url = baseUrl + Nginx.ARCHIVE_PATH;
    List<Double> sdk = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> buildMs = new ArrayList<>();
    List<Long> gcs = new ArrayList<>();
    List<Double> callCpuMs = new ArrayList<>();
    List<String> timelines = new ArrayList<>();
    long peak = 0;
    System.err.printf(Locale.ROOT, "%s: %s JVM, %s%n", key, fresh ? "a fresh" : "one warm", url);
    Child child = fresh ? null : Child.start(childJava, heap, TransferChild.class.getName(), baseUrl, caPem);
    try {
      for (int i = -1; i < pairs; i++) {      // pair -1 warms up (the server, the page cache) and is not counted
        double s = 0;
        double c = 0;
        for (int k = 0; k < 2; k++) {
          boolean sdkTurn = (k == 0) == (i % 2 == 0);
          Path target = download ? work.resolve("download-" + (sdkTurn ? "sdk" : "curl") + ".zip") : archive;
          if (download) {
            Files.deleteIfExists(target);
          }
          if (sdkTurn && fresh) {
            String[] a = fresh(heap, direction, baseUrl, target, caPem);
            s = Long.parseLong(a[2]) / (Long.parseLong(a[1]) / 1e9) / MB;
            if (i >= 0) {
              buildMs.add(Long.parseLong(a[3]) / 1e6);
              gcs.add(Long.parseLong(a[5]));
              callCpuMs.add(Long.parseLong(a[9]) / 1e6);
              if (a.length > 12) {
                timelines.add(a[12]);
              }
            }
            peak = Math.max(peak, Long.parseLong(a[4]));
            settings.put("transfer_jvm_version", a[7]);
          } else if (sdkTurn) {
            s = child.transfer(direction + " " + target);
          } else {
            List<String> cmd = new ArrayList<>(List.of(curl, "-sS", "--fail", "-u", "admin:admin"));
            cmd.addAll(List.of(curlTls));
            if (download) {
              cmd.addAll(List.of("-o", target.toString(), "-w", "%{time_total} %{size_download}", url));
            } else {
              // -H 'Expect:': no 100-continue round trip (OkHttp sends none either).
              cmd.addAll(List.of("-T", archive.toString(), "-H", "Expect:", "-H",
                  "Content-Type: application/octet-stream", "-o", "/dev/null", "-w", "%{time_total} %{size_upload}",
                  url));
            }
            String[] w = runCmd(cmd, MAX_CHILD_SECONDS).trim().split(" ");
            c = Long.parseLong(w[1]) / Double.parseDouble(w[0]) / MB;
          }
          if (download) {
            Files.deleteIfExists(target);
          }
        }
        if (i >= 0) {
          sdk.add(s);
          raw.add(c);
          ratios.add(s / c);
          System.err.printf(Locale.ROOT, "%s pair %d: sdk %.0f MB/s, curl %.0f MB/s, ratio %.3f%n", key, i + 1, s, c,
              s / c);
        }
      }
      if (child != null) {
        peak = child.quit();
      }
    } finally {
      if (child != null) {
        child.close();
      }
    }
    figures.put("curl_" + key + "_mb_s", round1(median(raw)));
    figures.put("sdk_" + key + "_mb_s", round1(median(sdk)));
    figures.put(key + "_ratio_vs_curl", round3(median(ratios)));
    figures.put(key + "_ratio_min", round3(Collections.min(ratios)));
    figures.put(key + "_ratio_max", round3(Collections.max(ratios)));
    figures.put(key + "_peak_heap_mb", round1(peak / 1024.0 / 1024.0));
    if (fresh) {
      figures.put(key + "_client_build_ms", round1(median(buildMs)));
      details.put(key + "_client_build_ms", buildMs);
      details.put(key + "_gc_count", gcs);
      // The SDK process's CPU time during the call (all its threads: the call's, the JIT's, GC): steadier than
      // wall time on a busy machine.
      figures.put(key + "_sdk_call_cpu_ms", Math.round(median(callCpuMs)));
      details.put(key + "_sdk_call_cpu_ms", callCpuMs);
      // Milliseconds per sixteenth of the bytes, per pair: the first ones hold the warm-up.
      details.put(key + "_timeline_ms_per_sixteenth", timelines);
    }
    details.put(key + "_sdk_mb_s", sdk);
    details.put(key + "_curl_mb_s", raw);
    details.put(key + "_ratios", ratios);
  }

  /** Runs {@link FreshTransfer} in a new JVM; returns its answer's words ({@code ok callNanos bytes ...}). */
  private String[] fresh(String heap, String direction, String baseUrl, Path file, Path caPem) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(childJava, "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), FreshTransfer.class.getName(), direction, baseUrl,
        file.toString()));
    if (caPem != null) {
      cmd.add(caPem.toString());
    }
    String outText = runCmd(cmd, MAX_CHILD_SECONDS);
    for (String line : outText.split("\n")) {
      if (line.startsWith("ok ")) {
        return line.trim().split(" ");
      }
    }
    throw new IOException("the fresh SDK JVM answered: " + outText);
  }

  /** What the server can send when nothing is written to a file: shows nginx is not the bottleneck. */
  private void serverDownload(String key, String curl, String baseUrl, String[] curlTls) throws Exception {
    List<Double> toNull = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<String> cmd = new ArrayList<>(List.of(curl, "-sS", "--fail", "-u", "admin:admin"));
      cmd.addAll(List.of(curlTls));
      cmd.addAll(List.of("-o", "/dev/null", "-w", "%{time_total} %{size_download}", baseUrl + Nginx.ARCHIVE_PATH));
      String[] w = runCmd(cmd, MAX_CHILD_SECONDS).trim().split(" ");
      toNull.add(Long.parseLong(w[1]) / Double.parseDouble(w[0]) / MB);
    }
    figures.put(key, round1(median(toNull)));
  }

  /** The protocol and cipher each client negotiated with nginx (its access log of the HTTPS server). */
  private void recordTls(List<String> log) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String line : log) {
      String[] w = line.split(" ", 4);
      if (w.length == 4) {
        String who = w[3].startsWith("curl") ? "curl" : "sdk";
        seen.merge(who, w[0] + " " + w[1], (a, b) -> a.contains(b) ? a : a + ", " + b);
      }
    }
    settings.put("tls_sdk", seen.getOrDefault("sdk", "none"));
    settings.put("tls_curl", seen.getOrDefault("curl", "none"));
    settings.put("tls_server", "nginx, TLS 1.3 only (ssl_protocols TLSv1.3), P-256 certificate from a CA made at run"
        + " time; the SDK trusts it with TlsConfig.trustPem, curl with --cacert; uploads proxied to the sink"
        + " (proxy_request_buffering off)");
  }

  // ------------------------------------------------------------------ per-call overhead (JMH)

  /**
   * Each SDK/raw comparison is a pair of JMH forks run back to back, alternating which goes first, and the figure
   * is the median of the pairs' ratios (as for the transfers). On a shared 2-core VM the load drifts by 20-50 %
   * within a minute; running all the raw forks, then all the SDK ones, measured that drift instead of the
   * library.
   */
  private void overhead(Nginx nginx) throws Exception {
    int pairs = intArg("jmh-pairs", 9);
    int warmup = intArg("jmh-warmup", 4);
    int iterations = intArg("jmh-iterations", 5);
    int seconds = intArg("jmh-seconds", 1);
    int warmupSeconds = intArg("jmh-warmup-seconds", 2);
    settings.put("jmh", "JMH 1.37, mode avgt (us/op), 1 thread; per benchmark " + pairs + " pairs of forks (SDK and raw"
        + " back to back, alternating which goes first), each fork " + warmup + " x " + warmupSeconds
        + " s warm-up and " + iterations + " x " + seconds + " s measurement, -Xmx256m; figure = median of the pairs");
    for (String op : arg("jmh-ops", "get,list").split(",")) {
      op = Character.toUpperCase(op.charAt(0)) + op.substring(1).toLowerCase(Locale.ROOT);
      List<Double> sdk = new ArrayList<>();
      List<Double> raw = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int pair = 0; pair < pairs; pair++) {
        boolean sdkFirst = pair % 2 == 1;
        double first = jmhScore(nginx, (sdkFirst ? "sdk" : "raw") + op, warmup, warmupSeconds, iterations, seconds);
        double second = jmhScore(nginx, (sdkFirst ? "raw" : "sdk") + op, warmup, warmupSeconds, iterations, seconds);
        double s = sdkFirst ? first : second;
        double r = sdkFirst ? second : first;
        sdk.add(s);
        raw.add(r);
        ratios.add(s / r);
        System.err.printf(Locale.ROOT, "%s pair %d: sdk %.1f us, raw %.1f us, ratio %.3f%n",
            op.toLowerCase(Locale.ROOT),
            pair + 1, s, r, s / r);
      }
      String key = op.toLowerCase(Locale.ROOT);
      figures.put(key + "_sdk_us", round1(median(sdk)));
      figures.put(key + "_raw_us", round1(median(raw)));
      figures.put(key + "_overhead_ratio", round3(median(ratios)));
      details.put(key + "_sdk_us", sdk);
      details.put(key + "_raw_us", raw);
      details.put(key + "_ratios", ratios);
    }
    interleaved(nginx);
  }

  /** {@link InterleavedCpu} for get and list, in this JVM, against the same server. */
  private void interleaved(Nginx nginx) throws Exception {
    System.setProperty(OverheadBenchmark.URL_PROPERTY, nginx.baseUrl());
    OverheadBenchmark b = new OverheadBenchmark();
    b.setUp();
    try {
      int rounds = intArg("cpu-rounds", 20);
      if (enabled("overhead")) {
        figures.putAll(InterleavedCpu.measure("get", b::sdkGet, b::rawGet, 20_000, 5_000, rounds));
        figures.putAll(InterleavedCpu.measure("list", b::sdkList, b::rawList, 4_000, 300, rounds));
      }
      // Small calls on the buffered sockets the client keeps for archives, against its plain ones (its default):
      // the evidence for scoping them to archive transfers.
      if (enabled("overhead") || enabled("sockets")) {
        sockets(InterleavedCpu.measure("sockets_get", b::sdkGetBufferedSockets, b::sdkGet, 20_000, 5_000, rounds));
        sockets(InterleavedCpu.measure("sockets_list", b::sdkListBufferedSockets, b::sdkList, 4_000, 300, rounds));
      }
    } finally {
      b.tearDown();
    }
    settings.put("cpu", "thread CPU time (ThreadMXBean) per call in this JVM; get: 20000 warm-up calls of each, then "
        + "blocks of 5000 calls, list: 4000 warm-up calls, blocks of 300; SDK and raw blocks alternate over "
        + intArg("cpu-rounds", 20) + " rounds");
  }

  /** InterleavedCpu's sdk/raw sides renamed buffered/plain. */
  private void sockets(Map<String, Object> measured) {
    for (Map.Entry<String, Object> e : measured.entrySet()) {
      figures.put(e.getKey().replace("_cpu_sdk_us", "_cpu_buffered_us").replace("_cpu_raw_us", "_cpu_plain_us")
          .replace("_cpu_ratio", "_cpu_ratio_buffered_vs_plain")
          .replace("_wall_ratio_interleaved", "_wall_ratio_buffered_vs_plain"), e.getValue());
    }
  }

  /** Average time of one benchmark method in one fresh fork, in microseconds. */
  private double jmhScore(Nginx nginx, String method, int warmup, int warmupSeconds, int iterations, int seconds)
      throws Exception {
    ChainedOptionsBuilder builder = new OptionsBuilder()
        .include(OverheadBenchmark.class.getName() + "\\." + method + "$")
        .forks(1)
        .threads(1)
        .warmupIterations(warmup)
        .warmupTime(TimeValue.seconds(warmupSeconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds))
        .jvmArgs("-Xmx256m", "-Xms256m", "-D" + OverheadBenchmark.URL_PROPERTY + "=" + nginx.baseUrl(),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(true);
    String profiler = arg("jmh-prof", null);
    if (profiler != null) {
      int colon = profiler.indexOf(':');
      builder = colon < 0 ? builder.addProfiler(profiler)
          : builder.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
    }
    Collection<RunResult> results = new Runner(builder.build()).run();
    if (results.size() != 1) {
      throw new IllegalStateException("expected one JMH result for " + method + ", got " + results.size());
    }
    return results.iterator().next().getPrimaryResult().getScore();
  }

  // ------------------------------------------------------------------ restore wait

  private void restoreWait(int minutes) throws Exception {
    // nodelay: the testkit runs on the JDK HttpServer, which without it stalls ~40 ms per response (Nagle and
    // delayed ACKs), which only costs wall time; see the README.
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dsun.net.httpserver.nodelay=true",
        "-cp", System.getProperty("java.class.path"), RestoreWait.class.getName(), String.valueOf(minutes)));
    String output = runCmd(cmd, MAX_CHILD_SECONDS);
    settings.put("restore_wait", "testkit 7.0.4 profile, virtual clock, restoreDuration " + minutes
        + " min, client sleeper = manager::advance, poll options 2 s x1.5 up to 15 s (the orchestrator's"
        + " defaults); measured run after a 1-minute warm-up run in the same JVM");
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (line.startsWith("restore_wait_") && eq > 0) {
        figures.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The SDK transfer JVM: one command a line on stdin, one answer a line on stdout. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;

    private Child(Process process) {
      this.process = process;
      this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Child start(String java, String heap, String main, String baseUrl, Path caPem) throws IOException {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", System.getProperty("java.class.path"), main, baseUrl));
      if (caPem != null) {
        cmd.add(caPem.toString());
      }
      return new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Runs one transfer and returns its throughput in MB/s. */
    double transfer(String command) throws IOException {
      String[] a = ask(command).split(" ");
      if (!a[0].equals("ok")) {
        throw new IOException("SDK JVM: " + String.join(" ", a));
      }
      return Long.parseLong(a[2]) / (Long.parseLong(a[1]) / 1e9) / MB;
    }

    /** Ends the JVM and returns its peak heap in bytes. */
    long quit() throws IOException {
      String[] a = ask("quit").split(" ");
      return Long.parseLong(a[1]);
    }

    private String ask(String command) throws IOException {
      in.println(command);
      String line = out.readLine();
      if (line == null) {
        throw new IOException("the SDK JVM ended (out of memory?) while running: " + command);
      }
      return line;
    }

    @Override
    public void close() throws InterruptedException {
      if (!process.isAlive()) {
        return;
      }
      in.close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static String javaBin() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    return runCmd(List.of(cmd), MAX_CHILD_SECONDS).trim();
  }

  private static String runCmd(List<String> cmd, long maxSeconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(maxSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new IOException("exit " + p.exitValue() + ": " + cmd);
    }
    return new String(output, StandardCharsets.UTF_8);
  }

  /** The first line a command prints on stdout or stderr ({@code java -version} and {@code nginx -v} use stderr). */
  private static String firstLine(ProcessBuilder pb) {
    try {
      Process p = pb.redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return new String(out, StandardCharsets.UTF_8).split("\n")[0].trim();
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String defaultWorkBase(long sizeMib) throws IOException {
    Path shm = Paths.get("/dev/shm");
    long need = (sizeMib * 4 + 512) * 1024 * 1024;
    if (Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).getUsableSpace() > need) {
      return shm.toString();
    }
    return System.getProperty("java.io.tmpdir");
  }

  private static String loadAverage() {
    try {
      return "loadavg " + Files.readString(Paths.get("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String fsType(Path p) {
    try {
      FileStore store = Files.getFileStore(p);
      return store.type() + " (" + store.name() + ")";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Paths.get("/proc/cpuinfo"))) {
      cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    long memGb = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getTotalPhysicalMemorySize() / 1e9);
    return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + memGb + " GB RAM, "
        + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  /**
   * A real zip (the download checks the central directory by default, {@code DownloadOptions.verifyZip}): stored
   * (uncompressed) entries of 4 MiB of pseudo-random bytes, {@code size} bytes in all but the zip's own headers.
   */
  private static void writeArchive(Path file, long size) throws IOException {
    int blockSize = 4 * 1024 * 1024;
    byte[][] blocks = new byte[4][blockSize];
    long[] crcs = new long[blocks.length];
    Random random = new Random(8);
    for (int i = 0; i < blocks.length; i++) {
      random.nextBytes(blocks[i]);
      CRC32 crc = new CRC32();
      crc.update(blocks[i]);
      crcs[i] = crc.getValue();
    }
    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1024 * 1024))) {
      zip.setMethod(ZipOutputStream.STORED);
      long done = 0;
      for (int n = 0; done < size; n++) {
        int len = (int) Math.min(blockSize, size - done);
        byte[] block = blocks[n % blocks.length];
        ZipEntry e = new ZipEntry(String.format(Locale.ROOT, "snapshot/part-%05d.bin", n));
        e.setMethod(ZipEntry.STORED);
        e.setSize(len);
        e.setCompressedSize(len);
        if (len == blockSize) {
          e.setCrc(crcs[n % blocks.length]);
        } else {
          CRC32 crc = new CRC32();
          crc.update(block, 0, len);
          e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(block, 0, len);
        zip.closeEntry();
        done += len;
      }
    }
  }

  /** One snapshot, and a page of 1000, shaped like the manager's (and the testkit's) JSON. */
  private static void writeJson(Path getJson, Path listJson) throws IOException {
    ObjectMapper m = new ObjectMapper();
    Files.write(getJson, m.writeValueAsBytes(snapshotJson(m, Nginx.GET_ID, 0)));
    ObjectNode page = m.createObjectNode();
    ArrayNode items = page.putArray("items");
    for (int i = 0; i < 1000; i++) {
      items.add(snapshotJson(m, String.format(Locale.ROOT, "nightly-%04d", i), i));
    }
    ObjectNode pagination = page.putObject("metadata").putObject("pagination");
    pagination.put("total", 1000).put("size", 1000).put("offset", 0);
    page.with("metadata").putNull("filtered");
    Files.write(listJson, m.writeValueAsBytes(page));
  }

  private static ObjectNode snapshotJson(ObjectMapper m, String id, int i) {
    ObjectNode s = m.createObjectNode();
    s.put("id", id);
    s.put("created_at", Instant.parse("2026-01-01T00:00:00.123Z").plusSeconds(3600L * i).toString());
    s.put("status", i % 10 == 9 ? "failed" : "created");
    s.put("error", i % 10 == 9 ? "Snapshot creation failed: disk full" : "");
    s.put("visibility", "private");
    s.put("tenant_name", "default_tenant");
    s.put("created_by", "admin");
    s.put("resource_availability", "private");
    s.put("private_resource", true);
    return s;
  }

  private void writeResults(Path out) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("generated_at", Instant.now().toString());
    root.set("figures", m.valueToTree(figures));
    root.set("settings", m.valueToTree(settings));
    root.set("details", m.valueToTree(details));
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.write(out, (m.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    System.err.println("wrote " + out);
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static double round3(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
