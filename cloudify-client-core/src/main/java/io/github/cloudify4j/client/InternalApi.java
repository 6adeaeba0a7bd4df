package io.github.cloudify4j.client;

import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type or member that is not part of cloudify4j's public API: it may change or disappear in any release,
 * including a patch release, without notice.
 *
 * <p>Why it exists: on the module path the boundary is enforced by the compiler and the JVM (each jar's
 * {@code module-info} never exports an {@code internal} package, and exports {@code spi} only to cloudify4j's own
 * modules). On the class path, where every public class can be reached, this annotation is the marker: every type
 * in an {@code internal} or {@code spi} package carries it, and so does any public member that exists only for
 * another cloudify4j module. The API baseline check ({@code api/*.api}, see docs/architecture.md) leaves such
 * members out, so changing them is not a change of the public API.
 *
 * <p>Applications should not use anything marked with it. If you need something only an internal type offers,
 * please open an issue instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({TYPE, METHOD, CONSTRUCTOR, FIELD, PACKAGE})
public @interface InternalApi {
}
