package io.github.cloudify4j.benchmarks;

import io.github.cloudify4j.client.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 upload sink on loopback: {@code PUT} with {@code Content-Length}, the body read in 1 MiB
 * reads and thrown away, then 201 with the snapshot's JSON. It exists because nginx cannot take a 1 GiB body
 * faster than this machine can write a file (it reads a body into a file, or discards it 4 KiB at a time), and
 * the upload benchmark must measure the client, not the server. Connections are kept alive; daemon threads.
 */
final class UploadSink implements AutoCloseable {
  static final String UPLOADED = "{\"id\":\"bench\",\"created_at\":\"2026-01-01T00:00:00.000Z\",\"status\":\"uploaded\","
      + "\"error\":\"\",\"visibility\":\"private\",\"tenant_name\":\"default_tenant\",\"created_by\":\"admin\","
      + "\"resource_availability\":\"private\",\"private_resource\":true}";

  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final AtomicLong bodies = new AtomicLong();
  private volatile boolean closed;

  private UploadSink(ServerSocketChannel server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "upload-sink-accept");
    this.acceptor.setDaemon(true);
  }

  static UploadSink start() throws IOException {
    ServerSocketChannel s = ServerSocketChannel.open();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    UploadSink sink = new UploadSink(s);
    sink.acceptor.start();
    return sink;
  }

  String baseUrl() throws IOException {
    return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  int port() throws IOException {
    return ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  long bodiesReceived() {
    return bodies.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SocketChannel c = server.accept();
        Thread t = new Thread(() -> serve(c), "upload-sink-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel c) {
    ByteBuffer buf = ByteBuffer.allocateDirect(1024 * 1024);
    try (c) {
      while (!closed) {
        // Read the head: until CRLFCRLF. What follows it in buf is the start of the body.
        buf.clear();
        int headEnd = -1;
        while (headEnd < 0) {
          if (c.read(buf) < 0) {
            return;
          }
          headEnd = find(buf);
          if (headEnd < 0 && buf.position() > 64 * 1024) {
            return;
          }
        }
        byte[] head = new byte[headEnd];
        for (int i = 0; i < headEnd; i++) {
          head[i] = buf.get(i);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        long length = 0;
        for (String line : text.split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Long.parseLong(line.substring(15).trim());
          }
        }
        long remaining = length - (buf.position() - (headEnd + 4));
        while (remaining > 0) {
          buf.clear();
          if (remaining < buf.capacity()) {
            buf.limit((int) remaining);
          }
          int n = c.read(buf);
          if (n < 0) {
            return;
          }
          remaining -= n;
        }
        bodies.incrementAndGet();
        byte[] body = UPLOADED.getBytes(StandardCharsets.UTF_8);
        String response = "HTTP/1.1 201 CREATED\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n" + UPLOADED;
        ByteBuffer out = ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
          c.write(out);
        }
      }
    } catch (IOException | RuntimeException e) {
      // connection over
    }
  }

  private static int find(ByteBuffer buf) {
    for (int i = 3; i < buf.position(); i++) {
      if (buf.get(i - 3) == '\r' && buf.get(i - 2) == '\n' && buf.get(i - 1) == '\r' && buf.get(i) == '\n') {
        return i - 3;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }

  /** Standalone, for trying curl against it: prints the URL, stops after {@code args[0]} seconds (default 60). */
  public static void main(String[] args) throws Exception {
    try (UploadSink sink = start()) {
      System.out.println(sink.baseUrl());
      Sleeper.system().sleep(Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 60));
    }
  }
}
