package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;

import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyLocalIoException;
import io.github.cloudify4j.snapshots.archive.ArchiveProblem.Code;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Checks that a file is a whole zip without reading its data: it must end with an end-of-central-directory record
 * (zip64 included), the central directory must lie exactly before that record, and walking it entry by entry must
 * give the number of entries the record announces, each with a local header inside the data area. A body cut
 * anywhere, a body padded, an HTML page, or a zip whose directory disagrees with itself all fail. Costs one read of
 * the central directory (about 100 bytes an entry), in constant memory.
 *
 * <p>With {@link Limits} (for an inspection, which then opens the zip with {@link java.util.zip.ZipFile}, which
 * holds the whole central directory in memory), the entry count and the directory's size are bounded before
 * anything is loaded, and entries whose data overlap (a zip bomb's trick) are refused.
 */
@InternalApi
public final class ZipCheck {
  private static final int EOCD_SIG = 0x06054b50;
  private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
  private static final int ZIP64_EOCD_SIG = 0x06064b50;
  private static final int CEN_SIG = 0x02014b50;
  private static final int LOC_SIG = 0x04034b50;
  private static final int EOCD_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;
  private static final int LOC_HEADER = 30;

  private ZipCheck() {}

  /** Bounds for an inspection; {@code cancelled} is polled every few thousand entries. */
  public static final class Limits {
    final long maxEntries;
    final long maxCentralDirectoryBytes;
    final BooleanSupplier cancelled;

    public Limits(long maxEntries, long maxCentralDirectoryBytes, BooleanSupplier cancelled) {
      this.maxEntries = maxEntries;
      this.maxCentralDirectoryBytes = maxCentralDirectoryBytes;
      this.cancelled = cancelled;
    }
  }

  /**
   * Checks a downloaded file (no limits, no overlap check: constant memory whatever the entry count).
   *
   * @param file the file to check
   * @param shownAs the path named in the exception (the download's target, not its temporary file)
   * @throws InvalidSnapshotArchiveException when the file is not a whole zip
   * @throws CloudifyInterruptedException when the thread is interrupted (the flag stays set)
   */
  public static void verify(Path file, Path shownAs) {
    verify(file, shownAs, null);
  }

  /** Checks a file; with {@code limits}, also bounds it and refuses overlapping entries. */
  public static void verify(Path file, Path shownAs, Limits limits) {
    if (Thread.currentThread().isInterrupted()) {
      throw new CloudifyInterruptedException("interrupted before checking the archive " + shownAs, null);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      new Walk(channel, shownAs, limits).run();
    } catch (java.nio.channels.ClosedByInterruptException e) {
      Thread.currentThread().interrupt(); // set already by the channel; kept for the caller
      throw new CloudifyInterruptedException("interrupted while checking the archive " + shownAs, e);
    } catch (EOFException e) {
      throw new InvalidSnapshotArchiveException(shownAs, Code.MALFORMED_ZIP,
          "the zip ends inside its own records: it is damaged", e);
    } catch (IOException e) {
      throw new CloudifyLocalIoException("cannot read the archive " + file, file, e);
    }
  }

  private static final class Walk {
    private final FileChannel channel;
    private final Path shownAs;
    private final Limits limits;

    Walk(FileChannel channel, Path shownAs, Limits limits) {
      this.channel = channel;
      this.shownAs = shownAs;
      this.limits = limits;
    }

    private InvalidSnapshotArchiveException bad(String what) {
      return bad(Code.MALFORMED_ZIP, what);
    }

    private InvalidSnapshotArchiveException bad(Code code, String what) {
      return new InvalidSnapshotArchiveException(shownAs, code, what, null);
    }

    void run() throws IOException {
      long size = channel.size();
      if (size < EOCD_SIZE) {
        throw bad("not a zip file: " + size + " bytes, too short for one");
      }
      int tailLength = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
      ByteBuffer tail = read(size - tailLength, tailLength);
      int at = -1;
      for (int i = tailLength - EOCD_SIZE; i >= 0; i--) {
        if (tail.getInt(i) == EOCD_SIG && i + EOCD_SIZE + (tail.getShort(i + 20) & 0xFFFF) == tailLength) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        throw bad("not a zip file, or a truncated one: it does not end with a zip's end-of-central-directory"
            + " record");
      }
      long eocd = size - tailLength + at;
      int disk = tail.getShort(at + 4) & 0xFFFF;
      int cenDisk = tail.getShort(at + 6) & 0xFFFF;
      long entries = tail.getShort(at + 10) & 0xFFFF;
      long cenSize = tail.getInt(at + 12) & 0xFFFFFFFFL;
      long cenOffset = tail.getInt(at + 16) & 0xFFFFFFFFL;
      long cenEnd = eocd;
      boolean hasLocator = eocd >= 20 && read(eocd - 20, 4).getInt(0) == ZIP64_LOCATOR_SIG;
      if (hasLocator) {
        ByteBuffer locator = read(eocd - 20, 20);
        long zip64Eocd = locator.getLong(8);
        if (zip64Eocd < 0 || zip64Eocd > eocd - 20 - 56) {
          throw bad("its zip64 end record lies outside the file: the zip is damaged");
        }
        ByteBuffer record = read(zip64Eocd, 56);
        if (record.getInt(0) != ZIP64_EOCD_SIG || zip64Eocd + 12 + record.getLong(4) != eocd - 20) {
          throw bad("its zip64 end record is not where its locator says: the zip is damaged");
        }
        disk = record.getInt(16);
        cenDisk = record.getInt(20);
        entries = record.getLong(32);
        cenSize = record.getLong(40);
        cenOffset = record.getLong(48);
        cenEnd = zip64Eocd;
      } else if (entries == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL) {
        throw bad("its end record needs a zip64 record that is missing: the zip is damaged");
      }
      if (disk != 0 || cenDisk != 0) {
        throw bad("it is one part of a split (multi-disk) zip, which no manager writes");
      }
      if (entries <= 0) {
        throw bad("the zip is empty");
      }
      if (cenOffset < 0 || cenSize < 0 || cenOffset + cenSize != cenEnd) {
        throw bad("its central directory (" + cenSize + " bytes at " + cenOffset + ") does not end where the end"
            + " record begins (" + cenEnd + "): the file is truncated, padded or damaged");
      }
      if (limits != null) {
        if (entries > limits.maxEntries) {
          throw bad(Code.TOO_MANY_ENTRIES, "the zip announces " + entries + " entries, more than the "
              + limits.maxEntries + " an inspection reads");
        }
        if (cenSize > limits.maxCentralDirectoryBytes) {
          throw bad(Code.TOO_MANY_ENTRIES, "its central directory is " + cenSize + " bytes, more than the "
              + limits.maxCentralDirectoryBytes + " an inspection reads");
        }
      }
      if (read(0, 4).getInt(0) != LOC_SIG) {
        throw bad("it does not begin with a zip entry");
      }
      walk(cenOffset, cenSize, entries);
    }

    /** Reads every central directory entry; counts them and checks where their data lies. */
    private void walk(long cenOffset, long cenSize, long entries) throws IOException {
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(cenOffset)), 64 * 1024);
      byte[] header = new byte[46];
      ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      // For the overlap check: each entry's start, and the least end its data can have.
      long[] starts = limits == null ? null : new long[(int) entries];
      long[] ends = limits == null ? null : new long[(int) entries];
      long read = 0;
      int count = 0;
      while (read < cenSize) {
        if ((count & 0xFFF) == 0) {
          checkCancelled();
        }
        if (count >= entries) {
          throw bad("its central directory holds more entries than its end record says (" + entries + ")");
        }
        if (cenSize - read < 46) {
          throw bad("its central directory ends inside an entry");
        }
        readFully(in, header);
        if (h.getInt(0) != CEN_SIG) {
          throw bad("its central directory is damaged at entry " + count);
        }
        int nameLength = h.getShort(28) & 0xFFFF;
        int extraLength = h.getShort(30) & 0xFFFF;
        int commentLength = h.getShort(32) & 0xFFFF;
        long compressed = h.getInt(20) & 0xFFFFFFFFL;
        long uncompressed = h.getInt(24) & 0xFFFFFFFFL;
        long local = h.getInt(42) & 0xFFFFFFFFL;
        read += 46 + nameLength + extraLength + commentLength;
        if (read > cenSize) {
          throw bad("its central directory ends inside an entry");
        }
        skipFully(in, nameLength);
        if (extraLength > 0 && (compressed == 0xFFFFFFFFL || uncompressed == 0xFFFFFFFFL
            || local == 0xFFFFFFFFL)) {
          // zip64: the real values are in the extra field 0x0001, in the order uncompressed, compressed, local
          byte[] extra = new byte[extraLength];
          readFully(in, extra);
          ByteBuffer x = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
          for (int p = 0; p + 4 <= extraLength; ) {
            int id = x.getShort(p) & 0xFFFF;
            int length = x.getShort(p + 2) & 0xFFFF;
            if (id == 0x0001) {
              int q = p + 4;
              if (uncompressed == 0xFFFFFFFFL && q + 8 <= p + 4 + length && q + 8 <= extraLength) {
                q += 8;
              }
              if (compressed == 0xFFFFFFFFL && q + 8 <= p + 4 + length && q + 8 <= extraLength) {
                compressed = x.getLong(q);
                q += 8;
              }
              if (local == 0xFFFFFFFFL && q + 8 <= p + 4 + length && q + 8 <= extraLength) {
                local = x.getLong(q);
              }
              break;
            }
            p += 4 + length;
          }
        } else {
          skipFully(in, extraLength);
        }
        skipFully(in, commentLength);
        if (local < 0 || local >= cenOffset) {
          throw bad("entry " + count + " of its central directory points past the data");
        }
        if (starts != null) {
          starts[count] = local;
          ends[count] = local + LOC_HEADER + nameLength + Math.max(0, compressed);
        }
        count++;
      }
      if (count != entries) {
        throw bad("its central directory holds " + count + " entries where its end record says " + entries);
      }
      if (starts != null) {
        checkOverlaps(starts, ends, cenOffset);
      }
    }

    /**
     * No entry's data may run into the next entry's (the least extent of an entry is its local header, name and
     * compressed data; zip tools lay entries one after the other). Entries sharing data is how a 1 MiB zip makes
     * a reader inflate one large member hundreds of times.
     */
    private void checkOverlaps(long[] starts, long[] ends, long cenOffset) {
      int n = starts.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
      for (int k = 0; k < n; k++) {
        long end = ends[order[k]];
        long next = k + 1 < n ? starts[order[k + 1]] : cenOffset;
        if (end > next || end < 0) {
          throw bad(Code.OVERLAPPING_ENTRIES, "entries of the zip share their data (entry " + order[k]
              + " runs into " + (k + 1 < n ? "entry " + order[k + 1] : "the central directory")
              + "), a zip bomb's trick no zip tool writes");
        }
      }
    }

    private void checkCancelled() {
      if (Thread.currentThread().isInterrupted()) {
        throw new CloudifyInterruptedException("interrupted while checking the archive " + shownAs, null);
      }
      if (limits != null && limits.cancelled.getAsBoolean()) {
        throw new CloudifyInterruptedException("cancelled while checking the archive " + shownAs, null);
      }
    }

    private ByteBuffer read(long position, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new EOFException();
        }
      }
      buffer.flip();
      return buffer;
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
      int off = 0;
      while (off < b.length) {
        int n = in.read(b, off, b.length - off);
        if (n < 0) {
          throw new EOFException();
        }
        off += n;
      }
    }

    private static void skipFully(InputStream in, long n) throws IOException {
      while (n > 0) {
        long skipped = in.skip(n);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new EOFException();
          }
          skipped = 1;
        }
        n -= skipped;
      }
    }
  }
}
