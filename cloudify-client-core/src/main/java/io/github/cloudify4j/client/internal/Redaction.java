package io.github.cloudify4j.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Masks secrets before anything is logged, put in an exception message or a {@code toString()}. */
public final class Redaction {
  public static final String MASK = "****";

  private static final Pattern SECRET_JSON_VALUE = Pattern.compile(
      "(\"[^\"]*(?:password|passwd|secret|token|api_key|apikey|credential|private_key)[^\"]*\"\\s*:\\s*)"
          + "(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)",
      Pattern.CASE_INSENSITIVE);

  private static final String SECRET_WORD =
      "[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api_key|apikey|credential|private_key)[A-Za-z0-9_.-]*";

  /** {@code 'postgresql_password': 'x'} as Python prints a dict (server error messages and tracebacks). */
  private static final Pattern SECRET_PYTHON_VALUE = Pattern.compile(
      "('" + SECRET_WORD + "'\\s*:\\s*)('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)",
      Pattern.CASE_INSENSITIVE);

  /** {@code password=x}, {@code token: x} in free text (HTML pages, log-like messages). */
  private static final Pattern SECRET_FREE_VALUE = Pattern.compile(
      "(\\b" + SECRET_WORD + "\\s*[=:]\\s*)(?![\"'\\s*])([^\\s,;&<>\"'}\\]]+)", Pattern.CASE_INSENSITIVE);

  /** Cloudify API tokens ({@code ctok-<id>-<secret>}) wherever they appear. */
  private static final Pattern CTOK = Pattern.compile("\\bctok-([A-Za-z0-9]+)-[A-Za-z0-9]+");

  private Redaction() {}

  /** Whether a header carries a secret: its value is never logged. */
  public static boolean isSecretHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("authentication-token") || n.equals("execution-token")
        || n.equals("cookie") || n.equals("set-cookie") || n.equals("proxy-authorization")
        || n.contains("token") || n.contains("secret") || n.contains("password");
  }

  /** Whether a key (of a JSON object, a query string, a parameters map) names a secret. */
  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("passwd") || k.contains("secret") || k.contains("token")
        || k.contains("api_key") || k.contains("apikey") || k.contains("credential") || k.contains("private_key");
  }

  /** A copy of the map (nested maps and lists included) with every secret value masked. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> redactMap(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object v = e.getValue();
      if (isSecretKey(e.getKey()) && v != null) {
        out.put(e.getKey(), MASK);
      } else if (v instanceof Map) {
        out.put(e.getKey(), redactMap((Map<String, ?>) v));
      } else if (v instanceof Collection) {
        out.put(e.getKey(), redactList((Collection<?>) v));
      } else {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> redactList(Collection<?> list) {
    List<Object> out = new ArrayList<>();
    for (Object v : list) {
      if (v instanceof Map) {
        out.add(redactMap((Map<String, ?>) v));
      } else if (v instanceof Collection) {
        out.add(redactList((Collection<?>) v));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  /** Masks secret-named values in a JSON (or JSON-like) text. */
  public static String redactJsonText(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SECRET_JSON_VALUE.matcher(text);
    StringBuffer sb = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * Masks secrets in any text a server sent back (error messages, tracebacks, HTML pages): secret-named values
   * in JSON, in Python dict syntax and as {@code key=value}/{@code key: value}, and {@code ctok-} API tokens.
   */
  public static String redactText(String text) {
    if (text == null) {
      return null;
    }
    String out = redactJsonText(text);
    out = replaceValue(SECRET_PYTHON_VALUE, out, "'" + MASK + "'");
    out = replaceValue(SECRET_FREE_VALUE, out, MASK);
    out = CTOK.matcher(out).replaceAll("ctok-$1-" + MASK);
    return out;
  }

  private static String replaceValue(Pattern pattern, String text, String mask) {
    Matcher m = pattern.matcher(text);
    StringBuffer sb = new StringBuffer();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + mask));
    }
    m.appendTail(sb);
    return sb.toString();
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
