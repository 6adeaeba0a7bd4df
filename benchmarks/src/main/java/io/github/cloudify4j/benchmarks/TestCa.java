package io.github.cloudify4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and a server certificate for {@code 127.0.0.1} and {@code localhost}, made with {@code openssl}
 * in the run's temporary directory (deleted with it; no key is ever committed). P-256 keys: the handshake is a
 * millisecond against seconds of transfer, and the bulk cipher is what TLS 1.3 negotiates either way.
 */
final class TestCa {
  final Path caPem;
  final Path serverCert;
  final Path serverKey;

  private TestCa(Path caPem, Path serverCert, Path serverKey) {
    this.caPem = caPem;
    this.serverCert = serverCert;
    this.serverKey = serverKey;
  }

  static TestCa create(String openssl, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path caKey = dir.resolve("ca.key");
    Path caPem = dir.resolve("ca.pem");
    Path key = dir.resolve("server.key");
    Path csr = dir.resolve("server.csr");
    Path cert = dir.resolve("server.pem");
    Path ext = dir.resolve("server.ext");
    Files.write(ext, ("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
        + "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n").getBytes(StandardCharsets.US_ASCII));
    run(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", caKey.toString(), "-out", caPem.toString(), "-days", "2", "-subj", "/CN=cloudify4j bench CA");
    run(openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=127.0.0.1");
    run(openssl, "x509", "-req", "-in", csr.toString(), "-CA", caPem.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out", cert.toString());
    // nginx's worker may run as another user; the directory is deleted at the end of the run.
    key.toFile().setReadable(true, false);
    return new TestCa(caPem, cert, key);
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of(cmd));
    Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("failed: " + c + ": " + new String(out, StandardCharsets.UTF_8));
    }
  }
}
