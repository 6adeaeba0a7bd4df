package io.github.cloudify4j.snapshots.restore;

/**
 * A restore that refused to go on: {@link #code()} says why (the manager is not empty, the archive is too new,
 * another restore is running …). A {@link RestoreFailedException}, so existing handlers still see it; its {@link
 * #report()} names the step and the state the manager was left in.
 */
public final class RestoreRefusedException extends RestoreFailedException {
  private static final long serialVersionUID = 1L;

  private final transient RestoreRefusal refusal;

  RestoreRefusedException(RestoreReport report, RestoreRefusal refusal, Throwable cause) {
    super(report, cause);
    this.refusal = refusal;
  }

  /** {@return why the restore was refused, as a code to branch on (never the message text)} */
  public RestoreRefusal.Code code() {
    return refusal.code();
  }

  /** {@return the refusal: its code, message and details} */
  public RestoreRefusal refusal() {
    return refusal;
  }
}
