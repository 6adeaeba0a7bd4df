package io.github.cloudify4j.client;

import java.time.Duration;

/**
 * Waits. Every wait in cloudify4j (retry backoff, polling, waiting for maintenance mode or a restore) goes
 * through one {@code Sleeper}, so that tests can replace real time with a virtual one and run instantly.
 *
 * <p>Implementations must honour thread interruption by throwing {@link InterruptedException}: that is how a
 * waiting operation is cancelled from another thread.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks for {@code duration} (a zero or negative duration returns at once). */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper, backed by {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}
