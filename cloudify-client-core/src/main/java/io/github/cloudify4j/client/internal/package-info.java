/**
 * Implementation details: the OkHttp interceptor chain (headers, failover, retry, logging), error mapping, JSON
 * configuration and redaction. Not part of the API: anything here may change in any release.
 */
package io.github.cloudify4j.client.internal;
