/**
 * Micrometer Observation support: what a client reports for each request when it is given an
 * {@code ObservationRegistry} ({@code CloudifyClient.Builder.observationRegistry}).
 *
 * <p>Micrometer is an optional dependency: the types here are only loaded when a registry is set, so a client
 * built without one never touches them, and an application without Micrometer on its class path is unaffected.
 * The names and keys follow Micrometer's conventions (an {@link
 * io.github.cloudify4j.client.observation.ClientRequestObservationConvention} with a replaceable default, names
 * with a {@code cloudify.} prefix, documented in {@link
 * io.github.cloudify4j.client.observation.ClientObservationDocumentation} and in {@code docs/observability.md}).
 */
package io.github.cloudify4j.client.observation;
