package io.github.cloudify4j.snapshots;

import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;

/**
 * The manager (or whatever answered in its place) sent something that is not an archive to save: an answer with a
 * content type that no manager sends for an archive (a proxy's HTML login page, a JSON body), or a
 * {@code Content-Length} that is negative or not a number. Refused before anything was written; nothing is left on
 * disk. The checks can be turned off in {@link DownloadOptions}.
 */
public final class DownloadRefusedException extends CloudifyInvalidResponseException {
  private static final long serialVersionUID = 1L;

  /** Why the answer was refused. */
  public enum Reason {
    /** Its {@code Content-Type} is not an archive type ({@link DownloadOptions.Builder#checkContentType}). */
    NOT_AN_ARCHIVE_TYPE,
    /** Its {@code Content-Length} is negative, not a number, or given twice with different values. */
    BAD_CONTENT_LENGTH
  }

  private final Reason reason;

  /**
   * An exception for a refused download answer.
   *
   * @param reason which check refused it
   * @param message what was refused, for a person (the content type or length that was seen)
   * @param statusCode the HTTP status of the answer
   * @param method the request's method
   * @param url the request's URL, already masked
   * @throws NullPointerException if {@code reason} is null
   */
  public DownloadRefusedException(Reason reason, String message, int statusCode, String method, String url) {
    super(message, statusCode, method, url, null);
    this.reason = java.util.Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * Which check refused the answer: tells a proxy's page (turn the proxy off, or the check if the manager really
   * sends that type) from a broken length.
   *
   * @return the reason
   */
  public Reason reason() {

    return reason;
  }
}
