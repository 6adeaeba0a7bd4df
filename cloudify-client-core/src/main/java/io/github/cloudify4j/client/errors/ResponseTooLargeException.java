package io.github.cloudify4j.client.errors;

/**
 * The manager's answer was larger than the client reads: a JSON answer over
 * {@code CloudifyClient.Builder#maxResponseSize(long)} (counted after decompression, so a small gzip body that
 * inflates to gigabytes is stopped at the limit), or an archive over its download's limit. Nothing beyond the limit
 * was read or kept.
 *
 * <p>A real manager's JSON answers are far below the default limit; this usually means a proxy, a misconfigured
 * server or a hostile one. If the answer is legitimate (a very large page), raise the limit or ask for smaller
 * pages.
 */
public class ResponseTooLargeException extends CloudifyInvalidResponseException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * An exception for an answer cut off at {@code limit}.
   *
   * @param message which answer and which limit, for a person
   * @param limit the limit that was passed, in bytes
   * @param statusCode the HTTP status of the oversized answer
   * @param method the request's method
   * @param url the request's URL, already masked
   */
  public ResponseTooLargeException(String message, long limit, int statusCode, String method, String url) {
    super(message, statusCode, method, url, null);
    this.limit = limit;
  }

  /**
   * The limit that was passed: raise the client's or the download's limit above it if the answer is legitimate.
   *
   * @return the limit in bytes
   */
  public long limit() {
    return limit;
  }

  /**
   * A byte count as people read it, in binary units with at most one decimal: {@code 16 MiB}, {@code 1.5 KiB},
   * {@code 12 bytes}. For messages only; the exact number stays in {@link #limit()}.
   *
   * @param bytes a count of bytes, 0 or more
   * @return the count with its unit
   */

  public static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = value == Math.rint(value) ? String.valueOf((long) value)
        : String.format(java.util.Locale.ROOT, "%.1f", value);
    return number + " " + units[unit];
  }
}
