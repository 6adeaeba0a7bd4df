/**
 * Implementation details of the snapshots module: Retrofit interfaces, streaming bodies, the archive downloader and
 * zip check, the manager inventory. Not API: never exported from the module, every public type is marked
 * {@link io.github.cloudify4j.client.InternalApi}, and anything here may change in any release.
 */
@InternalApi
package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;
