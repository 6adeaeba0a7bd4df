package io.github.cloudify4j.spring.boot;

import io.github.cloudify4j.client.CloudifyClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@link CloudifyHealthIndicator} ({@code /actuator/health/cloudify}), only when Spring Boot's health support
 * (Actuator) is on the class path and a {@link CloudifyClient} bean exists. {@code
 * management.health.cloudify.enabled=false} turns it off; an application bean named {@code cloudifyHealthIndicator}
 * replaces it.
 */
@AutoConfiguration(after = CloudifyAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, CloudifyClient.class})
@ConditionalOnBean(CloudifyClient.class)
@ConditionalOnEnabledHealthIndicator("cloudify")
public class CloudifyHealthAutoConfiguration {
  /** Created by Spring. */
  public CloudifyHealthAutoConfiguration() {}

  /**
   * The indicator.
   *
   * @param client the client
   * @param properties for {@code cloudify.health.timeout}
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "cloudifyHealthIndicator")
  public CloudifyHealthIndicator cloudifyHealthIndicator(CloudifyClient client, CloudifyProperties properties) {
    return new CloudifyHealthIndicator(client, properties.getHealth().getTimeout());
  }
}
