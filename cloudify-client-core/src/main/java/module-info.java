/**
 * cloudify4j core: the client, its options, errors, models, waiters and the maintenance, executions and manager
 * resources.
 *
 * <p>The boundary: {@code io.github.cloudify4j.client.internal} is never exported; {@code ...client.spi} is
 * exported only to cloudify4j's snapshots module. Packages are opened only to the libraries that reflect on them
 * (Jackson binds the models and internal DTOs; Retrofit proxies the internal API interface).
 */
module io.github.cloudify4j.core {
  // In the API's signatures (ObjectMapper-free, but JsonNode, Jackson annotations on models, OkHttpClient).
  requires transitive com.fasterxml.jackson.databind;
  requires transitive okhttp3;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires okio;
  requires retrofit2;
  requires retrofit2.converter.jackson;
  requires org.slf4j;
  // Compile-time only: Immutables' annotations (retention SOURCE/CLASS).
  requires static org.immutables.value.annotations;
  // Optional: Micrometer Observation (CloudifyClient.Builder.observationRegistry). Only the types of
  // client.observation and internal.MicrometerRequestObserver use it, and they are loaded only with a registry.
  requires static micrometer.observation;
  requires static micrometer.commons;

  exports io.github.cloudify4j.client;
  exports io.github.cloudify4j.client.errors;
  exports io.github.cloudify4j.client.executions;
  exports io.github.cloudify4j.client.maintenance;
  exports io.github.cloudify4j.client.manager;
  exports io.github.cloudify4j.client.model;
  exports io.github.cloudify4j.client.observation;
  exports io.github.cloudify4j.client.poll;
  exports io.github.cloudify4j.client.spi to io.github.cloudify4j.snapshots;

  opens io.github.cloudify4j.client.model to com.fasterxml.jackson.databind;
  opens io.github.cloudify4j.client.internal to com.fasterxml.jackson.databind, retrofit2;
}
