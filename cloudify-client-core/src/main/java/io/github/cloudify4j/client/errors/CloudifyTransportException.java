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

  public String requestMethod() {
    return method;
  }

  public String requestUrl() {
    return url;
  }

  /** Every node tried, in order, with the failure seen there. */
  public Map<String, String> failures() {
    return failures;
  }
}
