/**
 * Snapshots of the Cloudify Manager: list, get, create, delete, upload, download, restore, restore status, and
 * waits. Start with {@link io.github.cloudify4j.snapshots.Snapshots#of(io.github.cloudify4j.client.CloudifyClient)}.
 * Archives are streamed in constant memory.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    optionalAcceptNullable = true,
    jdkOnly = true)
package io.github.cloudify4j.snapshots;

import org.immutables.value.Value;
