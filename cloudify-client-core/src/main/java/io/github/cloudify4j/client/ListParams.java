package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.RelativeUrl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The query of a list endpoint: equality filters (a field given several values matches any of them), sort order,
 * projection, paging, search and tenant scope.
 *
 * <pre>{@code
 * ListParams.builder()
 *     .filter("status", "created", "uploaded")   // status=created OR status=uploaded
 *     .sortDescending("created_at")
 *     .size(50)
 *     .build();
 * }</pre>
 */
public final class ListParams {
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final ListParams NONE = builder().build();

  private final List<Map.Entry<String, String>> params;
  private final Integer size;
  private final Long offset;

  private ListParams(Builder b) {
    this.params = Collections.unmodifiableList(new ArrayList<>(b.params));
    this.size = b.size;
    this.offset = b.offset;
  }

  /**
   * No filter, the server's default order and page size (1000).
   *
   * @return the empty parameters, one shared instance
   */
  public static ListParams none() {
    return NONE;
  }

  /** {@return a builder with no filter, sort, projection or paging} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with every parameter of this one (to add a filter or turn the page)} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.params.addAll(params);
    b.size = size;
    b.offset = offset;
    return b;
  }

  /** {@return the page size asked for, if any} */
  public java.util.Optional<Integer> size() {
    return java.util.Optional.ofNullable(size);
  }

  /** {@return how many items to skip, if set} */
  public java.util.Optional<Long> offset() {
    return java.util.Optional.ofNullable(offset);
  }

  /** {@return every query parameter but paging, in order} */
  public List<Map.Entry<String, String>> params() {
    return params;
  }

  /** Builds {@link ListParams}. Field names are checked; values are encoded, never interpreted. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> params = new ArrayList<>();
    private Integer size;
    private Long offset;

    private Builder() {}

    /**
     * Items whose {@code field} equals one of {@code values}.
     *
     * @param field the field, as the server names it (e.g. {@code created_at})
     * @param values the accepted values
     * @return this builder
     */
    public Builder filter(String field, String... values) {
      field(field, "field");
      requireNonNull(values, "values == null");
      if (values.length == 0) {
        throw new IllegalArgumentException("values is empty");
      }
      for (String value : values) {
        Arguments.requireText(value, "values");
        params.add(new java.util.AbstractMap.SimpleImmutableEntry<>(field, value));
      }
      return this;
    }

    /**
     * Ascending by a field; several sorts apply in the order given.
     *
     * @param field the field, as the server names it (e.g. {@code created_at})
     * @return this builder
     */
    public Builder sortAscending(String field) {
      params.add(new java.util.AbstractMap.SimpleImmutableEntry<>("_sort", field(field, "field")));
      return this;
    }

    /**
     * Descending by a field; several sorts apply in the order given.
     *
     * @param field the field, as the server names it (e.g. {@code created_at})
     * @return this builder
     */
    public Builder sortDescending(String field) {
      params.add(new java.util.AbstractMap.SimpleImmutableEntry<>("_sort", "-" + field(field, "field")));
      return this;
    }

    /**
     * Only these fields in each item.
     *
     * @param fields the fields to return
     * @return this builder
     */
    public Builder include(String... fields) {
      requireNonNull(fields, "fields == null");
      if (fields.length == 0) {
        throw new IllegalArgumentException("fields is empty");
      }
      StringBuilder sb = new StringBuilder();
      for (String f : fields) {
        sb.append(sb.length() == 0 ? "" : ",").append(field(f, "fields"));
      }
      params.add(new java.util.AbstractMap.SimpleImmutableEntry<>("_include", sb.toString()));
      return this;
    }

    /**
     * Substring match on the id (snapshots, execution schedules).
     *
     * @param text the substring to look for
     * @return this builder
     */
    public Builder search(String text) {
      params.add(new java.util.AbstractMap.SimpleImmutableEntry<>("_search", Arguments.requireText(text, "text")));
      return this;
    }

    /**
     * Across every tenant the user can see.
     *
     * @param allTenants true for every tenant; default false
     * @return this builder
     */
    public Builder allTenants(boolean allTenants) {
      params.removeIf(e -> e.getKey().equals("_all_tenants"));
      if (allTenants) {
        params.add(new java.util.AbstractMap.SimpleImmutableEntry<>("_all_tenants", "true"));
      }
      return this;
    }

    /**
     * Executions only: include system workflows ({@code create_snapshot}, {@code restore_snapshot}), which the
     * manager hides by default.
     *
     * @param include true to list them too; default false
     * @return this builder
     */
    public Builder includeSystemWorkflows(boolean include) {
      params.removeIf(e -> e.getKey().equals("_include_system_workflows"));
      params.add(new java.util.AbstractMap.SimpleImmutableEntry<>("_include_system_workflows",
          String.valueOf(include)));
      return this;
    }

    /**
     * Page size, 0 to 10000 (0 returns no item but still the total).
     *
     * @param size 0..10000
     * @return this builder
     */
    public Builder size(int size) {
      this.size = Arguments.requireRange(size, 0, 10_000, "size");
      return this;
    }

    /**
     * How many items to skip (not negative): the start of the page.
     *
     * @param offset 0 or more
     * @return this builder
     */
    public Builder offset(long offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative: " + offset);
      }
      this.offset = offset;
      return this;
    }

    /** {@return the parameters} */
    public ListParams build() {
      return new ListParams(this);
    }

    private static String field(String field, String name) {
      requireNonNull(field, name + " == null");
      if (!FIELD.matcher(field).matches()) {
        throw new IllegalArgumentException(name + " is not a field name: " + field);
      }
      return field;
    }
  }

  /** Equal when every setting is equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ListParams)) {
      return false;
    }
    ListParams other = (ListParams) o;
    return Objects.equals(params, other.params)
        && Objects.equals(size, other.size)
        && Objects.equals(offset, other.offset);
  }

  /** A hash of every setting, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(params, size, offset);
  }

  /** The query string it makes, for logs. */
  @Override
  public String toString() {
    return "ListParams{" + RelativeUrl.list("x", this, null, null).substring(1) + "}";
  }
}
