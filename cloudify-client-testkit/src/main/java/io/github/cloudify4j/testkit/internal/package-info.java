/**
 * The fake manager's implementation: the HTTP server, routing, state, fault rules, archive I/O. Not API: the module
 * never exports this package, and anything here may change in any release. (The testkit does not depend on core,
 * so these types do not carry core's {@code @InternalApi}; this package documentation is their marker.)
 */
package io.github.cloudify4j.testkit.internal;
