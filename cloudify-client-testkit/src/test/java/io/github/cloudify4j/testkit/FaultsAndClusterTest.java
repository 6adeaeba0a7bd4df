package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultsAndClusterTest {

  static HttpURLConnection open(FakeCloudifyManager m, String method, String path) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL(m.apiUrl() + path).openConnection();
    c.setRequestMethod(method);
    c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    c.setRequestProperty("Tenant", "default_tenant");
    c.setConnectTimeout(2000);
    c.setReadTimeout(5000);
    return c;
  }

  @Test
  void downloadCutAfterNBytes() throws Exception {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().build().start()) {
      byte[] data = new byte[200_000];
      new Random(1).nextBytes(data);
      assertThat(new Http(m.baseUrl()).putBytes("/snapshots/s/archive", data).status).isEqualTo(201);
      m.faults().on("GET", "/snapshots/s/archive").dropResponseAfterBytes(1000);
      HttpURLConnection c = open(m, "GET", "/snapshots/s/archive");
      assertThat(c.getResponseCode()).isEqualTo(200);
      assertThat(c.getContentLengthLong()).isEqualTo(200_000);
      long read = 0;
      try (InputStream in = c.getInputStream()) {
        byte[] buf = new byte[8192];
        int r;
        while ((r = in.read(buf)) > 0) {
          read += r;
        }
      } catch (java.io.IOException expected) {
        // premature EOF
      }
      assertThat(read).isEqualTo(1000);
      // fires once: the next download is complete and has the right headers
      Http.Res full = new Http(m.baseUrl()).get("/snapshots/s/archive");
      assertThat(full.body).isEqualTo(data);
      assertThat(full.header("content-disposition")).isEqualTo("attachment; filename=\"s.zip\"");
      assertThat(full.header("content-type")).isEqualTo("application/octet-stream");
      assertThat(full.header("content-length")).isEqualTo("200000");
      assertThat(m.journal().matching("GET", "/snapshots/s/archive").get(0).status()).isEqualTo(-1);
      // range
      Http.Res part = new Http(m.baseUrl()).header("Range", "bytes=100-199").get("/snapshots/s/archive");
      assertThat(part.status).isEqualTo(206);
      assertThat(part.body).hasSize(100);
    }
  }

  @Test
  void uploadCutAndStoreThenDrop() throws Exception {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V6_4).build().start()) {
      m.faults().on("PUT", "/snapshots/").dropRequestAfterBytes(64 * 1024);
      byte[] data = new byte[1_000_000];
      assertThatThrownBy(() -> new Http(m.baseUrl()).putBytes("/snapshots/u1/archive", data))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(m.snapshot("u1")).isEmpty();
      assertThat(m.journal().last().bodySize()).isEqualTo(64 * 1024);

      m.faults().on("PUT", "/snapshots/u2/archive").processThenDropConnection();
      assertThatThrownBy(() -> new Http(m.baseUrl()).putBytes("/snapshots/u2/archive", data))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(m.snapshotStatus("u2")).isEqualTo("uploaded");
      // retry on 6.4 -> 409; 7.0.4 would overwrite (see below)
      Http.Res retry = new Http(m.baseUrl()).putBytes("/snapshots/u2/archive", data);
      assertThat(retry.status).isEqualTo(409);
    }
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4).build().start()) {
      Http h = new Http(m.baseUrl());
      assertThat(h.putBytes("/snapshots/0/archive", new byte[] {1}).json().path("status").asText()).isEqualTo("uploaded");
      Http.Res again = h.putBytes("/snapshots/0/archive", new byte[] {2, 3});
      assertThat(again.status).isEqualTo(201);
      assertThat(again.json().path("id").isNull()).isTrue();
      assertThat(again.json().size()).isEqualTo(9);
      assertThat(java.nio.file.Files.readAllBytes(m.archivePath("0"))).containsExactly(2, 3);
    }
  }

  @Test
  void uploadByUrl() {
    try (FakeCloudifyManager src = FakeCloudifyManager.builder().build().start();
       FakeCloudifyManager dst = FakeCloudifyManager.builder().build().start()) {
      src.seed().snapshot("s", "created");
      // the fake fetches http(s) URLs itself; here a URL of another fake (basic auth embedded is not used,
      // so serve the file through a fault-free unauthenticated path is not possible) -> expect 400 on 401
      Http h = new Http(dst.baseUrl());
      Http.Res bad = h.put("/snapshots/x/archive?snapshot_archive_url=file:///etc/passwd", "");
      assertThat(bad.status).isEqualTo(400);
      Http.Res fail = h.send(h.req("/snapshots/x/archive?snapshot_archive_url=" + src.apiUrl() + "/snapshots/s/archive")
          .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
      assertThat(fail.status).isEqualTo(400);
      assertThat(fail.json().path("message").asText()).startsWith("Cannot fetch");
      Http.Res both = h.putBytes("/snapshots/x/archive?snapshot_archive_url=http://127.0.0.1/x.zip", new byte[] {1});
      assertThat(both.json().path("message").asText()).startsWith("Can pass snapshot as only one of");
    }
  }

  @Test
  void errorBurstAndDelayAndHang() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().build().start()) {
      Http h = new Http(m.baseUrl());
      m.faults().on(null, "/").times(3).respondWithStatus(502);
      for (int i = 0; i < 3; i++) {
        Http.Res r = h.get("/status");
        assertThat(r.status).isEqualTo(502);
        assertThat(r.text()).contains("<center>nginx</center>");
      }
      assertThat(h.get("/status").status).isEqualTo(200);
      m.faults().on("GET", "/status").times(2).respondWithJsonError(503);
      assertThat(h.get("/status").json().path("error_code").asText()).isEqualTo("maintenance_mode_active");
      assertThat(h.get("/status").status).isEqualTo(503);
      assertThat(h.get("/status").status).isEqualTo(200);

      m.faults().on("GET", "/version").hang();
      assertThatThrownBy(() -> h.timeout(Duration.ofMillis(200)).get("/version"))
          .hasCauseInstanceOf(HttpTimeoutException.class);
      m.faults().clearAll();

      m.faults().on("GET", "/status").delay(Duration.ofSeconds(30));
      assertThatThrownBy(() -> h.timeout(Duration.ofMillis(200)).get("/status"))
          .hasCauseInstanceOf(HttpTimeoutException.class);
      m.faults().on("GET", "/ok").delay(Duration.ofSeconds(5));
      java.util.concurrent.CompletableFuture<Http.Res> pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> h.get("/ok"));
      m.journal();
      // wait (without sleeping) until the request arrived, then advance the clock to release it
      assertThat(waitFor(() -> m.journal().count("GET", "/ok") == 1)).isTrue();
      m.advance(Duration.ofSeconds(5));
      assertThat(pending.join().status).isEqualTo(200);
    }
  }

  static boolean waitFor(java.util.function.BooleanSupplier s) {
    long end = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < end) {
      if (s.getAsBoolean()) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }

  @Test
  void nodeDownRefusesConnectionsAndComesBackOnSamePort() {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().build().start()) {
      Http h = new Http(m.baseUrl());
      int port = m.port();
      m.faults().nodeDown(NodeDownMode.REFUSE_CONNECTIONS);
      assertThatThrownBy(() -> h.get("/status")).isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(java.net.ConnectException.class);
      m.faults().nodeUp();
      assertThat(m.port()).isEqualTo(port);
      assertThat(h.get("/status").status).isEqualTo(200);
      m.faults().nodeDown(NodeDownMode.HANG);
      assertThatThrownBy(() -> h.timeout(Duration.ofMillis(200)).get("/status")).hasCauseInstanceOf(HttpTimeoutException.class);
      m.faults().nodeUp();
      assertThat(h.get("/status").status).isEqualTo(200);
    }
  }

  @Test
  void clusterSharesStateAndJournalsPerNode() {
    try (FakeCloudifyCluster c = FakeCloudifyCluster.builder().nodes(3).profile(ServerProfile.V7_0_4).build().start()) {
      assertThat(c.baseUrls()).hasSize(3).doesNotHaveDuplicates();
      Http n1 = new Http(c.baseUrl(0));
      Http n2 = new Http(c.baseUrl(1));
      assertThat(n1.put("/snapshots/s1", "{}").status).isEqualTo(201);
      assertThat(n2.get("/snapshots/s1").status).isEqualTo(200);
      var managers = n2.get("/managers").json();
      assertThat(managers.path("items")).hasSize(3);
      assertThat(managers.path("items").get(2).path("hostname").asText()).isEqualTo("cfy-manager-3");
      assertThat(n2.get("/cluster-status").json().path("services").path("manager").path("nodes").size()).isEqualTo(3);
      c.takeDown(0, NodeDownMode.REFUSE_CONNECTIONS);
      assertThatThrownBy(() -> n1.get("/status")).isInstanceOf(UncheckedIOException.class);
      assertThat(n2.get("/cluster-status").json().path("services").path("manager").path("nodes")
          .path("cfy-manager-1").path("status").asText()).isEqualTo("Fail");
      c.bringUp(0);
      assertThat(n1.get("/status").status).isEqualTo(200);
      assertThat(c.journal().onNode(1)).allMatch(r -> r.node() == 1).isNotEmpty();
      assertThat(c.journal().matching("PUT", "/snapshots/")).allMatch(r -> r.node() == 0);
      assertThat(c.journal().matching("PUT", "/snapshots/").get(0).bodyAsString()).isEqualTo("{}");
    }
  }

  @Test
  void streaming64MiBUploadAndDownloadWithChecksum() throws Exception {
    try (FakeCloudifyManager m = FakeCloudifyManager.builder().build().start()) {
      long size = 64L * 1024 * 1024;
      MessageDigest up = MessageDigest.getInstance("SHA-256");
      HttpURLConnection c = open(m, "PUT", "/snapshots/big/archive");
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(size);
      c.setRequestProperty("Content-Type", "application/octet-stream");
      byte[] chunk = new byte[1 << 20];
      Random rnd = new Random(7);
      try (OutputStream out = c.getOutputStream()) {
        for (long sent = 0; sent < size; sent += chunk.length) {
          rnd.nextBytes(chunk);
          up.update(chunk);
          out.write(chunk);
        }
      }
      assertThat(c.getResponseCode()).isEqualTo(201);
      assertThat(java.nio.file.Files.size(m.archivePath("big"))).isEqualTo(size);

      MessageDigest down = MessageDigest.getInstance("SHA-256");
      HttpURLConnection d = open(m, "GET", "/snapshots/big/archive");
      assertThat(d.getContentLengthLong()).isEqualTo(size);
      long total = 0;
      try (InputStream in = d.getInputStream()) {
        byte[] buf = new byte[256 * 1024];
        int r;
        while ((r = in.read(buf)) > 0) {
          down.update(buf, 0, r);
          total += r;
        }
      }
      assertThat(total).isEqualTo(size);
      assertThat(down.digest()).isEqualTo(up.digest());
      // chunked upload works too
      HttpURLConnection ch = open(m, "PUT", "/snapshots/chunked/archive");
      ch.setDoOutput(true);
      ch.setChunkedStreamingMode(8192);
      try (OutputStream out = ch.getOutputStream()) {
        out.write(new byte[100_000]);
      }
      assertThat(ch.getResponseCode()).isEqualTo(201);
      assertThat(java.nio.file.Files.size(m.archivePath("chunked"))).isEqualTo(100_000);
    }
  }
}
