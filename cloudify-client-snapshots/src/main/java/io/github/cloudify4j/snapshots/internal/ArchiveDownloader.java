package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.TransferListener;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;

/**
 * Downloads an archive to a temporary file beside the target, checks it, and moves it into place atomically, so
 * that the target either does not exist or is complete. A transfer that breaks off is resumed with a
 * {@code Range} request when the server honours it, and started over when it does not.
 */
public final class ArchiveDownloader {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveDownloader.class);
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final SnapshotsApi api;
  private final ClientContext context;

  public ArchiveDownloader(SnapshotsApi api, ClientContext context) {
    this.api = api;
    this.context = context;
  }

  public DownloadResult download(String snapshotId, Path target, DownloadOptions options) {
    Instant start = context.clock().instant();
    Path dir = target.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file in " + dir, e);
    }
    boolean moved = false;
    try {
      MessageDigest digest = options.sha256() ? sha256() : null;
      long written = 0;
      int attempt = 0;
      TransferListener listener = options.listener();
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        while (true) {
          attempt++;
          try {
            written = transfer(snapshotId, out, written, digest, listener);
            break;
          } catch (TransferBrokenException e) {
            if (attempt >= options.maxAttempts()) {
              throw e.toTransportException(snapshotId, context.currentManager().toString(), attempt);
            }
            LOG.info("Download of snapshot {} broke off after {} bytes ({}); attempt {}/{} resumes",
                snapshotId, e.written, e.getMessage(), attempt + 1, options.maxAttempts());
            written = e.written;
          } catch (CloudifyTransportException | ServerUnavailableException e) {
            if (attempt >= options.maxAttempts()) {
              throw e;
            }
            LOG.info("Download of snapshot {} failed ({}); attempt {}/{}", snapshotId, e.getMessage(),
                attempt + 1, options.maxAttempts());
          }
          pause(attempt);
        }
        out.force(true);
      }
      if (options.verifyZip()) {
        verifyZip(tmp, target);
      }
      move(tmp, target, options.overwrite());
      moved = true;
      String hex = digest == null ? null : hex(digest.digest());
      return new DownloadResult(target, written, hex, Duration.between(start, context.clock().instant()), attempt);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the archive of snapshot " + snapshotId + " to " + target, e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.warn("Could not delete the partial download {}: {}", tmp, e.toString());
        }
      }
    }
  }

  /** Streams one response into {@code out} from {@code written}; returns the bytes written in all. */
  private long transfer(String snapshotId, FileChannel out, long written, MessageDigest digest,
      TransferListener listener) throws IOException {
    String range = written > 0 ? "bytes=" + written + "-" : null;
    Response<ResponseBody> response = api.download(Arguments.encodePathSegment(snapshotId), range, RequestOptions.none());
    try (ResponseBody body = response.body()) {
      if (body == null) {
        throw new TransferBrokenException(written, -1, "no body");
      }
      long total;
      String contentRange = response.headers().get("Content-Range");
      Matcher m = CONTENT_RANGE.matcher(String.valueOf(contentRange));
      boolean partial = response.code() == 206;
      if (partial && !(written > 0 && m.matches() && Long.parseLong(m.group(1)) == written)) {
        // Part of the archive, but not the part asked for: neither appendable nor the whole. Start over.
        out.truncate(0);
        out.position(0);
        if (digest != null) {
          digest.reset();
        }
        if (written > 0) {
          listener.onRestart(0);
        }
        throw new TransferBrokenException(0, -1, "the server answered 206 with Content-Range " + contentRange
            + " to " + (range == null ? "a request without Range" : range));
      }
      if (written > 0) {
        if (partial) {
          total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
          listener.onRestart(written);
        } else {
          out.truncate(0);
          out.position(0);
          written = 0;
          if (digest != null) {
            digest.reset();
          }
          listener.onRestart(0);
          total = body.contentLength();
        }
      } else {
        total = body.contentLength();
      }
      BufferedSource source = body.source();
      // Direct, and filled before each write: Okio hands out at most one 8 KiB segment per read, and a heap buffer
      // would be copied once more into a direct one by the file channel.
      ByteBuffer buffer = ByteBuffer.allocateDirect(ArchiveBodies.CHUNK);
      boolean end = false;
      while (!end) {
        try {
          while (buffer.hasRemaining()) {
            if (source.read(buffer) < 0) {
              end = true;
              break;
            }
          }
        } catch (IOException e) {
          if (Thread.currentThread().isInterrupted()) {
            throw new CloudifyInterruptedException("interrupted while downloading snapshot " + snapshotId, e);
          }
          written += flush(buffer, out, digest);
          throw new TransferBrokenException(written, total, describe(e));
        }
        int n = flush(buffer, out, digest);
        if (n > 0) {
          written += n;
          listener.onProgress(written, total);
        }
      }
      if (total >= 0 && written != total) {
        throw new TransferBrokenException(written, total, "the body ended early");
      }
      return written;
    }
  }

  /** Writes what the buffer holds to the file (and the digest) and empties it; returns the byte count. */
  private static int flush(ByteBuffer buffer, FileChannel out, MessageDigest digest) throws IOException {
    buffer.flip();
    int n = buffer.remaining();
    if (digest != null) {
      digest.update(buffer.duplicate());
    }
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
    buffer.clear();
    return n;
  }

  private void pause(int attempt) {
    Sleeper sleeper = context.sleeper();
    try {
      sleeper.sleep(context.retryPolicy().backoff(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudifyInterruptedException("interrupted while waiting to resume a download", e);
    }
  }

  private static void verifyZip(Path file, Path target) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() == 0) {
        throw new InvalidSnapshotArchiveException(target, "the downloaded archive is an empty zip", null);
      }
    } catch (IOException e) {
      throw new InvalidSnapshotArchiveException(target, "the downloaded file is not a readable zip archive", e);
    }
  }

  private static void move(Path tmp, Path target, boolean overwrite) throws IOException {
    if (overwrite) {
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      // A hard link fails when the target exists, so nothing is ever overwritten, even in a race.
      Files.createLink(target, tmp);
      Files.delete(tmp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      Files.move(tmp, target);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** The body broke off after {@code written} bytes. */
  private static final class TransferBrokenException extends IOException {
    private static final long serialVersionUID = 1L;
    final long written;
    final long total;

    TransferBrokenException(long written, long total, String message) {
      super(message);
      this.written = written;
      this.total = total;
    }

    CloudifyTransportException toTransportException(String snapshotId, String node, int attempts) {
      String what = "download broke off after " + written + (total >= 0 ? " of " + total : "") + " bytes ("
          + getMessage() + ")" + (attempts > 1 ? " in each of " + attempts + " attempts" : "");
      return new CloudifyTransportException("GET", node + "/api/v3.1/snapshots/" + snapshotId + "/archive",
          Collections.singletonMap(node, what), this);
    }
  }
}
