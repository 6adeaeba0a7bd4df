package io.github.cloudify4j.client.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Write timeouts kept by the buffered sockets themselves, for archive uploads.
 *
 * <p>Okio bounds every write of a socket with its {@code AsyncTimeout}: per 64 KiB written it queues a deadline
 * under a lock and wakes its watchdog thread, and dequeues it after. For a 1 GiB upload that is 16,384 wake-ups,
 * about a quarter of the upload's CPU in a fresh JVM (benchmarks/README.md). The kernel offers no write timeout
 * to Java, so on the chain of archive transfers (the client's {@link BufferedSocketFactory buffered sockets}, over
 * HTTP/1.1) the innermost {@link Interceptor} clears Okio's write timeout for a request with a body and runs it
 * {@link #within} the same timeout: every socket write of the calling thread is then stamped with a deadline (two volatile writes and a
 * set insertion), and one daemon thread, alive only while such writes are under way, looks every
 * {@value #TICK_MILLIS} ms for a write past its deadline and closes that socket. The stalled write then fails
 * with a {@link SocketTimeoutException}, as Okio's would have: a stalled upload still fails after the write
 * timeout, give or take a tick.
 *
 * <p>The watchdog sleeps in real time on purpose, like Okio's: a socket's write timeout bounds real time. The
 * client's {@code Sleeper} and {@code Clock} drive the waits a caller's test runs in virtual time (polls, retry
 * backoff); a virtual clock would never fire this one.
 */
final class SocketWriteTimeouts {
  static final long TICK_MILLIS = 50;

  /** The write timeout, in milliseconds, of the call the current thread runs; 0: none set here. */
  private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[1]);
  /** The streams in a timed write now. */
  private static final Set<WatchedOutputStream> WRITING = ConcurrentHashMap.newKeySet();
  private static Thread watchdog; // guarded by SocketWriteTimeouts.class

  private SocketWriteTimeouts() {}

  /**
   * The transfers chain's innermost application interceptor: a request with a body is sent under the write timeout
   * in force (the client's, or the call's own, which {@link HeadersInterceptor} set), kept by the socket instead of
   * Okio. Only on the buffered sockets over HTTP/1.1, where the socket carries the body ({@code Transport.create}).
   */
  static final class Interceptor implements okhttp3.Interceptor {
    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
      okhttp3.Request request = chain.request();
      if (request.body() == null) {
        return chain.proceed(request);
      }
      long millis = chain.writeTimeoutMillis();
      Chain untimed = chain.withWriteTimeout(0, TimeUnit.MILLISECONDS);
      return within(millis, () -> untimed.proceed(request));
    }
  }

  /** What {@link #within} runs. */
  interface IoCall<T> {
    T call() throws IOException;
  }

  /**
   * Runs {@code call} with every socket write it makes on this thread, through a {@link WatchedOutputStream},
   * bounded by {@code millis} (0: unbounded).
   */
  static <T> T within(long millis, IoCall<T> call) throws IOException {
    long[] current = CURRENT.get();
    long outer = current[0];
    current[0] = millis;
    try {
      return call.call();
    } finally {
      current[0] = outer;
    }
  }

  static long current() {
    return CURRENT.get()[0];
  }

  private static void watch(WatchedOutputStream stream) {
    WRITING.add(stream);
    synchronized (SocketWriteTimeouts.class) {
      if (watchdog == null) {
        Thread t = new Thread(SocketWriteTimeouts::watchLoop, "cloudify4j socket write watchdog");
        t.setDaemon(true);
        watchdog = t;
        t.start();
      }
    }
  }

  private static void watchLoop() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        // not interrupted by anyone but the JVM going down: keep watching while writes are under way
      }
      synchronized (SocketWriteTimeouts.class) {
        if (WRITING.isEmpty()) {
          watchdog = null;
          return;
        }
      }
      long now = System.nanoTime();
      for (WatchedOutputStream s : WRITING) {
        s.expireIfLate(now);
      }
    }
  }

  /** A socket's output stream whose writes are bounded by the timeout of the call writing, if it set one. */
  static final class WatchedOutputStream extends OutputStream {
    private final OutputStream out;
    private final Socket socket;
    /** {@code System.nanoTime()} past which the write under way has timed out; only read while watched. */
    private volatile long deadline;
    private volatile boolean timedOut;

    WatchedOutputStream(OutputStream out, Socket socket) {
      this.out = out;
      this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      long millis = current();
      if (millis <= 0) {
        out.write(b, off, len);
        return;
      }
      deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      watch(this);
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        if (timedOut) {
          SocketTimeoutException timeout = new SocketTimeoutException("write timed out (" + millis + " ms)");
          timeout.initCause(e);
          throw timeout;
        }
        throw e;
      } finally {
        WRITING.remove(this);
      }
    }

    void expireIfLate(long now) {
      if (now - deadline > 0 && WRITING.contains(this)) {
        timedOut = true;
        try {
          socket.close(); // fails the blocked write; the connection is not reused
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
