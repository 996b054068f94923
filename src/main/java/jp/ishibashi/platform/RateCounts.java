package jp.ishibashi.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import jp.ishibashi.tenant.Tenancy;

/**
 * The database side of {@link RateLimits}: each method is one short transaction of its own. Use
 * {@link RateLimits}, which retries the one race this leaves (two first events of a window).
 */
@Stateless
public class RateCounts {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;

  /**
   * Adds one to the count under {@code key} unless it has reached {@code max} already; a count
   * that does not exist yet is created at one.
   *
   * @return whether the event was counted
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean increment(String key, Instant windowEnd, int max) {
    EntityManager em = tenancy.global();
    int updated =
        em.createQuery(
                "update RateCount c set c.hits = c.hits + 1 where c.key = :key and c.hits < :max")
            .setParameter("key", key)
            .setParameter("max", max)
            .executeUpdate();
    if (updated == 1) {
      return true;
    }
    if (em.find(RateCount.class, key) != null) {
      return false;
    }
    em.persist(new RateCount(key, windowEnd, 1));
    em.flush();
    return true;
  }

  /** The count under {@code key}: 0 when there is none. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int hits(String key) {
    RateCount count = tenancy.global().find(RateCount.class, key);
    return count == null ? 0 : count.hits();
  }

  /** Forgets the counts of windows that have ended, every ten minutes on every node. */
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  public void purgeEnded() {
    purgeEndedBefore(clock.now());
  }

  /** Forgets the counts of windows that ended before {@code now}; returns how many. */
  public int purgeEndedBefore(Instant now) {
    return tenancy
        .global()
        .createQuery("delete from RateCount c where c.windowEnd < :now")
        .setParameter("now", now)
        .executeUpdate();
  }
}
