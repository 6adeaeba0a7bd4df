package io.github.cloudify4j.spring.boot;

import io.github.cloudify4j.client.CloudifyClient;

/**
 * Changes the {@link CloudifyClient.Builder} after the starter applied the {@code cloudify.*} properties and before
 * it builds the client bean: for what properties cannot say (a proxy, an {@code OkHttpClient}, a clock and sleeper
 * in tests). Every customizer bean is applied, in {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface CloudifyClientCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(CloudifyClient.Builder builder);
}
