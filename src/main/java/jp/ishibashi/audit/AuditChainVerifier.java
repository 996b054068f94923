package jp.ishibashi.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import jp.ishibashi.audit.ChainVerification.Break;
import jp.ishibashi.audit.ChainVerification.Reason;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;

/**
 * Recomputes an agency's audit chain from its stored events and names the first broken link: an
 * event whose fields no longer give its hash (edited), whose previous hash is not its predecessor's
 * hash (re-linked, or a predecessor replaced), whose seq skips (events removed), or a chain that
 * ends before its head (the last events removed).
 *
 * <p>Events are read in seq order a page at a time and let go after each page, so memory stays flat
 * for any length of trail. The head is read first: events up to its seq were committed with it, and
 * events appended meanwhile lie beyond it and wait for the next verification.
 */
@Stateless
public class AuditChainVerifier {

  static final int PAGE_SIZE = 500;

  @Inject private Tenancy tenancy;

  /** Verifies the actor's agency's chain; for its admins only, anyone else gets a 404. */
  public ChainVerification verify(Actor actor) {
    AuditTrail.requireAdmin(actor);
    EntityManager em = tenancy.em(actor);
    long tenantId = actor.tenantId();
    long legacy =
        em.createQuery("select count(e) from AuditEvent e where e.seq is null", Long.class)
            .getSingleResult();
    AuditChainHead head = em.find(AuditChainHead.class, tenantId);
    long end = head == null ? Long.MAX_VALUE : head.lastSeq();
    String endHash = head == null ? null : head.lastHash();

    long checked = 0;
    long expected = 1;
    String previousHash = AuditHash.GENESIS;
    AuditEvent last = null;
    List<AuditEvent> page;
    do {
      page =
          em.createQuery(
                  "select e from AuditEvent e where e.seq >= :from and e.seq <= :end"
                      + " order by e.seq",
                  AuditEvent.class)
              .setParameter("from", expected)
              .setParameter("end", end)
              .setMaxResults(PAGE_SIZE)
              .getResultList();
      for (AuditEvent event : page) {
        checked++;
        Reason reason = brokenLink(event, tenantId, expected, previousHash);
        if (reason != null) {
          return new ChainVerification(checked, legacy, at(event, reason, expected));
        }
        previousHash = event.getHash();
        expected++;
        last = event;
      }
      em.clear();
    } while (page.size() == PAGE_SIZE);

    if (head != null && (expected - 1 != end || !previousHash.equals(endHash))) {
      Break missing =
          last == null
              ? new Break(null, 0, null, Reason.HEAD_MISMATCH, end)
              : at(last, Reason.HEAD_MISMATCH, end);
      return new ChainVerification(checked, legacy, missing);
    }
    return new ChainVerification(checked, legacy, null);
  }

  /** Why the event is not the expected next link, or null when it is. */
  private static Reason brokenLink(
      AuditEvent event, long tenantId, long expectedSeq, String previousHash) {
    if (event.getSeq() != expectedSeq) {
      return Reason.SEQ_GAP;
    }
    if (!previousHash.equals(event.getPreviousHash())) {
      return Reason.PREVIOUS_HASH_MISMATCH;
    }
    return event.computeHash(tenantId).equals(event.getHash()) ? null : Reason.HASH_MISMATCH;
  }

  private static Break at(AuditEvent event, Reason reason, long expectedSeq) {
    return new Break(event.getId(), event.getSeq(), event.getAt(), reason, expectedSeq);
  }
}
