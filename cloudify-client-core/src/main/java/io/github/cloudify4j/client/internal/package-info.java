/**
 * Implementation details: the OkHttp interceptor chain (headers, failover, retry, logging), error mapping, JSON
 * configuration and redaction. Not part of the API: never exported from the module, every public type is marked
 * {@link io.github.cloudify4j.client.InternalApi}, and anything here may change in any release.
 */
@InternalApi
package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;
