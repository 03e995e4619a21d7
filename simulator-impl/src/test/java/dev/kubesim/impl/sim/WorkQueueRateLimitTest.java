package dev.kubesim.impl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkQueueRateLimitTest {
  @Test
  void aFailingKeyComesBackAfterDoublingDelaysTheFirstOnesBeforeSettlingEnds() {
    EventLoop loop = new EventLoop(1);
    List<Long> syncedAtMillis = new ArrayList<>();
    WorkQueue<String>[] queue = new WorkQueue[1];
    queue[0] = new WorkQueue<>(loop, "test", key -> {
      syncedAtMillis.add(loop.clock().nanos() / 1_000_000);
      queue[0].addRateLimited(key); // it keeps failing
    });
    long start = loop.clock().nanos() / 1_000_000;
    queue[0].add("a");
    loop.settle();
    assertThat(syncedAtMillis).as("the first sync and the prompt retries")
        .containsExactly(start, start + 5, start + 15, start + 35, start + 75);
    loop.advance(Duration.ofMillis(80 + 160 + 1));
    assertThat(syncedAtMillis).as("later retries come with time").endsWith(start + 155, start + 315);
  }

  @Test
  void aKeyThatSyncsCleanlyStartsItsDelaysAfresh() {
    EventLoop loop = new EventLoop(1);
    List<Long> syncedAtMillis = new ArrayList<>();
    boolean[] fail = {true};
    WorkQueue<String>[] queue = new WorkQueue[1];
    queue[0] = new WorkQueue<>(loop, "test", key -> {
      syncedAtMillis.add(loop.clock().nanos() / 1_000_000);
      if (fail[0]) {
        queue[0].addRateLimited(key);
      } else {
        queue[0].forget(key);
      }
    });
    long start = loop.clock().nanos() / 1_000_000;
    queue[0].add("a");
    loop.advance(Duration.ZERO);
    fail[0] = false;
    loop.settle();
    fail[0] = true;
    queue[0].add("a");
    loop.settle();
    assertThat(syncedAtMillis).containsExactly(start, start + 5, start + 5, start + 10, start + 20, start + 40, start + 80);
  }
}
