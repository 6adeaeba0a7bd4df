package io.github.cloudify4j.client.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown inside the OkHttp chain when no node answered; becomes a {@code CloudifyTransportException}. */
final class AllNodesFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, String> failures;

  AllNodesFailedException(Map<String, String> failures, IOException last) {
    super(describe(failures), last);
    this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  Map<String, String> failures() {
    return failures;
  }

  private static String describe(Map<String, String> failures) {
    return failures.size() == 1 ? "the manager did not answer" : "no manager node answered";
  }
}
