package io.github.cloudify4j.client.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collection attribute whose elements (or map values) may be JSON {@code null}: the manager sends
 * {@code "tempdir_path": null} in workflow parameters. Immutables recognises the annotation by its simple name.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@interface AllowNulls {}
