package jp.ishibashi.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.tenant.Tenancy;

/**
 * The per-address failure count of {@link SignInThrottle}, kept so that parallel attempts cannot
 * all slip under it. An attempt first <em>reserves</em> a failure: in one short transaction it locks
 * the address's {@link SignInLock} row, counts the failures in the window and, when the address is
 * not locked, records one for itself, presuming the password wrong. Only then is the password
 * hashed, outside any transaction; a right password clears the address's failures. Attempts for
 * one address therefore reserve one after another, and at most {@code maxFailures} passwords are
 * checked per window however many arrive at once.
 */
@Stateless
public class SignInFailures {

  @Inject private Tenancy tenancy;

  /**
   * Reserves a failure for the address at {@code now}; returns when its lock ends instead, without
   * recording anything, if it is locked.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Instant> reserve(String email, Instant now, SignInThrottle throttle) {
    EntityManager em = tenancy.global();
    em.find(SignInLock.class, SignInLock.stripeOf(email), LockModeType.PESSIMISTIC_WRITE);
    List<Instant> recent =
        em.createQuery(
                "select f.failedAt from SignInFailure f"
                    + " where f.email = :email and f.failedAt > :since order by f.failedAt desc",
                Instant.class)
            .setParameter("email", email)
            .setParameter("since", throttle.windowStart(now))
            .setMaxResults(throttle.maxFailures())
            .getResultList();
    Optional<Instant> locked = throttle.lockedUntil(recent, now);
    if (locked.isEmpty()) {
      em.persist(new SignInFailure(email, now));
    }
    return locked;
  }

  /** Forgets the address's failures, after a right password. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void clear(String email) {
    tenancy
        .global()
        .createQuery("delete from SignInFailure f where f.email = :email")
        .setParameter("email", email)
        .executeUpdate();
  }
}
