package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;

import io.github.cloudify4j.snapshots.TransferListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Request bodies that stream an archive with a known length ({@code Content-Length}, not chunked: nginx would
 * buffer a chunked body anyway) in 256 KiB chunks, reporting progress.
 */
@InternalApi
public final class ArchiveBodies {
  static final int CHUNK = 256 * 1024;
  /**
   * Upload chunks match Okio's segment pool (64 KiB): each chunk's segments go back to the pool once written, so a
   * multi-gigabyte upload allocates next to nothing instead of one 8 KiB array per segment.
   */
  static final int UPLOAD_CHUNK = 64 * 1024;
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private ArchiveBodies() {}

  /** A replayable body from a file: safe to retry. */
  public static RequestBody fromPath(Path file, long size, TransferListener listener) {
    return new RequestBody() {
      private final AtomicBoolean started = new AtomicBoolean();

      @Override
      public MediaType contentType() {
        return OCTET_STREAM;
      }

      @Override
      public long contentLength() {
        return size;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        if (started.getAndSet(true)) {
          listener.onRestart(0);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
          ByteBuffer buffer = ByteBuffer.allocateDirect(UPLOAD_CHUNK); // no hidden copy in the file channel
          long done = 0;
          while (done < size) {
            buffer.clear();
            if (size - done < UPLOAD_CHUNK) {
              buffer.limit((int) (size - done));
            }
            int n = channel.read(buffer);
            if (n < 0) {
              throw new IOException("archive " + file + " shrank while being uploaded (" + done + " of " + size
                  + " bytes read)");
            }
            buffer.flip();
            sink.write(buffer);
            done += n;
            listener.onProgress(done, size);
          }
        }
      }
    };
  }

  /** A one-shot body from a stream: never retried (the stream cannot be rewound). */
  public static RequestBody fromStream(InputStream in, long size, TransferListener listener) {
    return new RequestBody() {
      private final AtomicBoolean used = new AtomicBoolean();

      @Override
      public MediaType contentType() {
        return OCTET_STREAM;
      }

      @Override
      public long contentLength() {
        return size;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        if (used.getAndSet(true)) {
          throw new IOException("an InputStream upload cannot be sent twice");
        }
        byte[] buffer = new byte[CHUNK];
        long done = 0;
        while (done < size) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - done));
          if (n < 0) {
            throw new IOException("the stream ended after " + done + " of the " + size + " bytes announced");
          }
          sink.write(buffer, 0, n);
          done += n;
          listener.onProgress(done, size);
        }
      }
    };
  }
}
