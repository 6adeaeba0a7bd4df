package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Masks secrets before anything is logged, put in an exception message, a report or a {@code toString()}: the one
 * function every boundary where server text becomes a message goes through ({@link #redactText}; modules reach it
 * as {@code spi.Secrets.mask}).
 *
 * <p>A server's error text is free text: a Python traceback quoting a workflow's config, a YAML file, a proxy page
 * echoing the request's headers. What is masked, keeping the key (or scheme) readable and replacing only the
 * value by {@value #MASK}:
 * <ul>
 *   <li>the value of a secret-named key ({@link #isSecretKey}) in every common syntax: JSON ({@code "k": "v"}, also
 *       escaped inside a JSON string, numbers and nested objects), Python ({@code 'k': 'v'}, {@code u''},
 *       {@code b''}, keyword arguments {@code k='v'}), YAML ({@code k: v} to the end of the line, block scalars
 *       {@code k: |}), {@code k=v}, {@code k = "v"}, {@code k: 'v'}, query strings, {@code --k v} and
 *       {@code --k=v} command lines, {@code <k>v</k>};</li>
 *   <li>HTTP headers echoed back: {@code Authorization: Basic …} (the scheme stays), {@code Authentication-Token},
 *       {@code API-Token}, {@code Execution-Token}, {@code X-Api-Key}, {@code Cookie}, {@code Set-Cookie}, and a bare
 *       {@code Basic …}/{@code Bearer …} credential;</li>
 *   <li>the password of a URL's user info ({@code postgresql://user:****@host}, any scheme, or none);</li>
 *   <li>Cloudify API tokens ({@code ctok-<id>-<secret>}) anywhere;</li>
 *   <li>PEM private key blocks (the body; a block cut off without its end is masked to the end).</li>
 * </ul>
 * Values that cannot be secrets stay ({@code true}, {@code false}, {@code null}, {@code None}, empty, already
 * masked), and prose that names a secret without giving one ("the password policy …") is left alone. Masking twice
 * changes nothing. The scan is linear in the text's length.
 */
@InternalApi
public final class Redaction {
  public static final String MASK = "****";

  /** Substrings of a key (lower-cased) that make it a secret's name. */
  private static final String[] SECRET_WORDS = {
    "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "accesskey",
    "access_key", "access-key", "privatekey", "private_key", "private-key", "sshkey", "ssh_key", "ssh-key",
    "credential", "authorization", "cookie"
  };

  /**
   * A key followed by its separator: either quoted (JSON, Python, escaped JSON inside a string) or a bare word not
   * part of a host name or path; the separator is {@code =}, {@code :} or {@code =>}, or blanks after a
   * {@code --flag}. Whether the key names a secret is decided in code (a regex alternation over every secret word
   * would backtrack badly on long words).
   */
  private static final Pattern KEY = Pattern.compile(
      "(?:(\\\\?[\"'])([^\"'\\\\\\r\\n]{1,100}+)\\1"
          + "|(?<![A-Za-z0-9_.\\-/@\\\\])([A-Za-z0-9_.-]{1,200}+))"
          + "([ \\t]*+(?:=>|[=:])[ \\t]*+|[ \\t]++)");

  /** Schemes whose credential follows a blank: kept, the credential masked. */
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "(?i)(?:Basic|Bearer|Digest|Token|Negotiate|NTLM|Hawk|AWS4-HMAC-SHA256)[ \\t]++");

  /** A bare credential after an auth scheme, outside any header: base64/JWT-like, with a digit or {@code +/=}. */
  private static final Pattern BARE_AUTH = Pattern.compile(
      "(?i)(?<![A-Za-z0-9_-])(Basic|Bearer)[ \\t]++([A-Za-z0-9+/=._~-]{8,4096}+)");

  private static final Pattern PEM_BEGIN = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY[A-Z0-9 ]{0,20})-----");

  /** {@code user:password@host} without a scheme. */
  private static final Pattern BARE_USERINFO = Pattern.compile(
      "(?<![A-Za-z0-9_.+\\-/@:])([A-Za-z0-9_.+-]{1,64}+):([^\\s@/'\"<>:]{1,256}+)@(?=[A-Za-z0-9\\[])");

  private static final Pattern XML_ELEMENT = Pattern.compile("<([A-Za-z][A-Za-z0-9_.:-]{0,99}+)>([^<]{1,65536}+)</\\1>");

  /** Cloudify API tokens ({@code ctok-<id>-<secret>}) wherever they appear. */
  private static final Pattern CTOK = Pattern.compile("\\bctok-([A-Za-z0-9]+)-[A-Za-z0-9]+");

  private Redaction() {}

  /** Whether a header carries a secret: its value is never logged. */
  public static boolean isSecretHeader(String name) {
    return isSecretKey(name);
  }

  /**
   * Whether a key (of a JSON object, a query string, a parameters map, a header) names a secret: it contains
   * password, passwd, passphrase, secret, token, api key, access key, private key, ssh key, credential,
   * authorization or cookie, or it is {@code pass}/{@code pwd} (alone or as a {@code _pass}/{@code -pwd} suffix).
   */
  public static boolean isSecretKey(String key) {
    if (key == null) {
      return false;
    }
    String k = key.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (k.contains(word)) {
        return true;
      }
    }
    int dashes = 0;
    while (dashes < k.length() && k.charAt(dashes) == '-') {
      dashes++;
    }
    String bare = k.substring(dashes);
    return bare.equals("pass") || bare.equals("pwd") || k.endsWith("_pass") || k.endsWith("-pass")
        || k.endsWith("_pwd") || k.endsWith("-pwd");
  }

  /**
   * A copy of the map (nested maps and lists included) with every secret value masked: values of secret-named
   * keys (booleans and nulls excepted: {@code include_credentials: true} is no secret) and secrets inside strings.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> redactMap(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      out.put(e.getKey(), isSecretKey(e.getKey()) && e.getValue() != null && !(e.getValue() instanceof Boolean)
          ? MASK : redactValue(e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object redactValue(Object v) {
    if (v instanceof Map) {
      return redactMap((Map<String, ?>) v);
    }
    if (v instanceof Collection) {
      List<Object> out = new ArrayList<>();
      for (Object item : (Collection<?>) v) {
        out.add(redactValue(item));
      }
      return out;
    }
    if (v instanceof String) {
      return redactText((String) v);
    }
    return v;
  }

  /** Masks secrets in a JSON (or JSON-like) text: the same as {@link #redactText}. */
  public static String redactJsonText(String text) {
    return redactText(text);
  }

  /**
   * Masks every recognisable secret in a text a server sent back (error messages, tracebacks, HTML and plain-text
   * pages, an execution's error): see the class description for the forms. Null stays null.
   */
  public static String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = pem(text);
    out = keyValues(out);
    out = urlUserInfo(out);
    out = group(BARE_USERINFO, out, 2, m -> !m.group(1).equalsIgnoreCase("mailto"));
    out = group(XML_ELEMENT, out, 2, m -> isSecretKey(m.group(1)));
    out = group(BARE_AUTH, out, 2, m -> m.group(2).chars().anyMatch(c -> Character.isDigit(c) || c == '+'
        || c == '/' || c == '='));
    out = CTOK.matcher(out).replaceAll("ctok-$1-" + MASK);
    return out;
  }

  // ---------------------------------------------------------------- the forms

  private static String pem(String text) {
    Matcher m = PEM_BEGIN.matcher(text);
    StringBuilder sb = null;
    int copied = 0;
    int from = 0;
    while (m.find(from)) {
      String end = "-----END " + m.group(1) + "-----";
      int close = text.indexOf(end, m.end());
      int stop = close < 0 ? text.length() : close;
      from = close < 0 ? text.length() : close + end.length();
      if (isHarmless(text.substring(m.end(), stop))) {
        continue;
      }
      sb = sb == null ? new StringBuilder(text.length()) : sb;
      sb.append(text, copied, m.end()).append(MASK);
      copied = stop;
      if (from >= text.length()) {
        break;
      }
    }
    return sb == null ? text : sb.append(text, copied, text.length()).toString();
  }

  private static String keyValues(String text) {
    Matcher m = KEY.matcher(text);
    StringBuilder sb = null;
    int copied = 0;
    int from = 0;
    int n = text.length();
    while (from < n && m.find(from)) {
      from = m.end();
      boolean quotedKey = m.group(2) != null;
      String key = quotedKey ? m.group(2) : m.group(3);
      String sep = m.group(4);
      boolean blanksOnly = sep.indexOf('=') < 0 && sep.indexOf(':') < 0;
      if ((blanksOnly && (quotedKey || !key.startsWith("--"))) || !isSecretKey(key)) {
        if (quotedKey) {
          from = m.start() + 1; // what looked like a quoted key may be the text between two strings: look inside
        }
        continue;
      }
      boolean lineStart = !quotedKey && !blanksOnly && sep.indexOf('=') < 0 && atLineStart(text, m.start());
      int[] region = valueRegion(text, m.end(), key, blanksOnly, lineStart, m.start());
      if (region == null) {
        continue;
      }
      sb = sb == null ? new StringBuilder(n) : sb;
      sb.append(text, copied, region[0]).append(MASK);
      copied = region[1];
      from = Math.max(from, region[1]);
    }
    return sb == null ? text : sb.append(text, copied, n).toString();
  }

  /** {@code [start, end)} of the secret part of the value at {@code i}, or null when there is nothing to mask. */
  private static int[] valueRegion(String text, int i, String key, boolean flag, boolean lineStart, int keyStart) {
    int n = text.length();
    if (i >= n) {
      return null;
    }
    String k = key.toLowerCase(Locale.ROOT);
    boolean auth = k.contains("authorization");
    boolean cookie = k.contains("cookie");
    int start;
    int end;
    char c = text.charAt(i);
    int p = i;
    while (p < n && p - i < 2 && "ubrfUBRF".indexOf(text.charAt(p)) >= 0) {
      p++;
    }
    if (p >= n || (text.charAt(p) != '\'' && text.charAt(p) != '"' && !text.startsWith("\\\"", p)
        && !text.startsWith("\\'", p))) {
      p = i; // not a prefixed string: u, b, r, f begin a bare word
    }
    if (text.startsWith("\\\"", p) || text.startsWith("\\'", p)) {
      // a quoted value inside a JSON string: \"…\"
      char q = text.charAt(p + 1);
      start = p + 2;
      end = start;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r'
          && !(text.charAt(end) == '\\' && end + 1 < n && (text.charAt(end + 1) == q || text.charAt(end + 1) == 'n'))) {
        end++;
      }
    } else if (text.charAt(p) == '"' || text.charAt(p) == '\'') {
      char q = text.charAt(p);
      start = p + 1;
      end = start;
      while (end < n && text.charAt(end) != q && text.charAt(end) != '\n') {
        end += text.charAt(end) == '\\' ? 2 : 1;
      }
      end = Math.min(end, n);
    } else if (c == '{' || c == '[' || c == '(') {
      start = i + 1;
      end = matchingClose(text, i);
    } else if (flag && c == '-') {
      return null; // --flag --next: the flag takes no value
    } else if (lineStart && (c == '|' || c == '>')) {
      return blockScalar(text, i, keyStart);
    } else if (lineStart || cookie) {
      start = i;
      end = cookie ? lineEnd(text, i, "\"'<") : lineEnd(text, i, "");
    } else if (auth) {
      Matcher scheme = AUTH_SCHEME.matcher(text).region(i, n);
      boolean oneToken = scheme.lookingAt() && !scheme.group().toLowerCase(Locale.ROOT).startsWith("digest");
      start = i;
      end = oneToken ? tokenEnd(text, scheme.end()) : lineEnd(text, i, "\"'<");
    } else {
      start = i;
      end = tokenEnd(text, i);
    }
    if (auth) {
      Matcher scheme = AUTH_SCHEME.matcher(text).region(start, Math.max(start, end));
      if (scheme.lookingAt()) {
        start = scheme.end();
      }
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end <= start || isHarmless(text.substring(start, end))) {
      return null;
    }
    return new int[] {start, end};
  }

  /**
   * {@code scheme://user:password@host}: the password may hold anything but blanks, quotes, {@code <>} and
   * {@code @} (a raw {@code /} too, as sloppy texts have), up to the next {@code ://}. A scan from each
   * {@code ://} that never passes the next one, so the text is read about once.
   */
  private static String urlUserInfo(String text) {
    int n = text.length();
    StringBuilder sb = null;
    int copied = 0;
    int sep = text.indexOf("://");
    while (sep > 0) {
      int next = text.indexOf("://", sep + 3);
      int limit = next < 0 ? n : next;
      int p = sep + 3;
      while (p < limit && ":/?#@'\"<>[]".indexOf(text.charAt(p)) < 0 && !Character.isWhitespace(text.charAt(p))) {
        p++; // the user
      }
      if (p < limit && text.charAt(p) == ':' && Character.isLetter(text.charAt(sep - 1))) {
        int start = p + 1;
        int q = start;
        while (q < limit && "@'\"<>".indexOf(text.charAt(q)) < 0 && !Character.isWhitespace(text.charAt(q))) {
          q++;
        }
        if (q < limit && text.charAt(q) == '@' && q > start && !isHarmless(text.substring(start, q))) {
          sb = sb == null ? new StringBuilder(n) : sb;
          sb.append(text, copied, start).append(MASK);
          copied = q;
        }
      }
      sep = next;
    }
    return sb == null ? text : sb.append(text, copied, n).toString();
  }

  /** A YAML block scalar ({@code key: |}): the lines indented deeper than the key. */
  private static int[] blockScalar(String text, int indicator, int keyStart) {
    int keyIndent = keyStart - lineBegin(text, keyStart);
    int eol = lineEnd(text, indicator);
    if (eol >= text.length()) {
      return null;
    }
    int start = -1;
    int end = eol;
    int pos = eol + 1;
    while (pos < text.length()) {
      int lineEnd = lineEnd(text, pos);
      int indent = 0;
      while (pos + indent < lineEnd && (text.charAt(pos + indent) == ' ' || text.charAt(pos + indent) == '\t')) {
        indent++;
      }
      boolean blank = pos + indent >= lineEnd;
      if (!blank && indent <= keyIndent) {
        break;
      }
      if (!blank) {
        if (start < 0) {
          start = pos + indent;
        }
        end = lineEnd;
      }
      pos = lineEnd + 1;
    }
    if (start < 0 || isHarmless(text.substring(start, end))) {
      return null;
    }
    return new int[] {start, end};
  }

  /** An unquoted value: up to a blank, a delimiter, or an escape of the JSON string around it. */
  private static int tokenEnd(String text, int i) {
    int j = i;
    while (j < text.length()) {
      char ch = text.charAt(j);
      if (Character.isWhitespace(ch) || ",;&<>\"'(){}[]".indexOf(ch) >= 0) {
        break;
      }
      if (ch == '\\' && j + 1 < text.length() && "nrt\"'\\".indexOf(text.charAt(j + 1)) >= 0) {
        break;
      }
      j++;
    }
    return j;
  }

  /** The index of the bracket closing the one at {@code open} (quotes respected), or the text's end. */
  private static int matchingClose(String text, int open) {
    int depth = 0;
    char quote = 0;
    for (int j = open; j < text.length(); j++) {
      char ch = text.charAt(j);
      if (quote != 0) {
        if (ch == '\\') {
          j++;
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '{' || ch == '[' || ch == '(') {
        depth++;
      } else if (ch == '}' || ch == ']' || ch == ')') {
        depth--;
        if (depth == 0) {
          return j;
        }
      }
    }
    return text.length();
  }

  private static boolean atLineStart(String text, int keyStart) {
    for (int j = keyStart - 1; j >= 0; j--) {
      char ch = text.charAt(j);
      if (ch == '\n') {
        return true;
      }
      if (ch != ' ' && ch != '\t' && ch != '-') {
        return false;
      }
    }
    return true;
  }

  private static int lineBegin(String text, int i) {
    int nl = text.lastIndexOf('\n', i - 1);
    return nl + 1;
  }

  /**
   * The end of the line at {@code i}: a newline, or a {@code \n} escape of a JSON string, or the text's end. A
   * forward scan that stops there (never past it), so that many keys on one long line stay linear.
   */
  private static int lineEnd(String text, int i) {
    return lineEnd(text, i, "");
  }

  /** {@link #lineEnd(String, int)}, or the first of {@code stops} before it. */
  private static int lineEnd(String text, int i, String stops) {
    int j = i;
    int n = text.length();
    while (j < n) {
      char ch = text.charAt(j);
      if (ch == '\n' || ch == '\r' || (ch == '\\' && j + 1 < n && text.charAt(j + 1) == 'n')
          || stops.indexOf(ch) >= 0) {
        return j;
      }
      j++;
    }
    return n;
  }

  /** Values that are no secret: empty, booleans, null, None, or already masked. */
  private static boolean isHarmless(String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      return true;
    }
    if (v.chars().allMatch(c -> c == '*')) {
      return true;
    }
    String l = v.toLowerCase(Locale.ROOT);
    return l.equals("true") || l.equals("false") || l.equals("null") || l.equals("none") || l.equals("nil");
  }

  /** Masks group {@code g} of every match {@code when} accepts (and that is not harmless). */
  private static String group(Pattern pattern, String text, int g, java.util.function.Predicate<Matcher> when) {
    Matcher m = pattern.matcher(text);
    StringBuilder sb = null;
    int copied = 0;
    while (m.find()) {
      if ((when != null && !when.test(m)) || isHarmless(m.group(g))) {
        continue;
      }
      sb = sb == null ? new StringBuilder(text.length()) : sb;
      sb.append(text, copied, m.start(g)).append(MASK);
      copied = m.end(g);
    }
    return sb == null ? text : sb.append(text, copied, text.length()).toString();
  }

  /** The URL without user info and with secret-named query values masked. */
  public static String url(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder().username("").password("");
    for (String name : url.queryParameterNames()) {
      if (isSecretKey(name)) {
        b.setQueryParameter(name, MASK);
      }
    }
    return b.build().toString();
  }
}
