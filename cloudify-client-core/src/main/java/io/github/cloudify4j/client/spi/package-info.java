/**
 * What cloudify4j's own resource modules (such as {@code cloudify-client-snapshots}) build on: a way to bind a
 * Retrofit interface to a client's transport ({@link io.github.cloudify4j.client.spi.ClientContext#of}), argument
 * validation, auto-paging, relative URLs, secret masking.
 *
 * <p><b>Not API.</b> On the module path this package is exported only to {@code io.github.cloudify4j.snapshots};
 * on the class path every type here is marked {@link io.github.cloudify4j.client.InternalApi} and may change in
 * any release.
 */
@InternalApi
package io.github.cloudify4j.client.spi;

import io.github.cloudify4j.client.InternalApi;
