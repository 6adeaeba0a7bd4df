package io.github.cloudify4j.client.errors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A local file could not be read or written: an archive to inspect or upload is missing or unreadable, a download
 * cannot create its temporary file, write, or move it into place (the disk is full, the target appeared meanwhile).
 * Nothing was wrong with the manager or the network; the archive may well be fine. {@link #path()} names the file,
 * {@link #getCause()} is the {@link IOException} the file system gave ({@code NoSuchFileException},
 * {@code AccessDeniedException}, {@code FileAlreadyExistsException} …).
 *
 * <p>cloudify4j never lets a bare {@link java.io.UncheckedIOException} out: whatever the server, the network or the
 * local file system causes is a {@link CloudifyException}.
 */
public class CloudifyLocalIoException extends CloudifyException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * A local file failure, typed so that {@code catch (CloudifyException e)} sees it too.
   *
   * @param message what was being done, naming the file
   * @param path the file concerned, or null when there is none to name
   * @param cause the file system's exception
   */
  public CloudifyLocalIoException(String message, Path path, IOException cause) {
    super(message + (cause == null ? "" : ": " + describe(cause)), Objects.requireNonNull(cause, "cause == null"));
    this.path = path;
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }

  /**
   * The local file concerned, if known (not kept through serialization).
   *
   * @return the path the operation read or wrote, or empty
   */

  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** The file system's exception. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
