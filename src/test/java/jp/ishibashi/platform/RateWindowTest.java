package jp.ishibashi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {

  private final RateWindow perMinute = new RateWindow("verify", 20, Duration.ofMinutes(1));

  @Test
  void everyInstantOfAMinuteFallsInTheSameWindowOnEveryNode() {
    Instant start = Instant.parse("2026-12-08T10:15:00Z");

    assertThat(perMinute.start(start.plusSeconds(59).plusMillis(999))).isEqualTo(start);
    assertThat(perMinute.end(start)).isEqualTo(start.plusSeconds(60));
    assertThat(perMinute.key("203.0.113.7", start.plusSeconds(30)))
        .isEqualTo(perMinute.key("203.0.113.7", start))
        .isNotEqualTo(perMinute.key("203.0.113.7", start.plusSeconds(60)))
        .isNotEqualTo(perMinute.key("203.0.113.8", start));
  }

  @Test
  void fifteenMinuteWindowsAlignOnTheQuarterHour() {
    RateWindow quarter = new RateWindow("sign-in-ip", 50, Duration.ofMinutes(15));

    assertThat(quarter.start(Instant.parse("2026-12-08T10:29:59Z")))
        .isEqualTo(Instant.parse("2026-12-08T10:15:00Z"));
  }

  @Test
  void aMissingOrHugeSubjectStillMakesABoundedKey() {
    Instant now = Instant.parse("2026-12-08T10:15:00Z");

    assertThat(perMinute.key(null, now)).isEqualTo(perMinute.key(" ", now)).endsWith("|-");
    assertThat(perMinute.key("x".repeat(10_000), now).length()).isLessThanOrEqualTo(200);
  }

  @Test
  void nonsenseLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RateWindow("a", 0, Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class, () -> new RateWindow("a", 1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new RateWindow("a|b", 1, Duration.ofMinutes(1)));
  }
}
