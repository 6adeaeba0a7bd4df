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

  /**
   * Blocks for {@code duration} (a zero or negative duration returns at once). A virtual implementation advances
   * its clock by {@code duration} instead.
   *
   * @param duration how long to wait; not null
   * @throws InterruptedException if the thread is interrupted before or while waiting (its interrupt flag is
   *     then cleared, as {@link Thread#sleep(long)} does)
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real sleeper, backed by {@link Thread#sleep(long)}: every client's default.
   *
   * @return the shared system sleeper
   */

  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}
