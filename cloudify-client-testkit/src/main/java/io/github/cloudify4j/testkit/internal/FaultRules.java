package io.github.cloudify4j.testkit.internal;

import io.github.cloudify4j.testkit.NodeDownMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The armed fault rules and the hang generation, shared by the public {@code Faults} (which arms and clears them)
 * and the request handler (which takes them). Internal: was the public part of {@code Faults} documented
 * "Internal:", which made {@link FaultRule} part of the testkit's API.
 */
public final class FaultRules {
  private final List<FaultRule> rules = new ArrayList<>();
  private final NodeControl nodes;
  private long hangGeneration;

  /** Takes nodes down and up (the server). */
  public interface NodeControl {
    void down(int node, NodeDownMode mode);

    void up(int node);
  }

  public FaultRules(NodeControl nodes) {
    this.nodes = nodes;
  }

  public NodeControl nodes() {
    return nodes;
  }

  public synchronized void add(FaultRule r) {
    rules.add(r);
  }

  /** Removes all armed rules and releases every hanging request. */
  public synchronized void clearAll() {
    rules.clear();
    hangGeneration++;
    notifyAll();
  }

  /** Number of armed rules that can still fire. */
  public synchronized int armed() {
    return rules.size();
  }

  /** Takes the first matching rule (decrementing its count), or null. */
  public synchronized FaultRule take(String method, String path, int node) {
    for (Iterator<FaultRule> it = rules.iterator(); it.hasNext(); ) {
      FaultRule r = it.next();
      if (r.matches(method, path, node)) {
        if (r.remaining > 0 && --r.remaining == 0) {
          it.remove();
        }
        return r;
      }
    }
    return null;
  }

  /** The current hang generation (a hang ends when it changes). */
  public synchronized long hangGeneration() {
    return hangGeneration;
  }

  /** Waits while the generation is unchanged, up to the timeout. */
  public synchronized void awaitHangRelease(long generation, long millis) throws InterruptedException {
    if (hangGeneration == generation) {
      wait(millis);
    }
  }
}
