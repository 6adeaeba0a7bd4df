package io.github.cloudify4j.snapshots;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * A snapshot archive being read straight from the manager, for callers who stream it elsewhere (object storage,
 * another manager). Close it: it holds a connection.
 */
public final class ArchiveStream extends FilterInputStream {
  private final long contentLength;
  private final AutoCloseable resource;

  /**
   * A stream over {@code in} that also closes {@code resource} (the HTTP response) when closed. Made by
   * {@code Snapshots}; public so that a test can stand one in.
   *
   * @param in the archive's bytes
   * @param contentLength the announced size in bytes, or -1 when unknown
   * @param resource closed after {@code in}, even if closing {@code in} fails
   */
  public ArchiveStream(InputStream in, long contentLength, AutoCloseable resource) {
    super(in);
    this.contentLength = contentLength;
    this.resource = resource;
  }

  /**
   * The archive's size as the server announced it, if it did: for a progress bar or to pre-size an upload. It is
   * not checked here; fewer bytes than announced end in an {@link IOException} from {@code read}.
   *
   * @return the {@code Content-Length}, or empty
   */

  public OptionalLong contentLength() {
    return contentLength >= 0 ? OptionalLong.of(contentLength) : OptionalLong.empty();
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      try {
        resource.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }
}
