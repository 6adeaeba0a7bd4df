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

  public ArchiveStream(InputStream in, long contentLength, AutoCloseable resource) {
    super(in);
    this.contentLength = contentLength;
    this.resource = resource;
  }

  /** The archive's size as the server announced it, if it did. */
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
