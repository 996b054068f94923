package jp.ishibashi.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailBackoffTest {

  private static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");

  @Test
  void waitsLongerAfterEachFailureAndGivesUpAfterTheSixth() {
    assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), MailBackoff.nextAttempt(1, NOW));
    assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(5))), MailBackoff.nextAttempt(2, NOW));
    assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(30))), MailBackoff.nextAttempt(3, NOW));
    assertEquals(Optional.of(NOW.plus(Duration.ofHours(2))), MailBackoff.nextAttempt(4, NOW));
    assertEquals(Optional.of(NOW.plus(Duration.ofHours(6))), MailBackoff.nextAttempt(5, NOW));
    assertEquals(Optional.empty(), MailBackoff.nextAttempt(6, NOW));
    assertEquals(Optional.empty(), MailBackoff.nextAttempt(7, NOW));
  }

  @Test
  void thereIsNoBackoffBeforeAFailure() {
    assertThrows(IllegalArgumentException.class, () -> MailBackoff.nextAttempt(0, NOW));
  }

  @Test
  void aMailFailsSixTimesThenIsGivenUpWithItsLastError() {
    MailOutbox mail = new MailOutbox(1, "a@example.test", new MailText("s", "b"), NOW);
    Instant at = NOW;
    for (int attempt = 1; attempt < MailBackoff.MAX_ATTEMPTS; attempt++) {
      mail.failed(at, "refused " + attempt);
      assertEquals(MailOutbox.State.PENDING, mail.getState());
      assertEquals(attempt, mail.getAttempts());
      assertEquals(at.plus(MailBackoff.DELAYS.get(attempt - 1)), mail.getNextAttemptAt());
      at = mail.getNextAttemptAt();
    }
    mail.failed(at, "x".repeat(1_000));
    assertEquals(MailOutbox.State.FAILED, mail.getState());
    assertEquals(MailBackoff.MAX_ATTEMPTS, mail.getAttempts());
    assertEquals(MailOutbox.MAX_ERROR, mail.getLastError().length(), "cut to its column");
  }
}
