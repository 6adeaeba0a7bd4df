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

  public Poller(Clock clock, Sleeper sleeper) {
    this.clock = requireNonNull(clock, "clock == null");
    this.sleeper = requireNonNull(sleeper, "sleeper == null");
  }

  /** A wait for {@code description}, asking {@code probe} each time. */
  public <T> Waiter<T> until(String description, Supplier<T> probe) {
    requireNonNull(description, "description == null");
    requireNonNull(probe, "probe == null");
    return new Waiter<>(clock, sleeper, description, probe);
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }
}
