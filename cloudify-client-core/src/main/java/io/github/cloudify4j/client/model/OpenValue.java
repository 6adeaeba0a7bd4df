package io.github.cloudify4j.client.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Base of the open string enumerations of the API (statuses). Equal when the text is equal; a value the library
 * does not know keeps its text and answers {@code false} to {@link #isKnown()}.
 */
public abstract class OpenValue {
  private final String value;
  private final boolean known;

  /**
   * A value; subclasses make them only through their {@link Registry}.
   *
   * @param value the text as the server sent it
   * @param known whether the library has a constant for it
   * @throws NullPointerException when {@code value} is null
   */
  protected OpenValue(String value, boolean known) {
    this.value = requireNonNull(value, "value == null");
    this.known = known;
  }

  /** {@return the text as the server sent it} */
  @JsonValue
  public final String value() {
    return value;
  }

  /** {@return whether this value is one the library knows about (and so has a constant for)} */
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

  /**
   * The known values of one open enumeration: {@link #known(String)} declares a constant, {@link #of(String)} finds
   * it again or makes an unknown value that keeps its text.
   *
   * @param <T> the open enumeration
   */
  protected static final class Registry<T extends OpenValue> {
    private final Map<String, T> known = new ConcurrentHashMap<>();
    private final BiFunction<String, Boolean, T> factory;

    /**
     * An empty registry.
     *
     * @param factory makes a value from its text and whether it is known (the subclass's private constructor)
     */
    public Registry(BiFunction<String, Boolean, T> factory) {
      this.factory = requireNonNull(factory, "factory == null");
    }

    /**
     * Declares a known value: call it once per constant, in the constant's initializer.
     *
     * @param value the text the server sends
     * @return the constant
     */
    public T known(String value) {
      T v = factory.apply(value, true);
      known.put(value, v);
      return v;
    }

    /**
     * The constant for a known text, or a new unknown value keeping the text.
     *
     * @param value the text the server sent
     * @return the value
     * @throws NullPointerException when {@code value} is null
     */
    public T of(String value) {
      requireNonNull(value, "value == null");
      T v = known.get(value);
      return v != null ? v : factory.apply(value, false);
    }
  }
}
