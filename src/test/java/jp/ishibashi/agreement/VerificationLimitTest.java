package jp.ishibashi.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One address may verify only so often a minute; other addresses are not held up by it. */
class VerificationLimitTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void theCallOverTheLimitIsRefusedUntilTheOldestLeavesTheMinute() {
    VerificationLimit limit = new VerificationLimit(3);
    for (int i = 0; i < 3; i++) {
      assertThat(limit.refuse("203.0.113.7", T0.plusSeconds(i))).isEmpty();
    }

    assertThat(limit.refuse("203.0.113.7", T0.plusSeconds(10)))
        .contains(T0.plus(VerificationLimit.WINDOW));
    assertThat(limit.refuse("198.51.100.1", T0.plusSeconds(10))).isEmpty();
    assertThat(limit.refuse("203.0.113.7", T0.plus(Duration.ofSeconds(61)))).isEmpty();
  }

  @Test
  void refusedCallsDoNotProlongTheWait() {
    VerificationLimit limit = new VerificationLimit(1);
    assertThat(limit.refuse("203.0.113.7", T0)).isEmpty();
    for (int i = 1; i < 59; i++) {
      assertThat(limit.refuse("203.0.113.7", T0.plusSeconds(i))).isPresent();
    }
    assertThat(limit.refuse("203.0.113.7", T0.plusSeconds(60))).isEmpty();
  }
}
