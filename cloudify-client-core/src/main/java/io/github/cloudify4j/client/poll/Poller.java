package io.github.cloudify4j.client.poll;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.Sleeper;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Starts waits that share a clock and a sleeper (the client's: {@code client.poller()}).
 *
 * <pre>{@code
 * Execution done = client.poller()
 *     .until("execution " + id + " to end", () -> client.executions().get(id))
 *     .succeedWhen(e -> e.status().isSuccess(), "terminated")
 *     .failWhen(e -> e.isTerminal(), e -> "ended " + e.status() + ": " + e.error())
 *     .options(PollOptions.timeout(Duration.ofMinutes(10)))
 *     .await();
 * }</pre>
 */
public final class Poller {
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * A poller on this clock and sleeper. Tests pass a virtual clock and a sleeper that advances it, so a wait of
   * minutes runs at once.
   *
   * @param clock measures each wait's elapsed time against {@link PollOptions#maxWait()}
   * @param sleeper sleeps between polls
   * @throws NullPointerException if either is null
   */
  public Poller(Clock clock, Sleeper sleeper) {
    this.clock = requireNonNull(clock, "clock == null");
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
  }

  /**
   * A wait for {@code description}, asking {@code probe} each time. Nothing is polled until
   * {@link Waiter#await()}.
   *
   * @param <T> what the probe returns
   * @param description what is awaited, for messages and events, e.g. {@code "execution 42 to end"}
   * @param probe asked once per poll; it may return null or throw (see the {@link Waiter}'s rules)
   * @return a wait to add rules and options to
   * @throws NullPointerException if either is null
   */
  public <T> Waiter<T> until(String description, Supplier<T> probe) {
    requireNonNull(description, "description == null");
    requireNonNull(probe, "probe == null");
    return new Waiter<>(clock, sleeper, description, probe);
  }

  /**
   * The clock each wait measures its elapsed time on.
   *
   * @return the clock given to the constructor
   */
  public Clock clock() {
    return clock;
  }

  /**
   * What each wait sleeps with between polls.
   *
   * @return the sleeper given to the constructor
   */
  public Sleeper sleeper() {

    return sleeper;
  }
}
