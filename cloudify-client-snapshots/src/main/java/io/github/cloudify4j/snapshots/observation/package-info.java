/**
 * Micrometer Observation support of the snapshots module: archive transfers, and restore, backup and migration
 * runs whose steps are child observations (spans, with a tracing bridge). Reported to the {@code
 * ObservationRegistry} of the client the workflow runs with ({@code CloudifyClient.Builder.observationRegistry});
 * without one nothing is observed and no Micrometer class is loaded.
 *
 * <p>Every name and key is in {@link io.github.cloudify4j.snapshots.observation.SnapshotsObservationDocumentation}
 * and {@code docs/observability.md}. To change one, register a convention of your own on the registry ({@code
 * registry.observationConfig().observationConvention(...)}): a global convention that supports the context wins
 * over the default one, as everywhere in Micrometer.
 */
package io.github.cloudify4j.snapshots.observation;
