package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.archive.ArchiveInfo;
import io.github.cloudify4j.snapshots.archive.ArchiveProblem.Code;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives built to make the local preflight ({@link SnapshotArchive#inspect}) spin, or exhaust memory: each is
 * refused quickly with a typed {@link InvalidSnapshotArchiveException} and its {@link Code}, and an interrupt or a
 * cancellation stops a long inspection. Before, the overlapping-entries zip inflated one member once per entry (the
 * issue's 1 MiB file kept the preflight busy for 22 minutes), a million tenants filled the heap, and nothing
 * checked for interruption.
 */
@ExtendWith(Figures.class)
@Timeout(10)
class HostileArchiveTest {
  static final String METADATA = "{\"snapshot_version\": \"7.1.0\", \"execution_id\": \"e\"}";
  @TempDir Path dir;
  /** A valid archive whose dump file inflates to 40 MiB (within the budget): slow enough to interrupt. */
  static byte[] slow;

  static synchronized byte[] slow() throws IOException {
    if (slow == null) {
      slow = zipWithPaddedDump("mgmt/00000001.json", 40L << 20);
    }
    return slow;
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  /** A zip of (name, content) pairs, deflated. */
  static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        z.putNextEntry(new ZipEntry(namesAndContents[i]));
        if (namesAndContents[i + 1] != null) {
          z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A dump file {"type": kind, "items": [] } padded with {@code blanks} spaces, deflated, as the last entry. */
  static byte[] zipWithPaddedDump(String name, long blanks) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.setLevel(1); // fast on runs of blanks, and still over 1000:1
      z.putNextEntry(new ZipEntry("metadata.json"));
      z.write(METADATA.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("mgmt/"));
      z.putNextEntry(new ZipEntry(name));
      z.write("{\"type\": \"events\", \"items\": [".getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (long n = 0; n < blanks; n += spaces.length) {
        z.write(spaces, 0, (int) Math.min(spaces.length, blanks - n));
      }
      z.write("]}".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  /**
   * The zip with {@code copies} more central directory records that all point at the data of its last entry:
   * the overlapping-entries zip bomb.
   */
  static byte[] withOverlappingCopies(byte[] zip, int copies) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = zip.length - 22;
    int entries = b.getShort(eocd + 10) & 0xFFFF;
    int cenSize = b.getInt(eocd + 12);
    int cenOffset = b.getInt(eocd + 16);
    int last = cenOffset;
    for (int i = 0, p = cenOffset; i < entries; i++) {
      last = p;
      p += 46 + (b.getShort(p + 28) & 0xFFFF) + (b.getShort(p + 30) & 0xFFFF) + (b.getShort(p + 32) & 0xFFFF);
    }
    int lastLength = cenOffset + cenSize - last;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(zip, 0, cenOffset + cenSize);
    for (int i = 0; i < copies; i++) {
      byte[] copy = Arrays.copyOfRange(zip, last, last + lastLength);
      int nameLength = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).getShort(28);
      byte[] name = String.format("mgmt/%0" + (nameLength - 10) + "d.json", i).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(name, 0, copy, 46, nameLength);
      out.write(copy, 0, copy.length);
    }
    ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) (entries + copies))
        .putShort((short) (entries + copies)).putInt(cenSize + copies * lastLength).putInt(cenOffset)
        .putShort((short) 0);
    out.write(end.array(), 0, 22);
    return out.toByteArray();
  }

  Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  InvalidSnapshotArchiveException refused(Path file, Code code) {
    Throwable t = catchThrowable(() -> SnapshotArchive.inspect(file));
    assertThat(t).isInstanceOf(InvalidSnapshotArchiveException.class);
    assertThat(((InvalidSnapshotArchiveException) t).code()).contains(code);
    Figures.inc(Counter.MALFORMED_RESPONSES);
    Figures.cases(1);
    return (InvalidSnapshotArchiveException) t;
  }

  @Test
  void entriesSharingOneLargeMemberAreRefusedAtOnce() throws IOException {
    // one member inflating to 16 MiB; 200 more entries pointing at it would make 3.2 GiB to inflate
    byte[] bomb = withOverlappingCopies(zipWithPaddedDump("mgmt/00000001.json", 16L << 20), 200);
    assertThat(bomb.length).isLessThan(1 << 20);
    Path file = write("overlap.zip", bomb);
    assertThat(refused(file, Code.OVERLAPPING_ENTRIES)).hasMessageContaining("share their data");
  }

  @Test
  void aMemberInflatingFarBeyondTheArchivesSizeIsABomb() throws IOException {
    byte[] bomb = zipWithPaddedDump("mgmt/00000001.json", 80L << 20); // 80 MiB of blanks in ~80 KiB
    Path file = write("deep.zip", bomb);
    assertThat(refused(file, Code.INFLATES_TOO_MUCH)).hasMessageContaining("compression bomb");
  }

  @Test
  void moreEntriesThanAnInspectionReadsAreRefusedBeforeOpening() throws IOException {
    int n = (int) SnapshotArchive.MAX_ENTRIES + 1;
    Path file = write("many.zip", storedEmptyEntries(n));
    assertThat(refused(file, Code.TOO_MANY_ENTRIES)).hasMessageContaining(n + " entries");
  }

  @Test
  void aMillionTenantsInAgentsJsonAreRefused() throws IOException {
    StringBuilder agents = new StringBuilder(14_000_000).append('{');
    for (int i = 0; i < 1_000_000; i++) {
      agents.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{}");
    }
    agents.append('}');
    Path file = write("tenants.zip", zip("metadata.json", "{\"snapshot_version\": \"6.4.2\", \"schema_revision\":"
        + " \"a\", \"stage_schema_revision\": \"b\", \"composer_schema_revision\": \"c\"}", "pg_data", "--",
        "agents.json", agents.toString()));
    assertThat(refused(file, Code.METADATA_TOO_LARGE)).hasMessageContaining("tenants");
  }

  @Test
  void tooManyTenantFoldersAreRefused() throws IOException {
    String[] entries = new String[2 * (SnapshotArchive.MAX_TENANTS + 2)];
    entries[0] = "metadata.json";
    entries[1] = METADATA;
    for (int i = 1; i < SnapshotArchive.MAX_TENANTS + 2; i++) {
      entries[2 * i] = "tenants/t" + i + "/";
    }
    refused(write("folders.zip", zip(entries)), Code.METADATA_TOO_LARGE);
  }

  @Test
  void anInterruptStopsTheInspectionAndStaysSet() throws IOException {
    Path file = write("slow.zip", slow());
    Thread.currentThread().interrupt();
    Throwable t = catchThrowable(() -> SnapshotArchive.inspect(file));
    assertThat(t).isInstanceOf(CloudifyInterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
    Figures.cases(1);
  }

  @Test
  void anInterruptDuringALongReadStopsItWithinAFewMiB() throws IOException {
    Path file = write("slow.zip", slow());
    AtomicInteger polls = new AtomicInteger();
    Throwable t = catchThrowable(() -> SnapshotArchive.inspect(file, () -> {
      if (polls.incrementAndGet() == 5) {
        Thread.currentThread().interrupt(); // as another thread would, some MiB into the dump file
      }
      return false;
    }));
    assertThat(t).isInstanceOf(CloudifyInterruptedException.class).hasMessageContaining("interrupted");
    assertThat(polls.get()).as("polls: one per MiB inflated, plus a few").isBetween(5, 6);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    Figures.cases(1);
  }

  @Test
  void aCancellationStopsTheInspection() throws IOException {
    Path file = write("slow.zip", slow());
    AtomicInteger polls = new AtomicInteger();
    Throwable t = catchThrowable(() -> SnapshotArchive.inspect(file, () -> polls.incrementAndGet() >= 8));
    assertThat(t).isInstanceOf(CloudifyInterruptedException.class).hasMessageContaining("cancelled");
    assertThat(polls.get()).isEqualTo(8);
    Figures.cases(1);
  }

  @Test
  void anHonestArchiveWithinTheBudgetIsStillRead() throws IOException {
    Path file = write("honest.zip", slow());
    ArchiveInfo info = SnapshotArchive.inspect(file);
    assertThat(info.count("events")).isZero();
    assertThat(info.dumpFileCount()).isEqualTo(1);
    Figures.cases(1);
  }

  /** A zip of {@code n} empty stored entries, written directly (ZipOutputStream is slow at this count). */
  static byte[] storedEmptyEntries(int n) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(n * 100);
    ByteBuffer loc = ByteBuffer.allocate(30 + 8).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer cen = ByteBuffer.allocate(46 + 8).order(ByteOrder.LITTLE_ENDIAN);
    int[] offsets = new int[n];
    for (int i = 0; i < n; i++) {
      offsets[i] = out.size();
      loc.clear();
      loc.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0)
          .putInt(0).putInt(0).putShort((short) 8).putShort((short) 0).put(name(i));
      out.write(loc.array(), 0, 38);
    }
    int cenOffset = out.size();
    for (int i = 0; i < n; i++) {
      cen.clear();
      cen.putInt(0x02014b50).putShort((short) 20).putShort((short) 10).putShort((short) 0).putShort((short) 0)
          .putInt(0).putInt(0).putInt(0).putInt(0).putShort((short) 8).putShort((short) 0).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offsets[i]).put(name(i));
      out.write(cen.array(), 0, 54);
    }
    int cenSize = out.size() - cenOffset;
    ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
    // more than 65,535 entries: the count goes in a zip64 end record
    ByteBuffer z64 = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN);
    long z64Offset = out.size();
    z64.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
        .putLong(n).putLong(n).putLong(cenSize).putLong(cenOffset);
    z64.putInt(0x07064b50).putInt(0).putLong(z64Offset).putInt(1);
    out.write(z64.array(), 0, 76);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF)
        .putShort((short) 0xFFFF).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).putShort((short) 0);
    out.write(end.array(), 0, 22);
    return out.toByteArray();
  }

  private static byte[] name(int i) {
    byte[] name = {'f', '0', '0', '0', '0', '0', '0', '0'};
    for (int k = 7, v = i; k > 0 && v > 0; k--, v /= 10) {
      name[k] = (byte) ('0' + v % 10);
    }
    return name;
  }
}
