package io.github.cloudify4j.cli;

/** A command that stops before changing anything because it was not confirmed: exit {@link Exit#REFUSED}. */
final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Refused(String message) {
    super(message);
  }
}
