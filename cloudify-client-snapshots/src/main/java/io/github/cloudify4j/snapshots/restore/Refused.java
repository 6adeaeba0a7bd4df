package io.github.cloudify4j.snapshots.restore;

/** A check refused the restore; carries the typed refusal to the report and the exception. */
final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient RestoreRefusal refusal;

  Refused(RestoreRefusal refusal, Throwable cause) {
    super(refusal.message(), cause);
    this.refusal = refusal;
  }
}
