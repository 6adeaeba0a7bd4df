package io.github.cloudify4j.client.testing;

import io.github.cloudify4j.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A fake clock advanced only by its own sleeper, which records every sleep and never really sleeps. */
public final class VirtualTime implements Sleeper {
  private volatile Instant now = Instant.parse("2024-05-03T09:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();
  private volatile Runnable onSleep = () -> { };

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("virtual sleep interrupted");
    }
    synchronized (sleeps) {
      sleeps.add(duration);
      now = now.plus(duration.isNegative() ? Duration.ZERO : duration);
    }
    onSleep.run();
  }

  /** Runs after every sleep (e.g. to interrupt the thread or flip a flag). */
  public VirtualTime onSleep(Runnable action) {
    this.onSleep = action;
    return this;
  }

  public void advance(Duration d) {
    synchronized (sleeps) {
      now = now.plus(d);
    }
  }

  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return new ArrayList<>(sleeps);
    }
  }

  public List<Long> sleepMillis() {
    List<Long> out = new ArrayList<>();
    for (Duration d : sleeps()) {
      out.add(d.toMillis());
    }
    return out;
  }

  public Instant now() {
    return now;
  }

  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
  }
}
