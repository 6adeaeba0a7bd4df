package io.github.cloudify4j.client.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a list endpoint: {@code {"items": [...], "metadata": {"pagination": {...}}}}.
 *
 * <p>Note that {@link Pagination#size()} is the page size that was used, not the number of items returned.
 * {@link #items()} never holds null: an answer with {@code null} among its items is refused as invalid.
 *
 * @param <T> the item type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Page<T> {
  private final List<T> items;
  private final Pagination pagination;

  /**
   * A page; public so that code reading pages can be tested without a manager.
   *
   * @param items the page's items, copied
   * @param pagination what the manager said about the whole list
   * @throws NullPointerException if {@code items} is null or holds a null, or {@code pagination} is null
   */
  public Page(List<T> items, Pagination pagination) {
    List<T> copy = new ArrayList<>(requireNonNull(items, "items == null"));
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == null) {
        throw new NullPointerException("items[" + i + "] == null");
      }
    }
    this.items = Collections.unmodifiableList(copy);
    this.pagination = requireNonNull(pagination, "pagination == null");
  }

  @JsonCreator
  static <T> Page<T> fromJson(@JsonProperty("items") List<T> items, @JsonProperty("metadata") Metadata metadata) {
    if (items == null) {
      throw new IllegalArgumentException("list response has no \"items\"");
    }
    // A null where an item should be is a broken answer, not an item to hand out (or to skip, which would make
    // the page disagree with its pagination): the call fails with CloudifyInvalidResponseException.
    int index = items.indexOf(null);
    if (index >= 0) {
      throw new IllegalArgumentException("items[" + index + "] is null");
    }
    Pagination pagination = metadata == null || metadata.pagination == null
        ? new Pagination(items.size(), items.size(), 0)
        : metadata.pagination;
    return new Page<>(items, pagination);
  }

  /** {@return this page's items, unmodifiable and never holding null} */
  public List<T> items() {
    return items;
  }

  /** {@return the paging metadata: total matching items, page size and offset used} */
  public Pagination pagination() {
    return pagination;
  }

  /** {@return whether more items follow this page} */
  public boolean hasMore() {
    return pagination.offset() + items.size() < pagination.total() && !items.isEmpty();
  }

  @Override
  public String toString() {
    return "Page{items=" + items + ", pagination=" + pagination + "}";
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class Metadata {
    @JsonProperty("pagination")
    Pagination pagination;
  }

  /** Paging metadata: {@code total} matching items, page {@code size} used, {@code offset} used. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Pagination {
    private final long total;
    private final long size;
    private final long offset;

    /**
     * Paging metadata as the manager sends it.
     *
     * @param total how many items match, on every page
     * @param size the page size used (not the number of items returned)
     * @param offset how many matching items come before this page
     */
    @JsonCreator
    public Pagination(@JsonProperty("total") long total, @JsonProperty("size") long size,
        @JsonProperty("offset") long offset) {
      this.total = total;
      this.size = size;
      this.offset = offset;
    }

    /** {@return how many items match the query, on every page} */
    @JsonProperty("total")
    public long total() {
      return total;
    }

    /** {@return the page size used, not the number of items returned} */
    @JsonProperty("size")
    public long size() {
      return size;
    }

    /** {@return how many matching items come before this page} */
    @JsonProperty("offset")
    public long offset() {
      return offset;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pagination && ((Pagination) o).total == total && ((Pagination) o).size == size
          && ((Pagination) o).offset == offset;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(total) * 31 * 31 + Long.hashCode(size) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
      return "Pagination{total=" + total + ", size=" + size + ", offset=" + offset + "}";
    }
  }
}
