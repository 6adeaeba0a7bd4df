package io.github.cloudify4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.UnauthorizedException;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.FakeCloudifyManagerExtension;
import io.github.cloudify4j.testkit.RecordedRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class CloudifyAutoConfigurationTest {
  @RegisterExtension
  static final FakeCloudifyManagerExtension FAKE = FakeCloudifyManagerExtension.builder().build();

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CloudifyAutoConfiguration.class));

  String[] properties(FakeCloudifyManager m) {
    return new String[] {
        "cloudify.manager.urls=" + m.baseUrl(),
        "cloudify.username=" + m.adminUsername(),
        "cloudify.password=" + m.adminPassword(),
        "cloudify.tenant=" + m.defaultTenant(),
        "cloudify.user-agent=my-app/1.0",
        "cloudify.timeouts.connect=2s",
        "cloudify.retry.max-attempts=2",
    };
  }

  @Test
  void propertiesBindAndTheClientTalksToTheManager(FakeCloudifyManager m) {
    runner.withPropertyValues(properties(m)).run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(CloudifyClient.class).hasSingleBean(Snapshots.class);
      CloudifyClient client = ctx.getBean(CloudifyClient.class);
      assertThat(client.managers()).containsExactly(URI.create(m.baseUrl()));
      assertThat(client.tenant()).isEqualTo(m.defaultTenant());
      assertThat(client.credentials().username()).contains(m.adminUsername());

      assertThat(client.manager().status().isHealthy()).isTrue();
      RecordedRequest r = m.journal().last();
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.apiPath()).isEqualTo("/status");
      assertThat(r.header("Tenant")).isEqualTo(m.defaultTenant());
      assertThat(r.header("User-Agent")).isEqualTo("my-app/1.0");
      assertThat(r.header("Authorization")).startsWith("Basic ");

      CloudifyProperties p = ctx.getBean(CloudifyProperties.class);
      assertThat(p.getTimeouts().getConnect()).hasSeconds(2);
      assertThat(p.getRetry().getMaxAttempts()).isEqualTo(2);
    });
  }

  @Test
  void theCfyCliEnvironmentIsUsedWhenNoPropertyIsSet(FakeCloudifyManager m) {
    Map<String, Object> env = Map.of(
        "CLOUDIFY_MANAGER_URL", m.baseUrl(),
        "CLOUDIFY_USERNAME", m.adminUsername(),
        "CLOUDIFY_PASSWORD", m.adminPassword(),
        "CLOUDIFY_TENANT", m.defaultTenant());
    runner.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addLast(
            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          CloudifyClient client = ctx.getBean(CloudifyClient.class);
          assertThat(client.managers()).containsExactly(URI.create(m.baseUrl()));
          assertThat(client.credentials().username()).contains(m.adminUsername());
          assertThat(client.maintenance().status().isDeactivated()).isTrue();
        });
  }

  @Test
  void wrongPasswordReachesTheManagerAndIsRefused(FakeCloudifyManager m) {
    runner.withPropertyValues("cloudify.manager.urls=" + m.baseUrl(), "cloudify.username=" + m.adminUsername(),
        "cloudify.password=wrong-Secret-42").run(ctx -> {
          CloudifyClient client = ctx.getBean(CloudifyClient.class);
          assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.maintenance().status()))
              .isInstanceOf(UnauthorizedException.class)
              .hasMessageNotContaining("wrong-Secret-42");
        });
  }

  @Test
  void theApplicationsObservationRegistryObservesEveryRequest(FakeCloudifyManager m) {
    java.util.List<String> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.micrometer.observation.ObservationRegistry registry = io.micrometer.observation.ObservationRegistry.create();
    registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
      @Override
      public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(io.micrometer.observation.Observation.Context context) {
        stopped.add(context.getName() + " " + context.getLowCardinalityKeyValues());
      }
    });
    runner.withPropertyValues(properties(m))
        .withBean(io.micrometer.observation.ObservationRegistry.class, () -> registry)
        .run(ctx -> {
          ctx.getBean(CloudifyClient.class).manager().status();
          assertThat(stopped).hasSize(1);
          assertThat(stopped.get(0)).startsWith("cloudify.client.requests").contains("/status");
        });
    // Without a registry bean the client works and nothing is observed.
    stopped.clear();
    runner.withPropertyValues(properties(m)).run(ctx -> {
      assertThat(ctx.getBean(CloudifyClient.class).manager().status().isHealthy()).isTrue();
      assertThat(stopped).isEmpty();
    });
  }

  @Test
  void theApplicationsOwnClientWins(FakeCloudifyManager m) {
    runner.withPropertyValues(properties(m)).withUserConfiguration(OwnClient.class).run(ctx -> {
      assertThat(ctx).hasSingleBean(CloudifyClient.class);
      assertThat(ctx.getBean(CloudifyClient.class)).isSameAs(OwnClient.client);
      assertThat(ctx).hasBean("ownClient").doesNotHaveBean("cloudifyClient");
    });
  }

  @Test
  void customizersRunAfterTheProperties(FakeCloudifyManager m) {
    runner.withPropertyValues(properties(m))
        .withBean(CloudifyClientCustomizer.class, () -> b -> b.tenant("other_tenant"))
        .run(ctx -> assertThat(ctx.getBean(CloudifyClient.class).tenant()).isEqualTo("other_tenant"));
  }

  @Test
  void noManagerUrlFailsTheStartWithAClearMessage() {
    runner.run(ctx -> assertThat(ctx).hasFailed().getFailure()
        .rootCause().hasMessageContaining("cloudify.manager.urls").hasMessageContaining("CLOUDIFY_MANAGER_URL"));
  }

  @Test
  void aUrlWithAPasswordInItFailsTheStartWithoutShowingIt() {
    runner.withPropertyValues("cloudify.manager.urls=https://admin:Hunter2x@manager.example.com")
        .run(ctx -> {
          assertThat(ctx).hasFailed();
          assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class);
          assertThat(stackText(ctx.getStartupFailure())).doesNotContain("Hunter2x");
        });
  }

  @Test
  void aPasswordWithoutAUserNameFailsTheStart(FakeCloudifyManager m) {
    runner.withPropertyValues("cloudify.manager.urls=" + m.baseUrl(), "cloudify.password=p")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .hasMessageContaining("cloudify.username"));
  }

  @Test
  void twoTrustSettingsFailTheStart(FakeCloudifyManager m) {
    runner.withPropertyValues("cloudify.manager.urls=" + m.baseUrl(), "cloudify.tls.trust-all=true",
            "cloudify.tls.ca-path=/nonexistent/ca.pem")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
            .hasMessageContaining("at most one of cloudify.tls.ca-path"));
  }

  @Test
  void theClientIsClosedWithTheContext(FakeCloudifyManager m) {
    runner.withPropertyValues(properties(m)).run(ctx -> assertThat(
        ((org.springframework.beans.factory.support.AbstractBeanDefinition)
            ctx.getBeanFactory().getBeanDefinition("cloudifyClient")).getDestroyMethodNames()).containsExactly("close"));
  }

  @Test
  void propertiesToStringHidesSecrets() {
    CloudifyProperties p = new CloudifyProperties();
    p.getManager().setUrls(List.of(URI.create("https://m.example.com")));
    p.setUsername("admin");
    p.setPassword("Pa55-word-xyz");
    p.setToken("tok-abcdef-123");
    p.getTls().setTrustStorePassword("store-pw-987");
    assertThat(p.toString()).contains("admin", "https://m.example.com", "[redacted]")
        .doesNotContain("Pa55-word-xyz", "tok-abcdef-123", "store-pw-987");
  }

  static String stackText(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    static final CloudifyClient client = CloudifyClient.builder().manager("https://own.example.com").build();

    @Bean
    CloudifyClient ownClient() {
      return client;
    }
  }
}
