package io.github.cloudify4j.client.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Cloudify version such as {@code 7.0.4}, {@code 6.4.2} or {@code 5.0.5.1}, compared by its numeric components
 * (missing ones count as zero, so {@code 7.0} equals {@code 7.0.0}). A suffix after the numbers ({@code .dev1},
 * {@code -ga}, {@code rc1}) is kept in {@link #toString()} but ignored when comparing: a development build of
 * 7.1.0 is treated as 7.1.0.
 */
public final class Version implements Comparable<Version> {
  private final String text;
  private final List<Integer> components;

  private Version(String text, List<Integer> components) {
    this.text = text;
    this.components = components;
  }

  /** Parses a version; throws {@link IllegalArgumentException} when it does not start with a number. */
  public static Version parse(String text) {
    requireNonNull(text, "text == null");
    String trimmed = text.trim();
    if (trimmed.startsWith("v") || trimmed.startsWith("V")) {
      trimmed = trimmed.substring(1);
    }
    List<Integer> parts = new ArrayList<>();
    int i = 0;
    while (i < trimmed.length()) {
      int start = i;
      while (i < trimmed.length() && Character.isDigit(trimmed.charAt(i)) && trimmed.charAt(i) < 128) {
        i++;
      }
      if (start == i || i - start > 9) {
        break;
      }
      parts.add(Integer.parseInt(trimmed.substring(start, i)));
      if (i < trimmed.length() && trimmed.charAt(i) == '.' && i + 1 < trimmed.length()
          && Character.isDigit(trimmed.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("text is not a version: " + text);
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1) == 0) {
      parts.remove(parts.size() - 1);
    }
    return new Version(text.trim(), Collections.unmodifiableList(parts));
  }

  /** A version from numbers, e.g. {@code Version.of(5, 0, 5)}. */
  public static Version of(int... numbers) {
    StringBuilder sb = new StringBuilder();
    for (int n : numbers) {
      if (n < 0) {
        throw new IllegalArgumentException("numbers must not be negative");
      }
      sb.append(sb.length() == 0 ? "" : ".").append(n);
    }
    return parse(sb.toString());
  }

  public int major() {
    return component(0);
  }

  public int minor() {
    return component(1);
  }

  public int patch() {
    return component(2);
  }

  /** The n-th numeric component, 0 when absent. */
  public int component(int n) {
    return n < components.size() ? components.get(n) : 0;
  }

  public boolean isAtLeast(Version other) {
    return compareTo(other) >= 0;
  }

  public boolean isNewerThan(Version other) {
    return compareTo(other) > 0;
  }

  public boolean isOlderThan(Version other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(Version other) {
    int n = Math.max(components.size(), other.components.size());
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(component(i), other.component(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version && ((Version) o).components.equals(components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
