package jp.ishibashi.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;

/**
 * Appends audit events inside the caller's transaction, so an event exists exactly when its
 * state change was committed.
 */
@ApplicationScoped
public class AuditTrail {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;

  public void record(Actor actor, String action, String subjectType, long subjectId, String details) {
    tenancy
        .em(actor)
        .persist(
            new AuditEvent(clock.now(), actor.userId(), action, subjectType, subjectId, details));
  }

  /**
   * Appends an event in a transaction of its own: for a refused action, whose own transaction
   * rolls back, the refusal must still be on record.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordRefusal(
      Actor actor, String action, String subjectType, long subjectId, String details) {
    record(actor, action, subjectType, subjectId, details);
  }

  /** The events about one subject, oldest first. */
  public List<AuditEvent> about(Actor actor, String subjectType, long subjectId) {
    return tenancy
        .em(actor)
        .createQuery(
            "select e from AuditEvent e where e.subjectType = :type and e.subjectId = :id"
                + " order by e.at, e.id",
            AuditEvent.class)
        .setParameter("type", subjectType)
        .setParameter("id", subjectId)
        .getResultList();
  }
}
