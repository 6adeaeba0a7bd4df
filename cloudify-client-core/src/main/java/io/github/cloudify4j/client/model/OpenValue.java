package io.github.cloudify4j.client.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Base of the open string enumerations of the API (statuses). Equal when the text is equal; a value the library
 * does not know keeps its text and answers {@code false} to {@link #isKnown()}.
 */
public abstract class OpenValue {
  private final String value;
  private final boolean known;

  protected OpenValue(String value, boolean known) {
    this.value = requireNonNull(value, "value == null");
    this.known = known;
  }

  /** The text as the server sent it. */
  @JsonValue
  public final String value() {
    return value;
  }

  /** Whether this value is one the library knows about (and so has a constant for). */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((OpenValue) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  @Override
  public final String toString() {
    return value;
  }
}
