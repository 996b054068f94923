package jp.ishibashi.platform;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/**
 * Rate limits that hold across every node of a cluster, counted in the database ({@link
 * RateCounts}): what one node lets through, the others see at once.
 */
@ApplicationScoped
public class RateLimits {

  @Inject private RateCounts counts;

  /**
   * Counts an event of {@code subject} if the limit allows it.
   *
   * @return empty when the event may go ahead; otherwise when the subject may try again (nothing
   *     counted)
   */
  public Optional<Instant> acquire(RateWindow window, String subject, Instant now) {
    boolean counted = increment(window.key(subject, now), window.end(now), window.limit());
    return counted ? Optional.empty() : Optional.of(window.end(now));
  }

  /** Counts an event of {@code subject}, whether or not the limit is reached. */
  public void record(RateWindow window, String subject, Instant now) {
    increment(window.key(subject, now), window.end(now), Integer.MAX_VALUE);
  }

  /** When {@code subject} may act again, if it has reached the limit at {@code now}. */
  public Optional<Instant> limitedUntil(RateWindow window, String subject, Instant now) {
    return counts.hits(window.key(subject, now)) >= window.limit()
        ? Optional.of(window.end(now))
        : Optional.empty();
  }

  /**
   * Two first events of a window may both try to create its count; the database lets one in, and
   * the other, counted again, then finds the row.
   */
  private boolean increment(String key, Instant windowEnd, int max) {
    try {
      return counts.increment(key, windowEnd, max);
    } catch (EJBException | PersistenceException firstOfTheWindowRaced) {
      return counts.increment(key, windowEnd, max);
    }
  }
}
