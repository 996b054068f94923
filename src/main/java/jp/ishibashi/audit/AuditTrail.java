package jp.ishibashi.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.platform.RequestOrigin;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;

/**
 * Appends audit events to the agency's hash chain, inside the caller's transaction, so an event
 * exists exactly when its state change was committed; {@link #recordRefusal} is the exception.
 *
 * <p>An append locks the agency's {@link AuditChainHead} until the transaction ends. One agency's
 * changes therefore commit their events one after the other from the moment they record one: record
 * an event as the last step of a use case, after its own locks and checks.
 */
@ApplicationScoped
public class AuditTrail {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private RequestOrigin origin;
  @Inject private OwnTransaction ownTransaction;
  @Resource private TransactionSynchronizationRegistry transactions;

  /** Appends an event in the caller's transaction; it is kept only if that one commits. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Actor actor, String action, String subjectType, long subjectId, String details) {
    append(actor, action, subjectType, subjectId, details);
  }

  /**
   * Appends an event about a refused action in a transaction of its own, committed at once, so that
   * it stays when the caller's transaction rolls back: a wrong password at signing, say. Call it
   * before {@link #record} in the same transaction, never after: {@code record} holds the agency's
   * chain locked until the caller commits, so this call could never get the lock.
   *
   * @throws IllegalStateException when the caller's transaction has already recorded an event in
   *     the actor's agency
   */
  public void recordRefusal(
      Actor actor, String action, String subjectType, long subjectId, String details) {
    if (holdsChain(actor.tenantId())) {
      throw new IllegalStateException(
          "recordRefusal after record in one transaction would wait for its own lock");
    }
    ownTransaction.run(() -> append(actor, action, subjectType, subjectId, details));
  }

  /**
   * Starts the empty chain of a new agency, in the transaction that creates the agency. Two first
   * events of an agency then find a head to lock, instead of racing to create it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void startChain(long tenantId) {
    tenancy.global().persist(new AuditChainHead(tenantId));
  }

  /** The events about one subject, oldest first. */
  @Transactional
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

  /** One page of the agency's events, newest first, legacy events last; for its admins. */
  @Transactional
  public List<AuditEvent> newestFirst(Actor actor, int first, int max) {
    requireAdmin(actor);
    return tenancy
        .em(actor)
        .createQuery(
            "select e from AuditEvent e order by e.seq desc nulls last, e.at desc, e.id desc",
            AuditEvent.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many events the agency has; for its admins. */
  @Transactional
  public long count(Actor actor) {
    requireAdmin(actor);
    return tenancy
        .em(actor)
        .createQuery("select count(e) from AuditEvent e", Long.class)
        .getSingleResult();
  }

  /** Only agency admins read the whole trail; anyone else is told it does not exist. */
  static void requireAdmin(Actor actor) {
    if (!actor.isAgencyAdmin()) {
      throw new NotFoundException();
    }
  }

  /**
   * Locks the agency's chain now, until the transaction ends, for a use case that must wait for
   * the agency's other audited writes before it takes locks of its own (a year's first work order,
   * which has no counter row to lock yet). Audited writes lock the chain first and, through their
   * foreign keys, share the agency's row after; locking the chain rather than that row keeps the
   * same order, so the two cannot deadlock.
   */
  public void holdChain(Actor actor) {
    lockHead(tenancy.em(actor), actor.tenantId());
  }

  private void append(
      Actor actor, String action, String subjectType, long subjectId, String details) {
    EntityManager em = tenancy.em(actor);
    AuditChainHead head = lockHead(em, actor.tenantId());
    AuditEvent event =
        new AuditEvent(
            actor.tenantId(),
            head.lastSeq() + 1,
            clock.now(),
            actor.userId(),
            action,
            subjectType,
            subjectId,
            details,
            origin.ip(),
            head.lastHash());
    em.persist(event);
    head.advanceTo(event);
    // Written now, so that a later append in this transaction locks and reads the advanced head.
    em.flush();
  }

  /**
   * The agency's chain head, locked until the transaction ends. Sign-up creates it with the agency,
   * and V4 for the agencies before it; should one still be missing, it is created in a transaction
   * of its own, where a concurrent creator's duplicate is harmless, then locked here.
   */
  private AuditChainHead lockHead(EntityManager em, long tenantId) {
    AuditChainHead head = em.find(AuditChainHead.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      RuntimeException lost = null;
      try {
        ownTransaction.run(
            () -> {
              EntityManager own = tenancy.global();
              own.persist(new AuditChainHead(tenantId));
              own.flush();
            });
      } catch (RuntimeException e) {
        lost = e; // most likely another transaction created it first: look again
      }
      head = em.find(AuditChainHead.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
      if (head == null) {
        throw new IllegalStateException("No audit chain head for agency " + tenantId, lost);
      }
    }
    transactions.putResource(heldKey(tenantId), Boolean.TRUE);
    return head;
  }

  /** Whether the current transaction holds the agency's chain head locked. */
  private boolean holdsChain(long tenantId) {
    return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION
        && transactions.getResource(heldKey(tenantId)) != null;
  }

  private static String heldKey(long tenantId) {
    return AuditChainHead.class.getName() + "#" + tenantId;
  }
}
