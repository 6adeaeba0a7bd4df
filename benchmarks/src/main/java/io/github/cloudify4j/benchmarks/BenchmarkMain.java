package io.github.cloudify4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * --only LIST         comma-separated subset of download,upload,overhead,restore
 * --nginx PATH, --curl PATH
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

  private boolean enabled(String part) {
    String only = args.get("only");
    return only == null || List.of(only.split(",")).contains(part);
  }

  private void run() throws Exception {
    long start = System.nanoTime();
    long sizeMib = intArg("size-mib", 1024);
    int pairs = intArg("pairs", 11);
    String heap = arg("heap", "64m");
    String nginxBin = arg("nginx", "/usr/sbin/nginx");
    String curl = arg("curl", "/usr/bin/curl");
    Path out = Paths.get(arg("out", "benchmarks/results/latest.json"));
    Path base = Paths.get(arg("work-dir", defaultWorkBase(sizeMib)));
    Path work = Files.createTempDirectory(base, "cloudify4j-bench-");
    // nginx's worker (user nobody when started as root) must read the archive and the JSON files.
    work.toFile().setReadable(true, false);
    work.toFile().setExecutable(true, false);
    settings.put("machine", machine());
    settings.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    settings.put("nginx", firstLine(new ProcessBuilder(nginxBin, "-v")));
    settings.put("curl", firstLine(new ProcessBuilder(curl, "--version")));
    settings.put("work_dir", work.toString());
    settings.put("work_dir_fs", fsType(work));
    settings.put("archive_bytes", sizeMib * 1024 * 1024);
    settings.put("pairs", pairs);
    settings.put("sdk_transfer_jvm", "-Xmx" + heap + ", default GC, DownloadOptions.defaults()");
    settings.put("throughput_unit", "MB/s = 10^6 bytes per second");
    try {
      Path archive = work.resolve("bench.zip");
      writeArchive(archive, sizeMib * 1024 * 1024);
      Path getJson = work.resolve("get.json");
      Path listJson = work.resolve("list.json");
      writeJson(getJson, listJson);
      try (Nginx nginx = Nginx.start(nginxBin, work.resolve("nginx"), archive, getJson, listJson, 1200)) {
        if (enabled("download")) {
          download(nginx, curl, heap, pairs, work);
        }
        if (enabled("upload")) {
          try (UploadSink sink = UploadSink.start()) {
            upload(sink.baseUrl(), curl, heap, pairs, archive);
          }
        }
        if (enabled("overhead")) {
          overhead(nginx);
        }
      }
      if (enabled("restore")) {
        restoreWait(intArg("restore-minutes", 10));
      }
    } finally {
      deleteTree(work);
    }
    figures.put("total_run_s", Math.round((System.nanoTime() - start) / 1e9));
    for (Map.Entry<String, Object> e : figures.entrySet()) {
      System.out.println(e.getKey() + "=" + e.getValue());
    }
    writeResults(out);
  }

  // ------------------------------------------------------------------ download / upload

  private void download(Nginx nginx, String curl, String heap, int pairs, Path work) throws Exception {
    String url = nginx.baseUrl() + Nginx.ARCHIVE_PATH;
    List<Double> sdk = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    long peak;
    try (Child child = Child.start(heap, TransferChild.class.getName(), nginx.baseUrl())) {
      for (int i = -1; i < pairs; i++) {      // pair -1 warms up and is not counted
        double s = 0;
        double c = 0;
        for (int k = 0; k < 2; k++) {
          boolean sdkTurn = (k == 0) == (i % 2 == 0);
          Path target = work.resolve("download-" + (sdkTurn ? "sdk" : "curl") + ".zip");
          Files.deleteIfExists(target);
          if (sdkTurn) {
            s = child.transfer("download " + target);
          } else {
            String[] w = run(curl, "-sS", "--fail", "-u", "admin:admin", "-o", target.toString(),
                "-w", "%{time_total} %{size_download}", url).split(" ");
            c = Long.parseLong(w[1]) / Double.parseDouble(w[0]) / MB;
          }
          Files.deleteIfExists(target);
        }
        if (i >= 0) {
          sdk.add(s);
          raw.add(c);
          ratios.add(s / c);
        }
      }
      peak = child.quit();
    }
    // What the server can send when nothing is written to a file: shows nginx is not the bottleneck.
    List<Double> toNull = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String[] w = run(curl, "-sS", "--fail", "-u", "admin:admin", "-o", "/dev/null",
          "-w", "%{time_total} %{size_download}", url).split(" ");
      toNull.add(Long.parseLong(w[1]) / Double.parseDouble(w[0]) / MB);
    }
    figures.put("server_download_mb_s", round1(median(toNull)));
    figures.put("curl_download_mb_s", round1(median(raw)));
    figures.put("sdk_download_mb_s", round1(median(sdk)));
    figures.put("download_ratio_vs_curl", round3(median(ratios)));
    figures.put("download_peak_heap_mb", round1(peak / 1024.0 / 1024.0));
    details.put("download_sdk_mb_s", sdk);
    details.put("download_curl_mb_s", raw);
    details.put("download_ratios", ratios);
  }

  private void upload(String baseUrl, String curl, String heap, int pairs, Path archive) throws Exception {
    String url = baseUrl + Nginx.ARCHIVE_PATH;
    List<Double> sdk = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    long peak;
    try (Child child = Child.start(heap, TransferChild.class.getName(), baseUrl)) {
      for (int i = -1; i < pairs; i++) {
        double s = 0;
        double c = 0;
        for (int k = 0; k < 2; k++) {
          boolean sdkTurn = (k == 0) == (i % 2 == 0);
          if (sdkTurn) {
            s = child.transfer("upload " + archive);
          } else {
            // -H 'Expect:': no 100-continue round trip (OkHttp sends none either).
            String[] w = run(curl, "-sS", "--fail", "-u", "admin:admin", "-T", archive.toString(),
                "-H", "Expect:", "-H", "Content-Type: application/octet-stream", "-o", "/dev/null",
                "-w", "%{time_total} %{size_upload}", url).split(" ");
            c = Long.parseLong(w[1]) / Double.parseDouble(w[0]) / MB;
          }
        }
        if (i >= 0) {
          sdk.add(s);
          raw.add(c);
          ratios.add(s / c);
        }
      }
      peak = child.quit();
    }
    figures.put("curl_upload_mb_s", round1(median(raw)));
    figures.put("sdk_upload_mb_s", round1(median(sdk)));
    figures.put("upload_ratio_vs_curl", round3(median(ratios)));
    figures.put("upload_peak_heap_mb", round1(peak / 1024.0 / 1024.0));
    details.put("upload_sdk_mb_s", sdk);
    details.put("upload_curl_mb_s", raw);
    details.put("upload_ratios", ratios);
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
      figures.putAll(InterleavedCpu.measure("get", b::sdkGet, b::rawGet, 20_000, 5_000, rounds));
      figures.putAll(InterleavedCpu.measure("list", b::sdkList, b::rawList, 4_000, 300, rounds));
    } finally {
      b.tearDown();
    }
    settings.put("cpu", "thread CPU time (ThreadMXBean) per call in this JVM; get: 20000 warm-up calls of each, then "
        + "blocks of 5000 calls, list: 4000 warm-up calls, blocks of 300; SDK and raw blocks alternate over "
        + intArg("cpu-rounds", 20) + " rounds");
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

    static Child start(String heap, String main, String baseUrl) throws IOException {
      List<String> cmd = List.of(javaBin(), "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", System.getProperty("java.class.path"), main, baseUrl);
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

  private static String firstLine(ProcessBuilder pb) {
    try {
      String s = runCmd(pb.redirectErrorStream(true).command(), 10);
      return s.split("\n")[0].trim();
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

  /** Pseudo-random bytes (incompressible, not that it matters: nothing compresses here). */
  private static void writeArchive(Path file, long size) throws IOException {
    byte[] block = new byte[4 * 1024 * 1024];
    new Random(8).nextBytes(block);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long done = 0;
      while (done < size) {
        ByteBuffer b = ByteBuffer.wrap(block, 0, (int) Math.min(block.length, size - done));
        while (b.hasRemaining()) {
          done += ch.write(b);
        }
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
