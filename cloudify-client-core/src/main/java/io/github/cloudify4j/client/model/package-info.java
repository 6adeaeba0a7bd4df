/**
 * Values the manager returns: executions, maintenance status, versions, cluster and manager status, pages.
 *
 * <p>One style for every value type of cloudify4j: an abstract class whose implementation Immutables generates
 * as a <em>package-private</em> class, so no generated name appears in the API. Each value has
 * {@code builder()} (tests make their own), {@code toBuilder()} (copy and change one field), a nested
 * {@code Builder} interface, value {@code equals}/{@code hashCode}, and a {@code toString()} that never shows a
 * secret. Fields the server may send as {@code null} are {@link java.util.Optional} (their builder setters take
 * {@code null} for "absent"); unknown JSON fields are ignored, so a newer manager does not break an older client.
 * Status fields are open values: an unknown status parses, keeps its text, and is never mistaken for a known one.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    optionalAcceptNullable = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false))
package io.github.cloudify4j.client.model;

import org.immutables.value.Value;
