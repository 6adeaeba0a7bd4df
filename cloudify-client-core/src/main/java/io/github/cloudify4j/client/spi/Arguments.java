package io.github.cloudify4j.client.spi;

import io.github.cloudify4j.client.InternalApi;

import java.net.URI;
import java.time.Duration;

/**
 * Argument checks made before any request is sent. Each failure is an {@link IllegalArgumentException} (or a
 * {@link NullPointerException} for null) whose message starts with the parameter's name.
 */
@InternalApi
public final class Arguments {
  /** Characters the manager leaves unquoted in URLs, which is what it accepts in ids. */
  private static final int MAX_TEXT = 4096;

  private Arguments() {}

  /**
   * An id that goes into a URL path ({@code snapshots/{id}}, {@code executions/{id}}): 1 to 256 characters among
   * ASCII letters, digits, {@code - . _ ~}, and not {@code .} or {@code ..}. This keeps path traversal,
   * percent-encoding tricks, query/fragment characters and Unicode look-alikes out of the URL.
   *
   * @param value the id, as the caller gave it
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is empty or blank, longer than 256 characters, has another character,
   *     or is {@code .} or {@code ..}
   */
  public static String requireId(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isEmpty() || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (value.length() > 256) {
      throw new IllegalArgumentException(name + " is longer than 256 characters (" + value.length() + ")");
    }
    if (!isIdText(value)) {
      throw new IllegalArgumentException(name + " may only contain ASCII letters, digits, '-', '.', '_' and '~': "
          + printable(value));
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(name + " must not be '.' or '..'");
    }
    return value;
  }
  /**
   * An id of something that already exists on the manager, sent as one percent-encoded path segment
   * ({@link #encodePathSegment}). The manager stores ids it never checked (an upload takes any id, corpus seq 92
   * {@code 0up}; a 5.x manager kept older rules), so reads, downloads, restores and deletes accept any text the
   * manager could hold: refused are only null, empty, {@code .} and {@code ..} (a URL cannot carry them as a
   * segment), and unpaired UTF-16 surrogates (no bytes to encode them as).
   *
   * @param value the id, as the caller gave it
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged (encode it with {@link #encodePathSegment(String)})
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is empty, {@code .} or {@code ..}, or holds an unpaired surrogate
   */
  public static String requirePathSegment(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(name + " must not be '.' or '..' (a URL path cannot carry it)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " contains an unpaired UTF-16 surrogate: " + printable(value));
      }
    }
    return value;
  }

  /**
   * {@code value} as one URL path segment: every byte of its UTF-8 form outside the unreserved characters of
   * RFC 3986 ({@code A-Z a-z 0-9 - . _ ~}) as {@code %XX} with upper-case hex, so {@code /}, {@code ?}, {@code #},
   * {@code %}, {@code ;}, {@code +} and spaces reach the manager as data ({@code snap 1} → {@code snap%201}, which
   * the manager decodes back, corpus seq 224). Check the value with {@link #requirePathSegment} first.
   *
   * @param value a checked path segment
   * @return the encoded segment; {@code value} itself when it needs no encoding
   * @throws NullPointerException if {@code value} is null
   */
  public static String encodePathSegment(String value) {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    if (isIdText(value)) {
      return value;
    }
    byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xff;
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (ok) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Only unreserved URL characters (RFC 3986): an id is sent as one path segment, never encoded. */
  private static boolean isIdText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (!ok) {
        return false;
      }
    }
    return true;
  }


  /**
   * A non-blank text without control characters (tenant names, usernames, filter values): a line break in a
   * header value or a log line could forge another.
   *
   * @param value the text
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is blank, longer than 4096 characters, or holds a control character
   *     (C0, DEL, C1, U+2028, U+2029)
   */
  public static String requireText(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException(name + " contains a control character: " + printable(value));
      }
    }
    return value;
  }

  /**
   * A strictly positive duration (timeouts, waits, delays: zero would mean "never" to some and "forever" to
   * others, so it is refused).
   *
   * @param value the duration
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is zero or negative
   */
  public static Duration requirePositive(Duration value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /**
   * A zero or positive duration.
   *
   * @param value the duration
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is negative
   */
  public static Duration requireNonNegative(Duration value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  /**
   * An integer within {@code [min, max]}.
   *
   * @param value the number
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged
   * @throws IllegalArgumentException if it is outside the range
   */
  public static int requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ": " + value);
    }
    return value;
  }

  /**
   * An absolute {@code http}/{@code https} URL with a host, no user info, no query or fragment: the base a client
   * appends {@code api/v3.1/...} to. Credentials in a URL would end up in logs, so they are refused, and the
   * message never shows them.
   *
   * @param value the manager's URL
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is not http(s), has no host, has user info, a query or a fragment
   */
  public static URI requireManagerUrl(URI value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    String scheme = value.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException(name + " must be an http or https URL: " + safe(value.toString()));
    }
    if (value.getHost() == null || value.getHost().isEmpty()) {
      throw new IllegalArgumentException(name + " has no host: " + safe(value.toString()));
    }
    if (value.getRawUserInfo() != null) {
      throw new IllegalArgumentException(name + " must not contain credentials; use Credentials");
    }
    if (value.getRawQuery() != null || value.getRawFragment() != null) {
      throw new IllegalArgumentException(name + " must not have a query or fragment: " + safe(value.toString()));
    }
    return value;
  }

  /**
   * Parses a manager URL given as text, with the checks of {@link #requireManagerUrl(URI, String)}.
   *
   * @param value the manager's URL; surrounding white space is ignored
   * @param name the parameter's name, which starts the failure's message
   * @return the parsed URL
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is not a URL or fails the checks
   */
  public static URI requireManagerUrl(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + safe(value), null);
    }
    return requireManagerUrl(uri, name);
  }

  /**
   * An absolute http/https URL the manager itself will fetch (e.g. a snapshot archive URL). Unlike a manager URL
   * it may carry a query (a pre-signed URL does).
   *
   * @param value the URL
   * @param name the parameter's name, which starts the failure's message
   * @return {@code value}, unchanged
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it is relative, not http(s), or has no host
   */

  public static URI requireHttpUrl(URI value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    String scheme = value.getScheme();
    if (!value.isAbsolute() || scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || value.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http or https URL: " + value);
    }
    return value;
  }

  /** A URL for an error message: anything before an {@code @} may be a password, so it is not shown. */
  private static String safe(String url) {
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return printable(url);
    }
    int scheme = url.indexOf("://");
    String prefix = scheme >= 0 && scheme < at ? url.substring(0, scheme + 3) : "";
    return printable(prefix + "****" + url.substring(at));
  }

  private static String printable(String value) {
    StringBuilder sb = new StringBuilder("\"");
    int limit = Math.min(value.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (value.length() > limit) {
      sb.append('…');
    }
    return sb.append('"').toString();
  }
}
