package jp.ishibashi.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rule against password guessing: after {@code maxFailures} failed attempts within {@code
 * window}, further attempts are refused until the oldest of those failures leaves the window.
 * Refused attempts are not counted, so the lock does not grow while someone keeps trying.
 */
public record SignInThrottle(int maxFailures, Duration window) {

  public SignInThrottle {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("maxFailures ≥ 1 and a positive window");
    }
  }

  /** The instant from which failures count at {@code now}. */
  public Instant windowStart(Instant now) {
    return now.minus(window);
  }

  /**
   * When the lock ends, if the account is locked at {@code now}.
   *
   * @param recentFailures failures since {@link #windowStart(Instant)}, newest first
   */
  public Optional<Instant> lockedUntil(List<Instant> recentFailures, Instant now) {
    if (recentFailures.size() < maxFailures) {
      return Optional.empty();
    }
    Instant until = recentFailures.get(maxFailures - 1).plus(window);
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }
}
