package jp.ishibashi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.ishibashi.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits counted in the database, which every node of a cluster shares: the count is atomic,
 * so parallel requests (from one node or several) never get past the limit together.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitsIT {

  // In the container, where only JUnit's assertions are at hand.

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @Inject RateLimits limits;
  @Inject RateCounts counts;

  /** A fixed instant in the middle of a minute, far from the test run's other counts. */
  private static final Instant NOW = Instant.parse("2031-03-04T05:06:30Z");

  private final String address = "198.51.100." + UUID.randomUUID();

  @Test
  void theEventOverTheLimitIsRefusedUntilTheWindowEnds() {
    RateWindow window = new RateWindow("it-limit", 3, Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limits.acquire(window, address, NOW.plusSeconds(i)));
    }

    assertEquals(
        Optional.of(Instant.parse("2031-03-04T05:07:00Z")),
        limits.acquire(window, address, NOW.plusSeconds(10)));
    assertEquals(
        Optional.empty(), limits.acquire(window, "203.0.113.9-" + address, NOW.plusSeconds(10)));
    assertEquals(
        Optional.empty(),
        limits.acquire(window, address, Instant.parse("2031-03-04T05:07:00Z")));
  }

  @Test
  void failuresRecordedBeyondTheLimitKeepTheSubjectLimitedToTheWindowsEnd() {
    RateWindow window = new RateWindow("it-record", 2, Duration.ofMinutes(15));
    limits.record(window, address, NOW);
    assertEquals(Optional.empty(), limits.limitedUntil(window, address, NOW));

    limits.record(window, address, NOW);
    limits.record(window, address, NOW);

    assertEquals(
        Optional.of(Instant.parse("2031-03-04T05:15:00Z")),
        limits.limitedUntil(window, address, NOW));
    assertEquals(
        Optional.empty(),
        limits.limitedUntil(window, address, Instant.parse("2031-03-04T05:15:00Z")));
  }

  @Test
  void parallelRequestsNeverGetPastTheLimitTogether() throws Exception {
    RateWindow window = new RateWindow("it-race", 5, Duration.ofMinutes(1));
    int attempts = 24;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Optional<Instant>>> results = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return limits.acquire(window, address, NOW);
                }));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Optional<Instant>> result : results) {
        allowed += result.get().isEmpty() ? 1 : 0;
      }

      assertEquals(5, allowed);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countsOfEndedWindowsArePurged() {
    RateWindow window = new RateWindow("it-purge", 1, Duration.ofMinutes(1));
    limits.acquire(window, address, NOW);
    assertTrue(limits.acquire(window, address, NOW).isPresent());

    assertTrue(counts.purgeEndedBefore(NOW.plus(Duration.ofMinutes(2))) > 0);

    assertEquals(Optional.empty(), limits.acquire(window, address, NOW));
  }
}
