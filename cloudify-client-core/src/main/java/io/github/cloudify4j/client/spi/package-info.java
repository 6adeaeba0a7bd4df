/**
 * What cloudify4j's resource modules (such as {@code cloudify-client-snapshots}) build on: a way to bind a Retrofit
 * interface to a client's transport, argument validation, auto-paging. Stable, but not needed by applications.
 */
package io.github.cloudify4j.client.spi;
