package io.github.cloudify4j.client.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collection or map attribute whose elements or values may be {@code null}, as the server's JSON often
 * has them (execution {@code parameters} hold {@code "tempdir_path": null}). Read by the Immutables processor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface AllowNulls {
}
