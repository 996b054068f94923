package jp.ishibashi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

  @Test
  void allowsTheLimitWithinTheWindowThenRefusesUntilTheOldestEventLeavesIt() {
    RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), 100);
    assertTrue(limiter.tryAcquire("ip", T0));
    assertTrue(limiter.tryAcquire("ip", T0.plusSeconds(10)));
    assertTrue(limiter.tryAcquire("ip", T0.plusSeconds(20)));
    assertFalse(limiter.tryAcquire("ip", T0.plusSeconds(30)));
    assertEquals(T0.plusSeconds(60), limiter.retryAt("ip", T0.plusSeconds(30)));
    assertTrue(limiter.tryAcquire("ip", T0.plusSeconds(60)));
    assertFalse(limiter.tryAcquire("ip", T0.plusSeconds(61)));
  }

  @Test
  void keysAreCountedApartAndRefusedAttemptsAreNotCounted() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 100);
    assertTrue(limiter.tryAcquire("a", T0));
    assertTrue(limiter.tryAcquire("b", T0));
    for (int i = 0; i < 10; i++) {
      assertFalse(limiter.tryAcquire("a", T0.plusSeconds(i)));
    }
    assertTrue(limiter.tryAcquire("a", T0.plusSeconds(60)));
  }

  @Test
  void recordCountsEvenOverTheLimitAndIsLimitedSays() {
    RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), 100);
    assertFalse(limiter.isLimited("x", T0));
    limiter.record("x", T0);
    limiter.record("x", T0.plusSeconds(1));
    limiter.record("x", T0.plusSeconds(2));
    assertTrue(limiter.isLimited("x", T0.plusSeconds(3)));
    assertFalse(limiter.isLimited("x", T0.plusSeconds(62)));
  }

  @Test
  void remembersAtMostMaxKeys() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 2);
    limiter.tryAcquire("a", T0);
    limiter.tryAcquire("b", T0);
    limiter.tryAcquire("c", T0);
    assertTrue(limiter.tryAcquire("a", T0), "the least recently used key was forgotten");
    assertFalse(limiter.tryAcquire("c", T0));
  }
}
