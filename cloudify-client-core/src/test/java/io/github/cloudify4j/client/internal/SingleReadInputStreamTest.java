package io.github.cloudify4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.internal.BufferedSocketFactory.SingleReadInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The socket read buffer: at most one read of the socket per call, and none while it holds data. */
class SingleReadInputStreamTest {

  /** A socket that hands out at most {@code chunk} bytes per read and counts what it is asked. */
  private static final class Socket extends InputStream {
    private final ByteArrayInputStream data;
    private final int chunk;
    final List<Integer> reads = new ArrayList<>();
    int availableCalls;

    Socket(byte[] data, int chunk) {
      this.data = new ByteArrayInputStream(data);
      this.chunk = chunk;
    }

    @Override
    public int read() {
      throw new AssertionError("single-byte read of the socket");
    }

    @Override
    public int read(byte[] b, int off, int len) {
      reads.add(len);
      return data.read(b, off, Math.min(len, chunk));
    }

    @Override
    public int available() {
      availableCalls++;
      return data.available();
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  @Test
  void smallReadsAreServedFromOneFillWithoutAskingTheSocketWhatIsAvailable() throws IOException {
    Socket socket = new Socket(bytes(600), 600);
    SingleReadInputStream in = new SingleReadInputStream(socket, 1024);

    byte[] out = new byte[600];
    assertThat(in.read(out, 0, 100)).isEqualTo(100);
    assertThat(in.read(out, 100, 500)).isEqualTo(500);

    assertThat(out).isEqualTo(bytes(600));
    assertThat(socket.reads).containsExactly(1024);
    assertThat(socket.availableCalls).isZero();
  }

  @Test
  void returnsWhatOneSocketReadGaveInsteadOfWaitingForMore() throws IOException {
    Socket socket = new Socket(bytes(300), 100);
    SingleReadInputStream in = new SingleReadInputStream(socket, 1024);

    byte[] out = new byte[512];
    assertThat(in.read(out, 0, 512)).isEqualTo(100);
    assertThat(in.read(out, 100, 412)).isEqualTo(100);

    assertThat(Arrays.copyOf(out, 200)).isEqualTo(Arrays.copyOf(bytes(300), 200));
    assertThat(socket.reads).containsExactly(1024, 1024);
    assertThat(socket.availableCalls).isZero();
  }

  @Test
  void aReadAsLargeAsTheBufferGoesStraightToTheSocketWhenNothingIsBuffered() throws IOException {
    Socket socket = new Socket(bytes(4096), 4096);
    SingleReadInputStream in = new SingleReadInputStream(socket, 1024);

    byte[] out = new byte[4096];
    assertThat(in.read(out, 0, 4096)).isEqualTo(4096);

    assertThat(out).isEqualTo(bytes(4096));
    assertThat(socket.reads).containsExactly(4096);
  }

  @Test
  void singleBytesSkipsAvailableAndEndOfStream() throws IOException {
    Socket socket = new Socket(bytes(10), 10);
    SingleReadInputStream in = new SingleReadInputStream(socket, 1024);

    assertThat(in.read()).isEqualTo(0);
    assertThat(in.available()).isEqualTo(9); // 9 buffered + 0 left in the socket
    assertThat(in.skip(4)).isEqualTo(4);
    assertThat(in.read()).isEqualTo(5);
    byte[] out = new byte[8];
    assertThat(in.read(out, 0, 8)).isEqualTo(4);
    assertThat(Arrays.copyOf(out, 4)).containsExactly(6, 7, 8, 9);
    assertThat(in.read(out, 0, 0)).isZero();
    assertThat(in.read(out, 0, 8)).isEqualTo(-1);
    assertThat(in.read()).isEqualTo(-1);
  }
}
