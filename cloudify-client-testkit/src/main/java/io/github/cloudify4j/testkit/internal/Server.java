package io.github.cloudify4j.testkit.internal;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.cloudify4j.testkit.NodeDownMode;
import io.github.cloudify4j.testkit.RequestJournal;
import io.github.cloudify4j.testkit.RestartMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP side: one listener per node over one shared State. */
public final class Server implements FaultRules.NodeControl {
  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer waits for the
    // client's delayed ACK (~40 ms per request on Linux). Read once, when the first HttpServer is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** One manager node. */
  public static final class Node {
    public final int index;
    public final String hostname;
    public final String privateIp;
    public volatile int port;
    public volatile NodeDownMode down;
    HttpServer http;

    Node(int index, int port) {
      this.index = index;
      this.hostname = "cfy-manager-" + (index + 1);
      this.privateIp = "10.0.0." + (11 + index);
      this.port = port;
    }
  }

  public final State state;
  public final RequestJournal journal = new RequestJournal();
  public final FaultRules faults = new FaultRules(this);
  public final List<Node> nodes = new ArrayList<>();
  private final ExecutorService executor;
  private final Api api;
  private ScheduledExecutorService ticker;
  private volatile boolean running;

  public Server(State state) {
    this.state = state;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "fake-cloudify-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newCachedThreadPool(tf);
    for (int i = 0; i < Math.max(1, state.cfg().nodes); i++) {
      int[] fixed = state.cfg().nodePorts;
      nodes.add(new Node(i, fixed != null ? fixed[i] : i == 0 ? state.cfg().port : 0));
    }
    this.api = new Api(this);
  }

  public void start() {
    running = true;
    syncListeners();
    if (state.cfg().realTime) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-cloudify-ticker");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleWithFixedDelay(() -> {
        synchronized (state) {
          state.tick();
        }
        syncListeners();
      }, 0, 20, TimeUnit.MILLISECONDS);
    }
  }

  public void stop() {
    running = false;
    synchronized (state) {
      state.close();
    }
    faults.clearAll();
    if (ticker != null) {
      ticker.shutdownNow();
    }
    synchronized (nodes) {
      for (Node n : nodes) {
        if (n.http != null) {
          n.http.stop(0);
          n.http = null;
        }
      }
    }
    executor.shutdownNow();
  }

  public boolean isRunning() {
    return running;
  }

  /** Binds or closes listeners to match node-down and restart-window state. Call without the State lock. */
  public void syncListeners() {
    if (!running) {
      return;
    }
    RestartMode outage;
    synchronized (state) {
      outage = state.outage();
    }
    synchronized (nodes) {
      for (Node n : nodes) {
        boolean listen = n.down != NodeDownMode.REFUSE_CONNECTIONS && outage != RestartMode.CONNECTION_REFUSED
            && serves(n);
        if (listen && n.http == null) {
          bind(n);
        } else if (!listen && n.http != null) {
          n.http.stop(0);
          n.http = null;
        }
      }
    }
  }

  /** Whether this fake listens for the node: always, unless the node is on another side of a split cluster. */
  private boolean serves(Node n) {
    ClusterModel cluster = state.cfg().cluster;
    return cluster == null || cluster.sideOf(n.index) == state.cfg().clusterSide;
  }

  private void bind(Node n) {
    InetSocketAddress addr = new InetSocketAddress(state.cfg().bindAddress, n.port);
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        HttpServer s;
        if (state.cfg().sslContext != null) {
          HttpsServer hs = HttpsServer.create(addr, 256);
          hs.setHttpsConfigurator(new HttpsConfigurator(state.cfg().sslContext));
          s = hs;
        } else {
          s = HttpServer.create(addr, 256);
        }
        s.createContext("/", ex -> api.handle(n, ex));
        s.setExecutor(executor);
        s.start();
        n.port = s.getAddress().getPort();
        n.http = s;
        return;
      } catch (IOException e) {
        last = e;
        // The operating system frees a just-closed port in real time: give it 20 ms, not the fake clock.
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
      }
    }
    throw new UncheckedIOException("cannot bind " + addr, last);
  }

  @Override
  public void down(int node, NodeDownMode mode) {
    nodes.get(node).down = mode;
    syncListeners();
    synchronized (state) {
      state.notifyAll();
    }
  }

  @Override
  public void up(int node) {
    nodes.get(node).down = null;
    syncListeners();
    synchronized (state) {
      state.notifyAll();
    }
  }

  public String scheme() {
    return state.cfg().sslContext != null ? "https" : "http";
  }

  public String host() {
    String b = state.cfg().bindAddress;
    return b.equals("0.0.0.0") ? "127.0.0.1" : b.contains(":") ? "[" + b + "]" : b;
  }
}
