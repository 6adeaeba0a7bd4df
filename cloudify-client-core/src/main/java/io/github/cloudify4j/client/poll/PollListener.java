package io.github.cloudify4j.client.poll;

/** Told about every poll of a wait (for progress lines, metrics, logs). Must not block. */
@FunctionalInterface
public interface PollListener<T> {
  void onPoll(PollEvent<T> event);

  static <T> PollListener<T> none() {
    return e -> { };
  }
}
