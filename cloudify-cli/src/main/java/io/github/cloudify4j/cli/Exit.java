package io.github.cloudify4j.cli;

/**
 * The exit codes, stable and documented in {@code docs/cli.md}: scripts and cron jobs branch on them, so a value
 * never changes meaning.
 */
final class Exit {
  /** Done: everything the command was asked to do was done. */
  static final int OK = 0;
  /** Failed: the command ran and did not get there (the manager said no, a step failed, unreachable). */
  static final int FAILED = 1;
  /** Bad usage: an unknown option, a bad value, no manager; nothing was sent. */
  static final int USAGE = 2;
  /** Refused: needs a confirmation ({@code --yes}) or the workflow refused before it changed anything. */
  static final int REFUSED = 3;
  /** Partial: it ran to the end, but something is missing (a PARTIAL restore), or the doctor found warnings. */
  static final int PARTIAL = 4;

  private Exit() {}
}
