package io.github.cloudify4j.client;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.testing.LogCapture;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.TestClients;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manager with a certificate from its own CA, as Cloudify installs it. */
class TlsTest {
  private static HeldCertificate ca;
  private static HeldCertificate localhostCert;
  private static HeldCertificate otherHostCert;

  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();

  @TempDir
  Path dir;

  @BeforeAll
  static void certificates() {
    ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("cloudify_internal_ca").build();
    localhostCert = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
        .addSubjectAlternativeName("localhost").build();
    otherHostCert = new HeldCertificate.Builder().signedBy(ca).commonName("manager.example.com")
        .addSubjectAlternativeName("manager.example.com").build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private URI serveHttps(HeldCertificate cert) throws Exception {
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert).build();
    server.useHttps(serverCerts.sslSocketFactory(), false);
    server.start();
    return URI.create("https://localhost:" + server.getPort());
  }

  private CloudifyClient.Builder builder(URI url) {
    return TestClients.builder(time, server).manager(url).retryPolicy(RetryPolicy.none());
  }

  private Path caPem() throws Exception {
    Path pem = dir.resolve("cloudify_internal_ca_cert.pem");
    Files.writeString(pem, ca.certificatePem());
    return pem;
  }

  @Test
  void untrustedCaFailsWithATypedErrorNamingTheNode() throws Exception {
    URI url = serveHttps(localhostCert);
    try (CloudifyClient client = builder(url).build()) {
      assertThatThrownBy(() -> client.maintenance().status())
          .isInstanceOfSatisfying(CloudifyTransportException.class, e -> {
            assertThat(e.failures()).containsOnlyKeys(url.toString());
            assertThat(e.getMessage()).contains(url.toString()).containsIgnoringCase("SSL");
          });
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void trustPemFile() throws Exception {
    URI url = serveHttps(localhostCert);
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    try (CloudifyClient client = builder(url).tls(TlsConfig.trustPem(caPem())).build()) {
      assertThat(client.maintenance().status().isDeactivated()).isTrue();
    }
    assertThat(server.takeRequest().getRequestUrl().isHttps()).isTrue();
  }

  @Test
  void trustCertificate() throws Exception {
    URI url = serveHttps(localhostCert);
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    try (CloudifyClient client = builder(url).tls(TlsConfig.trustCertificate(ca.certificate())).build()) {
      assertThat(client.maintenance().status().isDeactivated()).isTrue();
    }
  }

  @Test
  void hostnameIsVerified() throws Exception {
    URI url = serveHttps(otherHostCert);
    try (CloudifyClient client = builder(url).tls(TlsConfig.trustCertificate(ca.certificate())).build()) {
      assertThatThrownBy(() -> client.maintenance().status())
          .isInstanceOfSatisfying(CloudifyTransportException.class,
              e -> assertThat(e.failures()).containsOnlyKeys(url.toString()));
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void trustAllPassesAndWarns() throws Exception {
    URI url = serveHttps(otherHostCert);
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    try (LogCapture logs = LogCapture.start();
        CloudifyClient client = builder(url).tls(TlsConfig.trustAll()).build()) {
      assertThat(client.maintenance().status().isDeactivated()).isTrue();
      assertThat(logs.text()).contains("WARN").contains("trustAll");
    }
  }

  @Test
  void fromEnvTrustsLocalRestCertFile() throws Exception {
    URI url = serveHttps(localhostCert);
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    Map<String, String> env = Map.of("CLOUDIFY_MANAGER_URL", url.toString(), "CLOUDIFY_USERNAME", "admin",
        "CLOUDIFY_PASSWORD", "pw", "LOCAL_REST_CERT_FILE", caPem().toString());
    try (CloudifyClient client = CloudifyClient.builder().fromEnv(env).retryPolicy(RetryPolicy.none()).build()) {
      assertThat(client.maintenance().status().isDeactivated()).isTrue();
    }
  }

  @Test
  void fromEnvTrustAll() throws Exception {
    URI url = serveHttps(otherHostCert);
    server.enqueue(json(Samples.json("maintenance_deactivated")));
    Map<String, String> env = Map.of("CLOUDIFY_MANAGER_URL", url.toString(), "CLOUDIFY_SSL_TRUST_ALL", "true",
        "LOCAL_REST_CERT_FILE", caPem().toString());
    try (CloudifyClient client = CloudifyClient.builder().fromEnv(env).retryPolicy(RetryPolicy.none()).build()) {
      assertThat(client.maintenance().status().isDeactivated()).isTrue();
    }
  }

  @Test
  void badPemFilesAreRejected() throws Exception {
    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "not a certificate");
    assertThatThrownBy(() -> TlsConfig.trustPem(empty)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caPemFile");
    assertThatThrownBy(() -> TlsConfig.trustPem(dir.resolve("missing.pem")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caPemFile");
    assertThat(List.of(TlsConfig.system().toString(), TlsConfig.trustAll().toString()))
        .containsExactly("TlsConfig.system()", "TlsConfig.trustAll()");
  }
}
