package io.github.cloudify4j.client.spi;

import io.github.cloudify4j.client.InternalApi;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.model.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a list endpoint page by page, fetching the next page only when the previous one is used up, so that
 * memory stays bounded by one page however many items there are.
 *
 * @param <T> the type of the items
 */
@InternalApi
public final class AutoPager<T> implements Iterable<T> {

  /**
   * Fetches the page at an offset.
   *
   * @param <T> the type of the items
   */
  @FunctionalInterface
  public interface PageFetcher<T> {
    /**
     * Fetches one page. Called lazily, once per page, on the iterating thread; its exceptions reach the caller
     * of {@code hasNext()}.
     *
     * @param offset the index of the page's first item, 0-based
     * @param size the page size asked for; the manager may return fewer
     * @return the page, with the total the manager reports
     */
    Page<T> fetch(long offset, int size);
  }

  private final PageFetcher<T> fetcher;
  private final int pageSize;
  private final long startOffset;

  private AutoPager(PageFetcher<T> fetcher, int pageSize, long startOffset) {
    this.fetcher = fetcher;
    this.pageSize = pageSize;
    this.startOffset = startOffset;
  }

  /**
   * A pager that starts at {@code startOffset}. It stops at the first empty page or once the items read reach
   * the total the manager reports, so a list that shrinks while it is read does not loop.
   *
   * @param <T> the item type
   * @param fetcher fetches a page at an offset
   * @param pageSize items per request, 1 to 10,000; bounds the memory one page takes

   * @param startOffset the first item to read, 0 or more
   * @return the pager; nothing is fetched until it is iterated
   * @throws NullPointerException if {@code fetcher} is null
   * @throws IllegalArgumentException if {@code pageSize} or {@code startOffset} is out of range
   */
  public static <T> AutoPager<T> of(PageFetcher<T> fetcher, int pageSize, long startOffset) {
    requireNonNull(fetcher, "fetcher == null");
    Arguments.requireRange(pageSize, 1, 10_000, "pageSize");
    if (startOffset < 0) {
      throw new IllegalArgumentException("startOffset must not be negative: " + startOffset);
    }
    return new AutoPager<>(fetcher, pageSize, startOffset);
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<T>() {
      private Iterator<T> current;
      private long offset = startOffset;
      private boolean last;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (last) {
            return false;
          }
          Page<T> page = fetcher.fetch(offset, pageSize);
          offset += page.items().size();
          last = page.items().isEmpty() || offset >= page.pagination().total();
          current = page.items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * A sequential, lazy stream over every item; each terminal operation reads the list again from the start
   * offset.
   *
   * @return the stream
   */

  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }
}
