package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates the client trusts.
 *
 * <p>Cloudify managers usually present a certificate signed by the cluster's own CA
 * ({@code /etc/cloudify/ssl/cloudify_internal_ca_cert.pem}); give that file to {@link #trustPem(Path)}.
 * Hostname verification stays on in every mode except {@link #trustAll()}, which exists for labs and logs a
 * warning each time a client is built with it.
 */
public final class TlsConfig {
  private static final TlsConfig SYSTEM = new TlsConfig(Mode.SYSTEM, null, null);
  private static final TlsConfig TRUST_ALL = new TlsConfig(Mode.TRUST_ALL, null, null);

  /** How trust is decided. */
  public enum Mode {
    /** The JVM's trusted certificates ({@link TlsConfig#system()}). */
    SYSTEM,
    /** Only the given certificates, a PEM file, a key store or one certificate. */
    CUSTOM,
    /** Every certificate and host name: encryption without authentication, for tests only. */
    TRUST_ALL
  }

  private final Mode mode;
  private final X509TrustManager trustManager;
  private final String description;

  private TlsConfig(Mode mode, X509TrustManager trustManager, String description) {
    this.mode = mode;
    this.trustManager = trustManager;
    this.description = description;
  }

  /** {@return the JVM's default trust store (the default)} */
  public static TlsConfig system() {
    return SYSTEM;
  }

  /**
   * The largest PEM file {@link #trustPem} reads: a CA bundle of a few hundred certificates (the system's own is
   * about 200 KiB) fits many times over; a bigger file is refused before it is read.
   */
  public static final long MAX_PEM_BYTES = 4L * 1024 * 1024;

  /**
   * Trusts the CA certificates in a PEM file (one or several), and only those.
   *
   * @param caPemFile a PEM file with one or more CA certificates
   * @return a configuration trusting those certificates only
   * @throws IllegalArgumentException if the file is missing, larger than {@link #MAX_PEM_BYTES}, or holds no
   *     certificate
   */
  public static TlsConfig trustPem(Path caPemFile) {
    requireNonNull(caPemFile, "caPemFile == null");
    if (!Files.isRegularFile(caPemFile)) {
      throw new IllegalArgumentException("caPemFile is not a readable file: " + caPemFile);
    }
    long size;
    try {
      size = Files.size(caPemFile);
    } catch (IOException e) {
      throw new IllegalArgumentException("caPemFile could not be read: " + caPemFile, e);
    }
    if (size > MAX_PEM_BYTES) {
      throw new IllegalArgumentException("caPemFile is " + size + " bytes, more than the " + MAX_PEM_BYTES
          + " a PEM bundle of CA certificates needs: " + caPemFile);
    }
    // Read at most the limit even if the file grows in between.
    try (InputStream in = new java.io.ByteArrayInputStream(readAtMost(caPemFile, MAX_PEM_BYTES))) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      Collection<? extends Certificate> certificates = factory.generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("caPemFile holds no certificate: " + caPemFile);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      return new TlsConfig(Mode.CUSTOM, trustManagerFor(store), "trustPem(" + caPemFile + ")");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("caPemFile could not be read as PEM certificates: " + caPemFile, e);
    }
  }

  private static byte[] readAtMost(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (out.size() > limit) {
          throw new IOException("the file grew past " + limit + " bytes while being read");
        }
      }
      return out.toByteArray();
    }
  }

  /**
   * Trusts the certificates of a loaded {@link KeyStore}.
   *
   * @param trustStore a loaded key store of trusted certificates
   * @return a configuration trusting that store only
   */
  public static TlsConfig trustStore(KeyStore trustStore) {
    requireNonNull(trustStore, "trustStore == null");
    try {
      return new TlsConfig(Mode.CUSTOM, trustManagerFor(trustStore), "trustStore(" + trustStore.getType() + ")");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("trustStore cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * Trusts a given X.509 certificate (typically a self-signed CA held in memory).
   *
   * @param certificate the certificate to trust
   * @return a configuration trusting that certificate only
   */
  public static TlsConfig trustCertificate(X509Certificate certificate) {
    requireNonNull(certificate, "certificate == null");
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("ca", certificate);
      return new TlsConfig(Mode.CUSTOM, trustManagerFor(store), "trustCertificate(" + certificate.getSubjectX500Principal() + ")");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("certificate cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * Trusts every certificate and every hostname. Insecure: anyone on the network path can read the credentials.
   * Matches {@code CLOUDIFY_SSL_TRUST_ALL} of the {@code cfy} CLI.
   *
   * @return a configuration that checks nothing
   */
  public static TlsConfig trustAll() {
    return TRUST_ALL;
  }

  /** {@return how the server's certificate is checked: the system's trust, a given trust, or not at all} */
  public Mode mode() {
    return mode;
  }

  /** {@return the trust manager of a {@link Mode#CUSTOM} configuration, or null} */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  private static X509TrustManager trustManagerFor(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager) {
        return (X509TrustManager) manager;
      }
    }
    throw new GeneralSecurityException("no X509TrustManager available");
  }

  @Override
  public String toString() {
    switch (mode) {
      case SYSTEM:
        return "TlsConfig.system()";
      case TRUST_ALL:
        return "TlsConfig.trustAll()";
      default:
        return "TlsConfig." + description;
    }
  }
}
