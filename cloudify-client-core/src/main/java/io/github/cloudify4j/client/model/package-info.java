/**
 * Values the manager returns: executions, maintenance status, versions, cluster and manager status, pages.
 *
 * <p>Models are immutable, built with Immutables; each has a {@code builder()} so tests can make their own.
 * Fields the server may send as {@code null} are {@link java.util.Optional}; unknown JSON fields are ignored, so a
 * newer manager does not break an older client. Status fields are open values: an unknown status parses, keeps its
 * text, and is never mistaken for a known one.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    optionalAcceptNullable = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true))
package io.github.cloudify4j.client.model;

import org.immutables.value.Value;
