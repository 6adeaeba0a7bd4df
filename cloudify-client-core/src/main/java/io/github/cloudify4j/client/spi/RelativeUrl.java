package io.github.cloudify4j.client.spi;

import io.github.cloudify4j.client.InternalApi;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.ListParams;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * A path relative to the API base ({@code <manager>/api/v3.1/}) with a query string whose keys may repeat (the
 * manager reads {@code status=created&status=failed} as an OR), encoded correctly. For Retrofit {@code @Url}.
 */
@InternalApi
public final class RelativeUrl {
  private final HttpUrl.Builder url;

  private RelativeUrl(String path) {
    this.url = new HttpUrl.Builder().scheme("http").host("placeholder.invalid").addPathSegments(path);
  }

  /**
   * A path such as {@code snapshots} or {@code executions}; its segments are not re-encoded.
   *
   * @param path relative to the API base, without a query or fragment
   * @return a URL to add query parameters to
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalArgumentException if it starts with {@code /}, contains {@code ..}, {@code ?} or {@code #}
   */
  public static RelativeUrl of(String path) {
    requireNonNull(path, "path == null");
    if (path.startsWith("/") || path.contains("..") || path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException("path must be relative and plain: " + path);
    }
    return new RelativeUrl(path);
  }

  /**
   * The URL of a list endpoint ({@code path}) with the query of {@code params}, paging overridden when
   * {@code pageSize} or {@code pageOffset} is given. (Was {@code ListParams.toRelativeUrl}, which made the wire
   * format public.)
   *
   * @param path the list endpoint, relative to the API base
   * @param params filters, sort and paging
   * @param pageSize overrides the params' size; null keeps it
   * @param pageOffset overrides the params' offset; null keeps it
   * @return the relative URL with its encoded query
   * @throws NullPointerException if {@code params} or {@code path} is null
   * @throws IllegalArgumentException if {@code path} is not a plain relative path
   */
  public static String list(String path, ListParams params, Integer pageSize, Long pageOffset) {
    requireNonNull(params, "params == null");
    RelativeUrl url = of(path);
    for (Map.Entry<String, String> p : params.params()) {
      url.param(p.getKey(), p.getValue());
    }
    Integer s = pageSize != null ? pageSize : params.size().orElse(null);
    Long o = pageOffset != null ? pageOffset : params.offset().orElse(null);
    if (s != null) {
      url.param("_size", String.valueOf(s));
    }
    if (o != null) {
      url.param("_offset", String.valueOf(o));
    }
    return url.toString();
  }

  /**
   * Adds a query parameter; a repeated name is sent once per value.
   *
   * @param name the parameter's name, encoded as needed
   * @param value its value, encoded as needed
   * @return this URL
   * @throws NullPointerException if either is null
   */
  public RelativeUrl param(String name, String value) {

    url.addQueryParameter(requireNonNull(name, "name == null"), requireNonNull(value, "value == null"));
    return this;
  }

  @Override
  public String toString() {
    HttpUrl built = url.build();
    String path = built.encodedPath().substring(1);
    String query = built.encodedQuery();
    return query == null ? path : path + "?" + query;
  }
}
