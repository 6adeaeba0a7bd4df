package io.github.cloudify4j.client.errors;

import io.github.cloudify4j.client.internal.Redaction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No answer came: connection refused, reset, timed out, TLS failure. With several manager nodes the message and
 * {@link #failures()} name every node tried and what happened there.
 */
public class CloudifyTransportException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String url;
  private final Map<String, String> failures;

  /**
   * An exception for a request no node answered. The failure texts are masked before they are kept.
   *
   * @param method the request's method
   * @param url the request's URL, already masked
   * @param failures every node tried, in the order tried, to what failed there (copied; may be empty for a
   *     single-node client)
   * @param cause the last node's I/O failure
   * @throws NullPointerException if {@code failures} is null
   */
  public CloudifyTransportException(String method, String url, Map<String, String> failures, Throwable cause) {
    super(describe(method, url, failures), cause);
    this.method = method;
    this.url = url;
    Map<String, String> masked = new LinkedHashMap<>();
    failures.forEach((node, failure) -> masked.put(node, Redaction.redactText(failure)));
    this.failures = Collections.unmodifiableMap(masked);
  }

  private static String describe(String method, String url, Map<String, String> failures) {
    StringBuilder sb = new StringBuilder("No answer from the manager for ").append(method).append(' ').append(url);
    if (!failures.isEmpty()) {
      sb.append(" (");
      boolean first = true;
      for (Map.Entry<String, String> e : failures.entrySet()) {
        if (!first) {
          sb.append("; ");
        }
        sb.append(e.getKey()).append(": ").append(e.getValue());
        first = false;
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /**
   * The method of the request that got no answer.
   *
   * @return {@code GET}, {@code PUT}, …
   */
  public String requestMethod() {
    return method;
  }

  /**
   * The URL of the request that got no answer, on the last node tried.
   *
   * @return the URL without user info, secret query values masked
   */
  public String requestUrl() {
    return url;
  }

  /**
   * Every node tried, in order, with the failure seen there: with an HA cluster, this tells a node that is down
   * from one that refused TLS.
   *
   * @return node URL to failure text (masked), unmodifiable, in the order tried
   */

  public Map<String, String> failures() {
    return failures;
  }
}
