package io.github.cloudify4j.benchmarks;

import io.github.cloudify4j.client.Sleeper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A loopback nginx (Debian's {@code nginx-light} is enough) playing the manager's file server:
 *
 * <ul>
 *   <li>{@code GET /api/v3.1/snapshots/bench/archive}: the archive, static, {@code sendfile}, with
 *       {@code Content-Length} (what the real manager's nginx does after {@code X-Accel-Redirect});</li>
 *   <li>{@code GET /api/v3.1/snapshots/bench-get} and {@code GET /api/v3.1/snapshots?...}: static JSON (one
 *       snapshot, a 1000-item page) for the per-call benchmarks.</li>
 * </ul>
 *
 * <p>Plain-HTTP uploads go to {@link UploadSink} directly: nginx can only take a body into a file (or discard it
 * 4 KiB at a time), which on this kind of machine is slower than the clients under test. With a {@link TestCa}, a
 * second server speaks TLS 1.3 only: it serves the same files, and streams a {@code PUT} of the archive to the
 * sink without buffering it (as the manager's nginx streams an upload to its REST service), so TLS uploads are
 * decrypted by nginx, as they are on a manager.
 *
 * <p>It runs in the foreground under {@code timeout(1)}, so it stops by itself even if this JVM dies.
 */
final class Nginx implements AutoCloseable {
  static final String ARCHIVE_PATH = "/api/v3.1/snapshots/bench/archive";
  static final String GET_ID = "bench-get";

  private final Process process;
  private final int port;
  private final int tlsPort;
  private final Path dir;

  private Nginx(Process process, int port, int tlsPort, Path dir) {
    this.process = process;
    this.port = port;
    this.tlsPort = tlsPort;
    this.dir = dir;
  }

  static Nginx start(String binary, Path dir, Path archive, Path getJson, Path listJson, TestCa tls, int sinkPort,
      long maxSeconds) throws IOException, InterruptedException {
    int port = freePort();
    int tlsPort = tls == null ? -1 : freePort();
    Path conf = dir.resolve("nginx.conf");
    // body/ and proxy/ are left to nginx: it creates them for its worker's user.
    Files.createDirectories(dir.resolve("logs"));
    List<String> lines = new ArrayList<>(List.of(
        "worker_processes 1;",
        "pid " + dir.resolve("nginx.pid") + ";",
        "error_log " + dir.resolve("logs/error.log") + " warn;",
        "events { worker_connections 256; }",
        "http {",
        "  access_log off;",
        "  log_format tls '$ssl_protocol $ssl_cipher $request_method $http_user_agent';",
        "  client_max_body_size 0;",
        "  sendfile on;",
        "  tcp_nopush on;",
        "  keepalive_timeout 120s;",
        "  keepalive_requests 10000000;",
        "  client_body_temp_path " + dir.resolve("body") + ";",
        "  proxy_temp_path " + dir.resolve("proxy") + ";",
        "  fastcgi_temp_path " + dir.resolve("proxy") + ";",
        "  uwsgi_temp_path " + dir.resolve("proxy") + ";",
        "  scgi_temp_path " + dir.resolve("proxy") + ";",
        "  types { }",
        "  default_type application/json;",
        "  upstream sink { server 127.0.0.1:" + sinkPort + "; keepalive 4; }",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    location = " + ARCHIVE_PATH + " {",
        "      default_type application/octet-stream;",
        "      add_header Content-Disposition 'attachment; filename=\"bench.zip\"';",
        "      alias " + archive + ";",
        "    }",
        "    location = /api/v3.1/snapshots/" + GET_ID + " { alias " + getJson + "; }",
        "    location = /api/v3.1/snapshots { alias " + listJson + "; }",
        "  }"));
    if (tls != null) {
      // TLS 1.3 only, as a current manager's nginx negotiates with a current client. GET of the archive is
      // served from the file; a PUT (the upload) is streamed to the UploadSink as it arrives (no request
      // buffering), which is how the manager's nginx hands an upload to its REST service.
      lines.addAll(List.of(
          "  server {",
          "    listen 127.0.0.1:" + tlsPort + " ssl;",
          "    ssl_protocols TLSv1.3;",
          "    ssl_certificate " + tls.serverCert + ";",
          "    ssl_certificate_key " + tls.serverKey + ";",
          "    access_log " + dir.resolve("logs/tls.log") + " tls;",
          "    location = " + ARCHIVE_PATH + " {",
          "      error_page 418 = @upload;",
          "      if ($request_method = PUT) { return 418; }",
          "      default_type application/octet-stream;",
          "      add_header Content-Disposition 'attachment; filename=\"bench.zip\"';",
          "      alias " + archive + ";",
          "    }",
          "    location @upload {",
          "      proxy_pass http://sink;",
          "      proxy_http_version 1.1;",
          "      proxy_set_header Connection \"\";",
          "      proxy_request_buffering off;",
          "      proxy_buffering off;",
          "      client_body_buffer_size 256k;",
          "    }",
          "    location = /api/v3.1/snapshots/" + GET_ID + " { alias " + getJson + "; }",
          "    location = /api/v3.1/snapshots { alias " + listJson + "; }",
          "  }"));
    }
    lines.add("}");
    lines.add("");
    String cfg = String.join("\n", lines);
    Files.write(conf, cfg.getBytes(StandardCharsets.UTF_8));
    ProcessBuilder pb = new ProcessBuilder(List.of("timeout", String.valueOf(maxSeconds), binary,
        "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("logs/stdout.log").toFile());
    Process p = pb.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < until) {
      if (!p.isAlive()) {
        throw new IOException("nginx exited with " + p.exitValue() + ": "
            + Files.readString(dir.resolve("logs/stdout.log")) + " " + readIfExists(dir.resolve("logs/error.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Nginx(p, port, tlsPort, dir);
      } catch (IOException notYet) {
        Sleeper.system().sleep(Duration.ofMillis(50));
      }
    }
    p.destroy();
    throw new IOException("nginx did not listen on " + port + " within 10 s");
  }

  private static String readIfExists(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The HTTPS server (TLS 1.3): the archive, the JSON, and uploads proxied to the sink. */
  String tlsBaseUrl() {
    if (tlsPort < 0) {
      throw new IllegalStateException("started without TLS");
    }
    return "https://127.0.0.1:" + tlsPort;
  }

  /** What each request on the HTTPS server negotiated: "protocol cipher method user-agent" a line. */
  List<String> tlsLog() throws IOException {
    Path log = dir.resolve("logs/tls.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() {
    // timeout(1) forwards TERM to nginx, which stops its worker.
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
