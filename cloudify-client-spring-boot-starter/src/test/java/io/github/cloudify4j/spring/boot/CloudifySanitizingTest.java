package io.github.cloudify4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The client's secrets never show in /actuator/configprops, even when the application shows values. */
class CloudifySanitizingTest {
  static final String PASSWORD = "S3cret-Pass-77";
  static final String TOKEN = "tok-0123456789";
  static final String STORE_PASSWORD = "store-Pass-55";

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CloudifyAutoConfiguration.class,
          CloudifySanitizingAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class))
      .withPropertyValues(
          "management.endpoints.jmx.exposure.include=configprops",
          "management.endpoints.web.exposure.include=configprops",
          "cloudify.manager.urls=https://manager.example.com",
          "cloudify.username=admin",
          "cloudify.password=" + PASSWORD,
          "cloudify.token=" + TOKEN,
          "cloudify.tls.trust-store-password=" + STORE_PASSWORD,
          "cloudify.tenant=tenant_a");

  String configprops(org.springframework.context.ApplicationContext ctx) throws Exception {
    ConfigurationPropertiesReportEndpoint endpoint = ctx.getBean(ConfigurationPropertiesReportEndpoint.class);
    return new ObjectMapper().findAndRegisterModules().writeValueAsString(endpoint.configurationProperties());
  }

  @Test
  void maskedWhenValuesAreShown() {
    runner.withPropertyValues("management.endpoint.configprops.show-values=always").run(ctx -> {
      String json = configprops(ctx);
      // Values are shown (the tenant is there) but not the secrets.
      assertThat(json).contains("tenant_a").contains("\"password\":\"******\"").contains("\"token\":\"******\"")
          .doesNotContain(PASSWORD).doesNotContain(TOKEN).doesNotContain(STORE_PASSWORD);
    });
  }

  @Test
  void withoutTheFunctionShownValuesWouldLeak() {
    // Proves the test above can fail: Boot itself masks nothing by key once values are shown.
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CloudifyAutoConfiguration.class,
            ConfigurationPropertiesReportEndpointAutoConfiguration.class))
        .withPropertyValues("cloudify.manager.urls=https://manager.example.com", "cloudify.username=admin",
            "cloudify.password=" + PASSWORD, "management.endpoint.configprops.show-values=always",
            "management.endpoints.jmx.exposure.include=configprops",
            "management.endpoints.web.exposure.include=configprops")
        .run(ctx -> assertThat(configprops(ctx)).contains(PASSWORD));
  }

  @Test
  void maskedByDefault() {
    runner.run(ctx -> assertThat(configprops(ctx)).doesNotContain(PASSWORD).doesNotContain(TOKEN)
        .doesNotContain("tenant_a"));
  }
}
