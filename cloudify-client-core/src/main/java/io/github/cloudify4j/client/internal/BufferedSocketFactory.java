package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/**
 * Plain sockets whose streams are buffered. Okio reads and writes a socket one 8 KiB segment at a time; for
 * multi-gigabyte archives that is one system call per 8 KiB, which kept a download at about 70 % and an upload at
 * about 65 % of curl's throughput on loopback (benchmarks/README.md). Reads are buffered by 256 KiB, writes by
 * 64 KiB (the size of Okio's segment pool; larger measured slower). TLS sockets are layered on these (the JDK's
 * {@code SSLSocket} reads and writes its records through the plain socket's streams) and benefit too: a record's
 * 5-byte header and its body come from one buffered read instead of two socket reads. OkHttp flushes after each
 * request, and the JDK's TLS engine after each record.
 *
 * <p>Used for bulk transfers only ({@code Exchange.clientFor}: a streamed answer, a request body of unknown length
 * or of 1 MiB and more), on connections of their own, in a pool of their own. On small calls the buffers cost CPU
 * and save nothing: the benchmark of a {@code get} measured 4-9 % more CPU per call through them than through
 * plain sockets ({@code sockets_*} in benchmarks/README.md). Each such connection holds a 256 KiB and a 64 KiB
 * buffer. A caller's {@code OkHttpClient} gets them for its transfers unless it has a socket factory of its own
 * ({@link #appliesTo}).
 *
 * <p>Reads are not {@link java.io.BufferedInputStream}'s: to fill a read it asks the socket {@code available()}
 * (one more system call per read) and keeps reading, when Okio is content with what one read returns.
 */
@InternalApi
public final class BufferedSocketFactory extends SocketFactory {
  static final int INPUT_BUFFER = 256 * 1024;
  static final int OUTPUT_BUFFER = 64 * 1024;

  /**
   * Whether a client built from {@code base} (null: none given) gets these sockets: yes unless its socket factory
   * is one of the caller's own, which is kept untouched (it may tunnel, bind or tag sockets). OkHttp's default is
   * {@link SocketFactory#getDefault()}, one shared instance.
   */
  public static boolean appliesTo(OkHttpClient base) {
    return base == null || base.socketFactory() == SocketFactory.getDefault();
  }

  /** Whether {@code socket} came from this factory (its streams are buffered). */
  static boolean isBuffered(Socket socket) {
    return socket instanceof BufferedSocket;
  }

  @Override
  public Socket createSocket() {
    return new BufferedSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket s = new BufferedSocket();
    try {
      if (local != null) {
        s.bind(local);
      }
      s.connect(remote);
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private static final class BufferedSocket extends Socket {
    private InputStream in;
    private OutputStream out;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new SingleReadInputStream(super.getInputStream(), INPUT_BUFFER);
      }
      return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new BufferedOutputStream(
            new SocketWriteTimeouts.WatchedOutputStream(super.getOutputStream(), this), OUTPUT_BUFFER);
      }
      return out;
    }
  }

  /** A read buffer that makes at most one read of the socket per call, and only when it is empty. */
  static final class SingleReadInputStream extends InputStream {
    private final InputStream in;
    private final byte[] buffer;
    private int position;
    int limit; // not private: a test checks that the TLS engine filled it

    SingleReadInputStream(InputStream in, int size) {
      this.in = in;
      this.buffer = new byte[size];
    }

    @Override
    public int read() throws IOException {
      if (position == limit && fill() < 0) {
        return -1;
      }
      return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (position == limit) {
        if (len >= buffer.length) {
          return in.read(b, off, len); // as large as the buffer: no point copying twice
        }
        if (fill() < 0) {
          return -1;
        }
      }
      int n = Math.min(len, limit - position);
      System.arraycopy(buffer, position, b, off, n);
      position += n;
      return n;
    }

    private int fill() throws IOException {
      int n = in.read(buffer, 0, buffer.length);
      position = 0;
      limit = Math.max(n, 0);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      if (n <= 0) {
        return 0;
      }
      if (position < limit) {
        int skipped = (int) Math.min(n, limit - position);
        position += skipped;
        return skipped;
      }
      return in.skip(n);
    }

    @Override
    public int available() throws IOException {
      return (limit - position) + in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
