package io.github.cloudify4j.snapshots.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Archive bytes for transfer tests: a well-formed zip (downloads check the zip's end by default) of an exact size,
 * made of one stored entry of random bytes, so that any cut point lands in random data.
 */
public final class ZipBytes {
  private ZipBytes() {}

  /** A zip of exactly {@code size} bytes, its entry's content drawn from {@code seed}. */
  public static byte[] random(int size, long seed) {
    byte[] noise = new byte[size];
    new Random(seed).nextBytes(noise);
    return sameSize(noise);
  }

  /** A zip of exactly {@code noise.length} bytes whose one stored entry holds the start of {@code noise}. */
  public static byte[] sameSize(byte[] noise) {
    int payload = Math.max(0, noise.length - 120);
    for (int i = 0; i < 4; i++) {
      byte[] zip = storedZip(Arrays.copyOf(noise, payload));
      if (zip.length == noise.length) {
        return zip;
      }
      payload += noise.length - zip.length;
      if (payload < 0) {
        break;
      }
    }
    throw new IllegalArgumentException("cannot make a zip of " + noise.length + " bytes");
  }

  /** A zip with one stored entry {@code data.bin} holding {@code payload}. */
  public static byte[] storedZip(byte[] payload) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 200);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      ZipEntry entry = new ZipEntry("data.bin");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(payload.length);
      entry.setCompressedSize(payload.length);
      CRC32 crc = new CRC32();
      crc.update(payload);
      entry.setCrc(crc.getValue());
      entry.setTime(1_714_644_672_000L);
      zip.putNextEntry(entry);
      zip.write(payload);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
