package io.github.cloudify4j.spring.boot;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.Timeouts;
import io.github.cloudify4j.client.TlsConfig;
import io.github.cloudify4j.snapshots.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A {@link CloudifyClient} bean from the {@code cloudify.*} properties ({@link CloudifyProperties}), closed with the
 * application context, and a {@link Snapshots} bean on it. A bean of either type that the application defines
 * itself wins: the starter then makes none.
 *
 * <p>Where a property is not set, the {@code cfy} CLI's environment variables are used: {@code CLOUDIFY_USERNAME},
 * {@code CLOUDIFY_PASSWORD}, {@code CLOUDIFY_TOKEN} and {@code CLOUDIFY_TENANT} bind to the properties by Spring
 * Boot's relaxed binding; {@code CLOUDIFY_MANAGER_URL} (comma-separated), {@code CLOUDIFY_SSL_TRUST_ALL} and
 * {@code LOCAL_REST_CERT_FILE} are read here. When the application has a Micrometer {@code ObservationRegistry}
 * bean (Actuator makes one), the client observes every request with it. A bad value (a URL with a password in it, a tenant with a line
 * break, a missing CA file) fails the application's start with the client's message, before anything is sent.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(CloudifyClient.class)
@EnableConfigurationProperties(CloudifyProperties.class)
public class CloudifyAutoConfiguration {
  /** Created by Spring. */
  public CloudifyAutoConfiguration() {}

  /**
   * The client, built from the properties and then every {@link CloudifyClientCustomizer}.
   *
   * @param properties the {@code cloudify.*} properties
   * @param environment where the {@code cfy} CLI's variables are read from
   * @param customizers the application's customizers, in order
   * @return the client; Spring closes it with the context
   * @throws IllegalStateException when no manager URL is configured
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public CloudifyClient cloudifyClient(CloudifyProperties properties, Environment environment,
      ObjectProvider<CloudifyClientCustomizer> customizers) {
    CloudifyClient.Builder builder = builder(properties, environment);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * Snapshots of the client's manager.
   *
   * @param client the client
   * @return the snapshots resource
   */
  @Bean
  @ConditionalOnMissingBean
  public Snapshots cloudifySnapshots(CloudifyClient client) {
    return Snapshots.of(client);
  }

  /**
   * Wires the application's Micrometer {@code ObservationRegistry} (Spring Boot makes one when Actuator is present)
   * into the client, so that every request is an observation ({@code cloudify.client.requests}). Loaded only when
   * Micrometer's Observation API is on the class path; without a registry bean it does nothing.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
  static class ObservationConfiguration {
    @Bean
    CloudifyClientCustomizer cloudifyObservationCustomizer(ObjectProvider<ObservationRegistry> registry) {
      return builder -> registry.ifAvailable(builder::observationRegistry);
    }
  }

  /** The builder with the properties applied; package-private for tests. */
  static CloudifyClient.Builder builder(CloudifyProperties p, Environment env) {
    CloudifyClient.Builder b = CloudifyClient.builder();
    b.managers(managers(p, env));

    if (hasText(p.getToken())) {
      b.credentials(Credentials.token(p.getToken()));
    } else if (hasText(p.getUsername())) {
      if (p.getPassword() == null) {
        throw new IllegalStateException("cloudify.password (or CLOUDIFY_PASSWORD) is not set while "
            + "cloudify.username is");
      }
      b.credentials(Credentials.basic(p.getUsername(), p.getPassword()));
    } else if (hasText(p.getPassword())) {
      throw new IllegalStateException("cloudify.username (or CLOUDIFY_USERNAME) is not set while "
          + "cloudify.password is");
    }
    if (hasText(p.getTenant())) {
      b.tenant(p.getTenant());
    }
    if (hasText(p.getUserAgent())) {
      b.userAgent(p.getUserAgent());
    }
    b.tls(tls(p.getTls(), env));

    CloudifyProperties.Timeouts t = p.getTimeouts();
    Timeouts.Builder timeouts = Timeouts.defaults().toBuilder();
    if (t.getConnect() != null) {
      timeouts.connect(t.getConnect());
    }
    if (t.getRead() != null) {
      timeouts.read(t.getRead());
    }
    if (t.getWrite() != null) {
      timeouts.write(t.getWrite());
    }
    if (t.getCall() != null) {
      timeouts.call(t.getCall());
    }
    b.timeouts(timeouts.build());

    CloudifyProperties.Retry r = p.getRetry();
    if (!r.isEnabled()) {
      b.retryPolicy(RetryPolicy.none());
    } else {
      RetryPolicy.Builder retry = RetryPolicy.defaults().toBuilder();
      if (r.getMaxAttempts() != null) {
        retry.maxAttempts(r.getMaxAttempts());
      }
      if (r.getInitialBackoff() != null) {
        retry.initialBackoff(r.getInitialBackoff());
      }
      if (r.getMaxBackoff() != null) {
        retry.maxBackoff(r.getMaxBackoff());
      }
      if (r.getMaxElapsed() != null) {
        retry.maxElapsed(r.getMaxElapsed());
      }
      b.retryPolicy(retry.build());
    }
    return b;
  }

  private static List<URI> managers(CloudifyProperties p, Environment env) {
    List<URI> urls = p.getManager().getUrls();
    if (!urls.isEmpty()) {
      return urls;
    }
    String fromEnv = env.getProperty("CLOUDIFY_MANAGER_URL");
    List<URI> list = new ArrayList<>();
    if (fromEnv != null) {
      for (String u : fromEnv.split(",")) {
        if (!u.isBlank()) {
          try {
            list.add(new URI(u.trim()));
          } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("CLOUDIFY_MANAGER_URL is not a URL: " + e.getReason(), e);
          }
        }
      }
    }
    if (list.isEmpty()) {
      throw new IllegalStateException(
          "no Cloudify manager: set cloudify.manager.urls (or the CLOUDIFY_MANAGER_URL environment variable)");
    }
    return list;
  }

  private static TlsConfig tls(CloudifyProperties.Tls tls, Environment env) {
    int set = (tls.getCaPath() != null ? 1 : 0) + (tls.getTrustStore() != null ? 1 : 0) + (tls.isTrustAll() ? 1 : 0);
    if (set > 1) {
      throw new IllegalStateException(
          "set at most one of cloudify.tls.ca-path, cloudify.tls.trust-store and cloudify.tls.trust-all");
    }
    if (tls.getCaPath() != null) {
      return TlsConfig.trustPem(tls.getCaPath());
    }
    if (tls.getTrustStore() != null) {
      return TlsConfig.trustStore(loadTrustStore(tls));
    }
    if (tls.isTrustAll()) {
      return TlsConfig.trustAll();
    }
    String trustAll = env.getProperty("CLOUDIFY_SSL_TRUST_ALL");
    if (trustAll != null && isTrue(trustAll)) {
      return TlsConfig.trustAll();
    }
    String cert = env.getProperty("LOCAL_REST_CERT_FILE");
    if (hasText(cert)) {
      return TlsConfig.trustPem(Paths.get(cert));
    }
    return TlsConfig.system();
  }

  private static KeyStore loadTrustStore(CloudifyProperties.Tls tls) {
    Path file = tls.getTrustStore();
    String password = tls.getTrustStorePassword();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance(tls.getTrustStoreType());
      ks.load(in, password == null ? null : password.toCharArray());
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      // The exception's own text names the file and the reason, never the password.
      throw new IllegalStateException("cloudify.tls.trust-store " + file + " cannot be read as "
          + tls.getTrustStoreType() + ": " + e.getMessage(), e);
    }
  }

  private static boolean isTrue(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("on");
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
