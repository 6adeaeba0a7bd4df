package io.github.cloudify4j.client.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.ErrorResponse;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaiterTest {
  private final VirtualTime time = new VirtualTime();
  private final Poller poller = new Poller(time.clock(), time);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static Supplier<String> sequence(String... values) {
    Iterator<String> it = List.of(values).iterator();
    return it::next;
  }

  private Waiter<String> wait(Supplier<String> probe) {
    return poller.until("thing to be done", probe)
        .succeedWhen("done"::equals, "done")
        .failWhen("broken"::equals, v -> "it broke")
        .options(PollOptions.builder().initialDelay(Duration.ofSeconds(1)).multiplier(2)
            .maxDelay(Duration.ofSeconds(5)).maxWait(Duration.ofMinutes(1)).build());
  }

  @Test
  void successAfterBackoff() {
    List<PollEvent<String>> events = new ArrayList<>();
    String v = wait(sequence("a", "b", "c", "d", "done")).listener(events::add).await();

    assertThat(v).isEqualTo("done");
    assertThat(time.sleepMillis()).containsExactly(1000L, 2000L, 4000L, 5000L);
    assertThat(events).extracting(PollEvent::attempt).containsExactly(1, 2, 3, 4, 5);
    assertThat(events.get(4).outcome()).isEqualTo(PollEvent.Outcome.SUCCESS);
    assertThat(events.get(1).nextDelay()).contains(Duration.ofSeconds(2));
    assertThat(events.get(4).elapsed()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void failureRule() {
    assertThatThrownBy(() -> wait(sequence("a", "broken")).await())
        .isInstanceOfSatisfying(WaitFailedException.class, e -> {
          assertThat(e.getMessage()).contains("thing to be done", "it broke");
          assertThat(e.lastObserved(String.class)).contains("broken");
          assertThat(e.lastObserved(Integer.class)).isEmpty(); // another wait's type: empty, never a ClassCastException
          assertThat(e.attempts()).isEqualTo(2);
          assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(1));
        });
  }

  @Test
  void timeoutByTimeClampsTheLastDelay() {
    assertThatThrownBy(() -> poller.until("x", () -> "a").succeedWhen("done"::equals, "done")
        .options(PollOptions.builder().fixedDelay(Duration.ofSeconds(4)).maxWait(Duration.ofSeconds(10)).build())
        .await())
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.lastObserved(String.class)).contains("a");
          assertThat(e.attempts()).isEqualTo(4);
          assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(10));
          assertThat(e.getMessage()).contains("x", "4 polls", "last seen: a");
        });
    assertThat(time.sleepMillis()).containsExactly(4000L, 4000L, 2000L);
  }

  @Test
  void timeoutByAttempts() {
    assertThatThrownBy(() -> poller.until("x", () -> "a").succeedWhen("done"::equals, "done")
        .options(PollOptions.builder().maxAttempts(3).build()).await())
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.lastObserved(String.class)).contains("a");
        });
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void retryOnRidesOutMatchingExceptions() {
    AtomicInteger calls = new AtomicInteger();
    String v = poller.until("x", () -> {
      if (calls.incrementAndGet() < 3) {
        throw new ServerUnavailableException(ErrorResponse.builder(502).serverMessage("Bad Gateway").build());
      }
      return "done";
    }).succeedWhen("done"::equals, "done").retryOn(ServerUnavailableException.class).await();

    assertThat(v).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void timeoutAfterErrorsCarriesTheLastError() {
    ServerUnavailableException boom = new ServerUnavailableException(ErrorResponse.builder(502).serverMessage("Bad Gateway").build());
    assertThatThrownBy(() -> poller.until("x", () -> {
      throw boom;
    }).succeedWhen(v -> true, "ok").retryOn(ServerUnavailableException.class)
        .options(PollOptions.builder().maxAttempts(2).build()).await())
        .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
          assertThat(e).hasCause(boom).hasMessageContaining("Bad Gateway");
          assertThat(e.lastObserved(Object.class)).isEmpty(); // no poll gave a value
        });
  }

  @Test
  void unmatchedExceptionPropagates() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> poller.until("x", () -> {
      throw boom;
    }).succeedWhen(v -> true, "ok").retryOn(ServerUnavailableException.class).await()).isSameAs(boom);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void cancelWhen() {
    AtomicBoolean cancelled = new AtomicBoolean();
    time.onSleep(() -> cancelled.set(true));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> poller.until("x", () -> {
      calls.incrementAndGet();
      return "a";
    }).succeedWhen("done"::equals, "done").cancelWhen(cancelled::get).await())
        .isInstanceOf(CloudifyInterruptedException.class).hasMessageContaining("Cancelled");
    assertThat(calls).hasValue(1);
  }

  @Test
  void threadInterruptDuringSleep() {
    time.onSleep(() -> Thread.currentThread().interrupt());
    assertThatThrownBy(() -> wait(() -> "a").await()).isInstanceOf(CloudifyInterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).as("flag restored").isTrue();
  }

  @Test
  void interruptedSleeperIsACancellation() {
    Poller interrupting = new Poller(time.clock(), d -> {
      throw new InterruptedException();
    });
    assertThatThrownBy(() -> interrupting.until("x", () -> "a").succeedWhen("done"::equals, "d").await())
        .isInstanceOf(CloudifyInterruptedException.class).hasCauseInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void alreadyInterruptedThreadDoesNotPoll() {
    AtomicInteger calls = new AtomicInteger();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> poller.until("x", () -> {
      calls.incrementAndGet();
      return "a";
    }).succeedWhen("done"::equals, "d").await()).isInstanceOf(CloudifyInterruptedException.class);
    assertThat(calls).hasValue(0);
  }

  @Test
  void firstMatchingRuleWins() {
    assertThatThrownBy(() -> poller.until("x", () -> "done").failWhen("done"::equals, s -> "fail first")
        .succeedWhen("done"::equals, "ok").await()).isInstanceOf(WaitFailedException.class)
        .hasMessageContaining("fail first");
    assertThat(poller.until("x", () -> "done").succeedWhen("done"::equals, "ok")
        .failWhen("done"::equals, s -> "fail").await()).isEqualTo("done");
  }

  @Test
  void jitteredDelaysStayInRange() {
    PollOptions o = PollOptions.builder().fixedDelay(Duration.ofSeconds(10)).jitter(0.5).build();
    for (int i = 0; i < 100; i++) {
      assertThat(o.delayAfter(3).toMillis()).isBetween(5000L, 15000L);
    }
  }
}
