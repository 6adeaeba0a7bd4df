package io.github.cloudify4j.client;

import java.time.Duration;

/** The only place in the library that really sleeps. */
enum SystemSleeper implements Sleeper {
  INSTANCE;

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long millis = duration.toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    } else if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  @Override
  public String toString() {
    return "Sleeper.system()";
  }
}
