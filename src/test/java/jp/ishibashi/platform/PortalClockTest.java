package jp.ishibashi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortalClockTest {

  @Test
  void anAdjustableClockMovesForwardAndBackToTheRealTime() {
    PortalClock clock = new PortalClock(true, "Asia/Tokyo");
    Instant before = Instant.now();
    clock.advance(Duration.ofDays(30));
    assertTrue(clock.now().isAfter(before.plus(Duration.ofDays(29))));

    clock.reset();
    Instant now = clock.now();
    assertTrue(!now.isBefore(before) && now.isBefore(Instant.now().plusSeconds(1)), now.toString());
  }

  @Test
  void aProductionClockRefusesToMoveEitherWay() {
    PortalClock clock = new PortalClock(false, "Asia/Tokyo");
    assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofDays(1)));
    assertThrows(IllegalStateException.class, clock::reset);
    assertEquals(false, clock.isAdjustable());
  }
}
