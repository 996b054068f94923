package jp.ishibashi.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a mail that failed is tried again: 1, 5 and 30 minutes, then 2 and 6 hours after each
 * failure; after the {@value #MAX_ATTEMPTS}th failed attempt it is not tried again.
 */
public final class MailBackoff {

  public static final int MAX_ATTEMPTS = 6;

  static final List<Duration> DELAYS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(6));

  private MailBackoff() {}

  /**
   * The time of the next attempt after {@code failedAttempts} attempts failed, the last one at
   * {@code now}; empty when the mail is given up.
   */
  public static Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("No attempt has failed yet: " + failedAttempts);
    }
    if (failedAttempts >= MAX_ATTEMPTS) {
      return Optional.empty();
    }
    return Optional.of(now.plus(DELAYS.get(failedAttempts - 1)));
  }
}
