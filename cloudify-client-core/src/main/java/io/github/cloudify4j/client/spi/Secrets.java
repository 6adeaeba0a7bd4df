package io.github.cloudify4j.client.spi;

import io.github.cloudify4j.client.internal.Redaction;

/**
 * Masks secrets in text a module is about to log, report or put in a message: values of password-, token- and
 * secret-named keys (JSON, Python-dict and {@code key=value} forms) and {@code ctok-} tokens. Server error texts can
 * quote workflow parameters, which hold the manager's database password.
 */
public final class Secrets {
  private Secrets() {}

  /** The text with every recognisable secret value replaced by {@code ****}; null stays null. */
  public static String mask(String text) {
    return Redaction.redactText(text);
  }
}
