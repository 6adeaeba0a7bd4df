package io.github.cloudify4j.client.spi;

import io.github.cloudify4j.client.InternalApi;

import io.github.cloudify4j.client.internal.Redaction;

/**
 * Masks secrets in text a module is about to log, report or put in a message. Server error texts can quote
 * workflow parameters, which hold the manager's database password, or echo the request's headers; every boundary
 * where server text becomes a message, a log line, a report or a {@code toString()} goes through this one function
 * (the core's own boundaries and {@link io.github.cloudify4j.client.errors.CloudifyException}'s constructor call
 * the same code).
 *
 * <p>It keeps the key (or the scheme) and replaces the value by {@code ****}: values of secret-named keys (password,
 * token, secret, api key, private/ssh key, credential, authorization, cookie …) in JSON, Python, YAML,
 * {@code key=value}, {@code key: value}, command-line and XML forms, quoted or not; echoed {@code Authorization},
 * {@code Authentication-Token}, {@code API-Token}, {@code Execution-Token}, {@code Cookie} headers; the password of
 * a URL's user info; {@code ctok-} API tokens; PEM private key bodies. Prose that only names a secret stays as it
 * is, and masking twice changes nothing.
 */
@InternalApi
public final class Secrets {
  private Secrets() {}

  /**
   * The text with every recognisable secret value replaced by {@code ****}; null stays null.
   *
   * @param text any text, e.g. a server's error message
   * @return the masked text
   */

  public static String mask(String text) {
    return Redaction.redactText(text);
  }
}
