package io.github.cloudify4j.client.poll;

/**
 * Told about every poll of a wait (for progress lines, metrics, logs). Must not block.
 *
 * @param <T> the type of the value the wait polls
 */
@FunctionalInterface
public interface PollListener<T> {
  /**
   * Called after each poll, on the waiting thread, before the wait sleeps, returns or throws. An exception
   * thrown here ends the wait with that exception.
   *
   * @param event the poll and its outcome
   */
  void onPoll(PollEvent<T> event);

  /**
   * A listener that ignores every event: the default of every wait.
   *
   * @param <T> the type the wait's probe returns
   * @return a listener that does nothing
   */
  static <T> PollListener<T> none() {

    return e -> { };
  }
}
