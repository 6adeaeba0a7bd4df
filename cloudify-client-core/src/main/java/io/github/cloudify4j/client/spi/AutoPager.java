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
 */
@InternalApi
public final class AutoPager<T> implements Iterable<T> {

  /** Fetches the page at an offset. */
  @FunctionalInterface
  public interface PageFetcher<T> {
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

  /** A sequential, lazy stream over every item. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }
}
