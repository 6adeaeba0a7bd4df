package io.github.cloudify4j.client.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A Cloudify version such as {@code 7.0.4}, {@code 6.4.2} or {@code 5.0.5.1}, as the manager reports it
 * ({@code GET /api/version}) and as a snapshot's {@code metadata.json} records it.
 *
 * <p>Versions compare by their numeric components, missing ones counting as zero ({@code 7.0} equals
 * {@code 7.0.0}). What follows the numbers ({@code .dev1}, {@code -ga}, {@code rc1}, {@code +build5}) is kept as the
 * {@link #qualifier()} and ignored when comparing, as the manager ignores it: a development build of 7.1.0 counts as
 * 7.1.0. {@link #compareRelease(Version)} compares only major, minor and patch, which is the manager's own rule when
 * it checks a snapshot's version ({@code 5.0.5.1} is then the same as {@code 5.0.5}).
 */
public final class Version implements Comparable<Version> {
  private static final int MAX_DIGITS = 9;

  private final String text;
  private final List<Integer> components;
  private final String qualifier;

  private Version(String text, List<Integer> components, String qualifier) {
    this.text = text;
    this.components = components;
    this.qualifier = qualifier;
  }

  /**
   * Parses a version, leniently: surrounding blanks and a leading {@code v} are dropped.
   *
   * @param version the text, e.g. {@code 7.0.4}, {@code v6.4.0-ga} or {@code 5.0.5.1}
   * @return the version, keeping the text as given
   * @throws NullPointerException when {@code version} is null
   * @throws IllegalArgumentException when the text does not start with a number, or a component has more than nine
   *     digits
   */
  public static Version parse(String version) {
    requireNonNull(version, "version == null");
    String text = version.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("version is blank");
    }
    String body = text;
    if (body.length() > 1 && (body.charAt(0) == 'v' || body.charAt(0) == 'V') && isDigit(body.charAt(1))) {
      body = body.substring(1);
    }
    String qualifier = "";
    int cut = indexOfAny(body, '-', '+');
    if (cut >= 0) {
      qualifier = body.substring(cut + 1);
      body = body.substring(0, cut);
    }
    List<Integer> numbers = new ArrayList<>();
    String[] parts = body.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int digits = leadingDigits(part);
      if (digits == 0) {
        qualifier = join(String.join(".", Arrays.copyOfRange(parts, i, parts.length)), qualifier);
        break;
      }
      if (digits > MAX_DIGITS) {
        throw new IllegalArgumentException("version component too large in \"" + version + "\"");
      }
      numbers.add(Integer.parseInt(part.substring(0, digits)));
      if (digits < part.length()) {
        String rest = part.substring(digits);
        if (i + 1 < parts.length) {
          rest = rest + "." + String.join(".", Arrays.copyOfRange(parts, i + 1, parts.length));
        }
        qualifier = join(rest, qualifier);
        break;
      }
    }
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("not a version (no leading number): \"" + version + "\"");
    }
    return new Version(text, Collections.unmodifiableList(numbers), qualifier);
  }

  /**
   * The parsed version, or empty when the text is null or not a version: for text a server sent, where a strange
   * version must not fail a call.
   *
   * @param version the text, or null
   * @return the version, or empty
   */
  public static Optional<Version> tryParse(String version) {
    if (version == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(version));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A version from numbers, e.g. {@code Version.of(5, 0, 5)}.
   *
   * @param numbers the components, major first
   * @return the version
   * @throws IllegalArgumentException when no number or a negative one is given
   */
  public static Version of(int... numbers) {
    requireNonNull(numbers, "numbers == null");
    if (numbers.length == 0) {
      throw new IllegalArgumentException("numbers is empty");
    }
    StringBuilder sb = new StringBuilder();
    for (int n : numbers) {
      if (n < 0) {
        throw new IllegalArgumentException("numbers must not be negative: " + n);
      }
      sb.append(sb.length() == 0 ? "" : ".").append(n);
    }
    return parse(sb.toString());
  }

  /** {@return the numeric components, as written ({@code 5.0.5.1} has four)} */
  public List<Integer> components() {
    return components;
  }

  /** {@return what follows the numbers ({@code dev1}, {@code ga}, {@code rc1}), or {@code ""}} */
  public String qualifier() {
    return qualifier;
  }

  /** {@return the first component} */
  public int major() {
    return component(0);
  }

  /** {@return the second component, 0 when absent} */
  public int minor() {
    return component(1);
  }

  /** {@return the third component, 0 when absent} */
  public int patch() {
    return component(2);
  }

  /**
   * The n-th numeric component (from 0), 0 when absent: {@code 7.0} and {@code 7.0.0} read alike.
   *
   * @param n the index, from 0
   * @return the component, or 0
   */
  public int component(int n) {
    return n < components.size() ? components.get(n) : 0;
  }

  /**
   * Whether this version is {@code other} or newer, comparing every component.
   *
   * @param other the version to compare with
   * @return {@code compareTo(other) >= 0}
   */
  public boolean isAtLeast(Version other) {
    return compareTo(other) >= 0;
  }

  /**
   * Whether this version is newer than {@code other}, comparing every component.
   *
   * @param other the version to compare with
   * @return {@code compareTo(other) > 0}
   */
  public boolean isNewerThan(Version other) {
    return compareTo(other) > 0;
  }

  /**
   * Whether this version is older than {@code other}, comparing every component.
   *
   * @param other the version to compare with
   * @return {@code compareTo(other) < 0}
   */
  public boolean isOlderThan(Version other) {
    return compareTo(other) < 0;
  }

  /** Compares every numeric component. */
  @Override
  public int compareTo(Version other) {
    requireNonNull(other, "other == null");
    return compareFirst(other, Math.max(components.size(), other.components.size()));
  }

  /**
   * Compares major, minor and patch only: the manager's rule for a snapshot's version ({@code 7.0.4.1} restores
   * on {@code 7.0.4}).
   *
   * @param other the version to compare with
   * @return negative, zero or positive as this release is older, the same or newer
   * @throws NullPointerException when {@code other} is null
   */
  public int compareRelease(Version other) {
    requireNonNull(other, "other == null");
    return compareFirst(other, 3);
  }

  private int compareFirst(Version other, int count) {
    for (int i = 0; i < count; i++) {
      int c = Integer.compare(component(i), other.component(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Equal when every numeric component is equal (the qualifier does not count). */
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Version && compareTo((Version) o) == 0);
  }

  @Override
  public int hashCode() {
    int last = components.size();
    while (last > 1 && components.get(last - 1) == 0) {
      last--;
    }
    return components.subList(0, last).hashCode();
  }

  /** The text as given (trimmed). */
  @Override
  public String toString() {
    return text;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == a || c == b) {
        return i;
      }
    }
    return -1;
  }

  private static int leadingDigits(String s) {
    int i = 0;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String join(String first, String second) {
    if (first.isEmpty()) {
      return second;
    }
    if (second.isEmpty()) {
      return first;
    }
    return first + "-" + second;
  }
}
