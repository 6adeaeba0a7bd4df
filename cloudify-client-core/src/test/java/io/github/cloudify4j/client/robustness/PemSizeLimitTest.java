package io.github.cloudify4j.client.robustness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.TlsConfig;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A "PEM" file far larger than any CA bundle is refused before it is read, not parsed into memory. */
@Timeout(5)
class PemSizeLimitTest {
  @TempDir Path dir;

  @Test
  void aFiftyMegabytePemIsRefusedBeforeReading() throws Exception {
    Path pem = dir.resolve("ca.pem");
    Files.write(pem, "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
    try (RandomAccessFile f = new RandomAccessFile(pem.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024); // sparse: nothing written, 50 MB long
    }
    assertThatThrownBy(() -> TlsConfig.trustPem(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caPemFile is 52428800 bytes, more than the 4194304");
  }
}
