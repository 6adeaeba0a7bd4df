package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that a file is a whole zip without reading its data: it must end with an end-of-central-directory record
 * (zip64 included), the central directory must lie exactly before that record, and walking it entry by entry must
 * give the number of entries the record announces, each with a local header inside the data area. A body cut
 * anywhere, a body padded, an HTML page, or a zip whose directory disagrees with itself all fail. Costs one read of
 * the central directory (about 100 bytes an entry), in constant memory.
 */
public final class ZipCheck {
  private static final int EOCD_SIG = 0x06054b50;
  private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
  private static final int ZIP64_EOCD_SIG = 0x06064b50;
  private static final int CEN_SIG = 0x02014b50;
  private static final int LOC_SIG = 0x04034b50;
  private static final int EOCD_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  private ZipCheck() {}

  /**
   * @param file the file to check
   * @param shownAs the path named in the exception (the download's target, not its temporary file)
   * @throws InvalidSnapshotArchiveException when the file is not a whole zip
   * @throws CloudifyInterruptedException when the thread is interrupted (the flag stays set)
   */
  public static void verify(Path file, Path shownAs) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      new Walk(channel, shownAs).run();
    } catch (EOFException e) {
      throw new InvalidSnapshotArchiveException(shownAs, "the zip ends inside its own records: it is damaged", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the downloaded archive " + file, e);
    }
  }

  private static final class Walk {
    private final FileChannel channel;
    private final Path shownAs;

    Walk(FileChannel channel, Path shownAs) {
      this.channel = channel;
      this.shownAs = shownAs;
    }

    private InvalidSnapshotArchiveException bad(String what) {
      return new InvalidSnapshotArchiveException(shownAs, what, null);
    }

    void run() throws IOException {
      long size = channel.size();
      if (size < EOCD_SIZE) {
        throw bad("the file is " + size + " bytes, too short to be a zip archive");
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
        throw bad("the file does not end with a zip's end-of-central-directory record: it is not a zip archive,"
            + " or the transfer was cut short");
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
            + " record begins (" + cenEnd + "): the file is cut, padded or damaged");
      }
      if (read(0, 4).getInt(0) != LOC_SIG) {
        throw bad("it does not begin with a zip entry");
      }
      walk(cenOffset, cenSize, entries);
    }

    /** Reads every central directory entry; counts them and checks where their data begins. */
    private void walk(long cenOffset, long cenSize, long entries) throws IOException {
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(cenOffset)), 64 * 1024);
      byte[] header = new byte[46];
      ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      long read = 0;
      long count = 0;
      while (read < cenSize) {
        if ((count & 0x3FFF) == 0 && Thread.currentThread().isInterrupted()) {
          throw new CloudifyInterruptedException("interrupted while checking the archive " + shownAs, null);
        }
        if (cenSize - read < 46) {
          throw bad("its central directory ends inside an entry");
        }
        readFully(in, header);
        if (h.getInt(0) != CEN_SIG) {
          throw bad("its central directory is damaged at entry " + count);
        }
        int variable = (h.getShort(28) & 0xFFFF) + (h.getShort(30) & 0xFFFF) + (h.getShort(32) & 0xFFFF);
        long localHeader = h.getInt(42) & 0xFFFFFFFFL;
        if (localHeader != 0xFFFFFFFFL && localHeader >= cenOffset) {
          throw bad("entry " + count + " of its central directory points past the data");
        }
        read += 46 + variable;
        if (read > cenSize) {
          throw bad("its central directory ends inside an entry");
        }
        skipFully(in, variable);
        count++;
        if (count > entries) {
          break;
        }
      }
      if (count != entries) {
        throw bad("its central directory holds " + count + " entries where its end record says " + entries);
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
