package io.github.cloudify4j.spring.boot;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the client's secrets in {@code /actuator/configprops} and {@code /actuator/env} even when the
 * application shows values there ({@code management.endpoint.configprops.show-values=always}). Spring Boot masks
 * every value by default, but once values are shown it masks none by key: this function then masks every key that
 * ends in {@code password} or {@code token} ({@code cloudify.password}, {@code CLOUDIFY_PASSWORD},
 * {@code cloudify.token}, {@code cloudify.tls.trust-store-password}), the application's own included.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class CloudifySanitizingAutoConfiguration {
  /** Created by Spring. */
  public CloudifySanitizingAutoConfiguration() {}

  /**
   * The function.
   *
   * @return a function that masks password and token values
   */
  @Bean
  public SanitizingFunction cloudifySecretsSanitizingFunction() {
    return CloudifySanitizingAutoConfiguration::mask;
  }

  static SanitizableData mask(SanitizableData data) {
    String key = data.getKey() == null ? "" : data.getKey().toLowerCase(Locale.ROOT);
    if (key.endsWith("password") || key.endsWith("token")) {
      return data.withSanitizedValue();
    }
    return data;
  }
}
