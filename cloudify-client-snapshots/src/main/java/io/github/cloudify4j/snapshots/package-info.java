/**
 * Snapshots of the Cloudify Manager: list, get, create, delete, upload, download, restore, restore status, and
 * waits. Start with {@link io.github.cloudify4j.snapshots.Snapshots#of(io.github.cloudify4j.client.CloudifyClient)}.
 * Archives are streamed in constant memory.
 *
 * <p>The value the server returns ({@link io.github.cloudify4j.snapshots.Snapshot}) follows the style of {@code io.github.cloudify4j.client.model}:
 * an abstract class with {@code builder()}, {@code toBuilder()} and a nested {@code Builder} interface; the
 * implementation Immutables generates is package-private and appears in no signature.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    optionalAcceptNullable = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
package io.github.cloudify4j.snapshots;

import org.immutables.value.Value;
