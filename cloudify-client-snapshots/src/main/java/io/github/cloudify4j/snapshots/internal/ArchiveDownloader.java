package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;

import io.github.cloudify4j.client.Sleeper;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyLocalIoException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ResponseTooLargeException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadRefusedException;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.TransferListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Protocol;
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
@InternalApi
public final class ArchiveDownloader {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveDownloader.class);
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,19}");
  /** What managers send ({@code application/octet-stream}, 5.x to 7.x), S3's default, and the zip types. */
  static final Set<String> ARCHIVE_TYPES = new HashSet<>(Arrays.asList("application/octet-stream",
      "binary/octet-stream", "application/zip", "application/x-zip-compressed", "application/x-zip"));
  private static final long MIB = 1024 * 1024;

  private final SnapshotsApi api;
  private final ClientContext context;

  public ArchiveDownloader(SnapshotsApi api, ClientContext context) {
    this.api = api;
    this.context = context;
  }

  /** Downloads with resumption; every request of it carries {@code call}. */
  public DownloadResult download(String snapshotId, Path target, DownloadOptions options, CallOptions call) {
    Instant start = context.clock().instant();
    Path dir = target.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new CloudifyLocalIoException("cannot create a temporary file in " + dir, dir, e);
    }
    boolean moved = false;
    try {
      Limit limit = limit(dir, options);
      MessageDigest digest = options.sha256() ? sha256() : null;
      long written = 0;
      int attempt = 0;
      TransferListener listener = options.listener();
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        while (true) {
          attempt++;
          try {
            written = transfer(snapshotId, out, written, digest, listener, options, limit, call);
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
        ZipCheck.verify(tmp, target);
      }
      move(tmp, target, options.overwrite());
      moved = true;
      String hex = digest == null ? null : hex(digest.digest());
      return new DownloadResult(target, written, hex, Duration.between(start, context.clock().instant()), attempt);
    } catch (IOException e) {
      throw new CloudifyLocalIoException("cannot write the archive of snapshot " + snapshotId + " to " + target, target,
          e);
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
      TransferListener listener, DownloadOptions options, Limit limit, CallOptions call) throws IOException {
    String range = written > 0 ? "bytes=" + written + "-" : null;
    Response<ResponseBody> response = api.download(Arguments.encodePathSegment(snapshotId), range, call);
    try (ResponseBody body = response.body()) {
      String url = context.currentManager() + "/api/v3.1/snapshots/" + snapshotId + "/archive";
      checkHeaders(response, options, url);
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
      if (total > limit.bytes) {
        throw limit.exceeded(total, response.code(), url); // before a byte of it is written
      }
      BufferedSource source = body.source();
      socketTimeoutOnly(source, response.raw().protocol());
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
          if (written + buffer.position() > limit.bytes) {
            throw limit.exceeded(-1, response.code(), url);
          }
          written += flush(buffer, out, digest);
          throw new TransferBrokenException(written, total, describe(e));
        }
        if (written + buffer.position() > limit.bytes) {
          throw limit.exceeded(-1, response.code(), url); // what passes the limit is never written
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

  /**
   * Leaves the body's read timeout to the socket alone. Over HTTP/1.1 OkHttp sets the read timeout twice for each
   * exchange: as the socket's {@code SO_TIMEOUT}, which bounds every read in the kernel's wait at no cost, and as
   * Okio's timeout of the connection's source, which Okio enforces by queueing each read with its watchdog thread
   * and waking that thread when the queue was empty, as it always is here. Okio reads a socket 8 KiB at a time, so
   * a 1 GiB download queued 131,072 reads and woke the watchdog as often: about 0.5 s of CPU in that thread and
   * 0.3 s in the downloading one per GiB, a third of the download's CPU (benchmarks/README.md). Clearing Okio's
   * copy for this body keeps the same limit (a stalled read still fails with a {@code SocketTimeoutException}
   * after the read timeout, and the download resumes or fails as for any broken transfer); OkHttp sets both again
   * for the connection's next exchange. Over HTTP/2 the socket has no timeout (OkHttp times each stream), so the
   * stream's timeout stays.
   */
  static void socketTimeoutOnly(BufferedSource source, Protocol protocol) {
    if (protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0) {
      source.timeout().clearTimeout();
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

  /**
   * Refuses, before anything is written, an answer that cannot be the archive: a content type no manager sends
   * for one, or a {@code Content-Length} that is not one non-negative number (OkHttp would fail later with a raw
   * {@code IllegalArgumentException}, or read a malformed one as "no length").
   */
  private static void checkHeaders(Response<ResponseBody> response, DownloadOptions options, String url) {
    int code = response.code();
    if (options.checkContentType()) {
      String contentType = response.headers().get("Content-Type");
      if (contentType != null) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!ARCHIVE_TYPES.contains(type)) {
          throw new DownloadRefusedException(DownloadRefusedException.Reason.NOT_AN_ARCHIVE_TYPE,
              "The answer is not an archive: its Content-Type is " + printable(type) + ", and managers send "
                  + "application/octet-stream (a proxy's login or error page?). Nothing was written; "
                  + "DownloadOptions.checkContentType(false) accepts any type", code, "GET", url);
        }
      }
    }
    List<String> lengths = response.headers().values("Content-Length");
    for (String length : lengths) {
      if (!isByteCount(length) || !length.trim().equals(lengths.get(0).trim())) {
        throw new DownloadRefusedException(DownloadRefusedException.Reason.BAD_CONTENT_LENGTH,
            "The answer's Content-Length " + (lengths.size() > 1 ? lengths.size() + " values " : "")
                + printable(String.join(", ", lengths)) + " is not a byte count. Nothing was written", code, "GET",
            url);
      }
    }
  }

  private static boolean isByteCount(String value) {
    String v = value.trim();
    if (!DECIMAL.matcher(v).matches()) {
      return false;
    }
    try {
      Long.parseLong(v);
      return true;
    } catch (NumberFormatException e) {
      return false; // over Long.MAX_VALUE
    }
  }

  /** At most 60 printable ASCII characters of server text. */
  private static String printable(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length() && i < 60; i++) {
      char c = text.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.append(text.length() > 60 ? "…\"" : "\"").toString();
  }

  /** The download's size limit, and where it comes from. */
  private static final class Limit {
    final long bytes;
    final String origin;

    Limit(long bytes, String origin) {
      this.bytes = bytes;
      this.origin = origin;
    }

    ResponseTooLargeException exceeded(long announced, int code, String url) {
      String size = announced >= 0 ? "announces " + ResponseTooLargeException.humanBytes(announced)
          : "passed " + ResponseTooLargeException.humanBytes(bytes);
      return new ResponseTooLargeException("The archive " + size + ", more than the download may write ("
          + ResponseTooLargeException.humanBytes(bytes) + ": " + origin + "). Nothing was left on disk", bytes,
          code, "GET", url);
    }
  }

  /**
   * {@link DownloadOptions#maxBytes()}, else the usable space of the target's file store less a margin (5 % of
   * the store, at least 64 MiB, at most 1 GiB), else no limit when the store does not say.
   */
  private static Limit limit(Path dir, DownloadOptions options) throws IOException {
    if (options.maxBytes().isPresent()) {
      return new Limit(options.maxBytes().getAsLong(), "DownloadOptions.maxBytes");
    }
    FileStore store = Files.getFileStore(dir);
    long usable = store.getUsableSpace();
    long total = store.getTotalSpace();
    if (usable <= 0 || total <= 0) {
      return new Limit(Long.MAX_VALUE, "no limit");
    }
    long margin = Math.min(1024 * MIB, Math.max(64 * MIB, total / 20));
    return new Limit(Math.max(0, usable - margin), "the usable space of " + dir + "'s file store, "
        + ResponseTooLargeException.humanBytes(usable) + ", less " + ResponseTooLargeException.humanBytes(margin)
        + " kept free; set DownloadOptions.maxBytes to choose");
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
