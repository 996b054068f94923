package jp.ishibashi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(15));

  private static List<Instant> failuresMinutesAgo(int... minutes) {
    return java.util.Arrays.stream(minutes).mapToObj(m -> NOW.minusSeconds(60L * m)).toList();
  }

  @Test
  void fourFailuresDoNotLock() {
    assertThat(throttle.lockedUntil(failuresMinutesAgo(1, 2, 3, 4), NOW)).isEmpty();
  }

  @Test
  void fiveFailuresWithinTheWindowLockUntilTheOldestOfThemLeavesIt() {
    assertThat(throttle.lockedUntil(failuresMinutesAgo(1, 2, 3, 4, 10), NOW))
        .contains(NOW.plusSeconds(5 * 60));
  }

  @Test
  void theLockEndsWhenTheWindowHasPassed() {
    List<Instant> failures = failuresMinutesAgo(1, 2, 3, 4, 10);
    assertThat(throttle.lockedUntil(failures, NOW.plusSeconds(5 * 60))).isEmpty();
  }

  @Test
  void theWindowStartsFifteenMinutesBack() {
    assertThat(throttle.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
  }
}
