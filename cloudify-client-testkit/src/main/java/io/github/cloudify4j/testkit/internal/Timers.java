package io.github.cloudify4j.testkit.internal;

import java.time.Instant;
import java.util.PriorityQueue;

/** Due-time ordered actions driven by the fake's clock. Not thread-safe: guarded by the State lock. */
final class Timers {
  private static final class Timed implements Comparable<Timed> {
    final Instant due;
    final long seq;
    final Runnable action;

    Timed(Instant due, long seq, Runnable action) {
      this.due = due;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public int compareTo(Timed o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Timed> queue = new PriorityQueue<>();
  private long seq;

  void at(Instant due, Runnable action) {
    queue.add(new Timed(due, seq++, action));
  }

  /** The due time of the earliest action, or null. */
  Instant nextDue() {
    Timed t = queue.peek();
    return t == null ? null : t.due;
  }

  Runnable pollDue(Instant upTo) {
    Timed t = queue.peek();
    if (t == null || t.due.isAfter(upTo)) {
      return null;
    }
    queue.poll();
    return t.action;
  }

  void clear() {
    queue.clear();
  }
}
