package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignInLimitsTest {

  private final SignInLimits limits = new SignInLimits(2);

  @Test
  void noMoreHashesRunThanAllowedAndTheExcessIsRefusedAtOnce() {
    Optional<SignInLimits.HashPermit> first = limits.tryHash();
    Optional<SignInLimits.HashPermit> second = limits.tryHash();
    assertThat(first).isPresent();
    assertThat(second).isPresent();

    long started = System.nanoTime();
    assertThat(limits.tryHash()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

    first.get().close();
    first.get().close(); // closing twice frees one permit, not two
    Optional<SignInLimits.HashPermit> third = limits.tryHash();
    assertThat(third).isPresent();
    assertThat(limits.tryHash()).isEmpty();
    second.get().close();
    third.get().close();
    assertThat(limits.freeHashes()).isEqualTo(2);
  }

  @Test
  void manyThreadsAtOnceNeverHoldMorePermitsThanAllowed() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    List<Future<Boolean>> got = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        got.add(
            pool.submit(
                () -> {
                  go.await();
                  Optional<SignInLimits.HashPermit> permit = limits.tryHash();
                  if (permit.isEmpty()) {
                    return false;
                  }
                  try (SignInLimits.HashPermit held = permit.get()) {
                    holding.await(10, TimeUnit.SECONDS);
                  }
                  return true;
                }));
      }
      go.countDown();
      int refused = 0;
      for (Future<Boolean> f : got) {
        if (f.isDone() && !f.get()) {
          refused++;
        }
      }
      // The refused ones finish on their own; the two holders wait for the release.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (refused < threads - 2) {
        assertThat(System.nanoTime()).as("refused at once").isLessThan(deadline);
        refused = 0;
        for (Future<Boolean> f : got) {
          if (f.isDone() && !f.get()) {
            refused++;
          }
        }
        Thread.onSpinWait();
      }
      assertThat(limits.freeHashes()).isZero();
      holding.countDown();
      long granted = 0;
      for (Future<Boolean> f : got) {
        granted += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(granted).isEqualTo(2);
      assertThat(limits.freeHashes()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }
}
