package jp.ishibashi.deadline;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;

/**
 * Schedules and cancels the {@link Deadline}s of the actor's agency. Callers decide whether the
 * subject allows it (a delivery awaiting review, an open quote); the effect itself is an observer
 * of {@link DeadlineDue}, run by the {@link DeadlinePoller} once the deadline is due.
 *
 * <p>Both calls lock the pending deadline until the transaction ends, as a claim does. Take that
 * lock before locking the subject (call {@link #cancel} before locking the work order, say), the
 * order in which a firing deadline's observer takes them; the other order can deadlock with a
 * poller, and the database then rolls one of the two back.
 */
@Stateless
public class Deadlines {

  @Inject private Tenancy tenancy;

  /**
   * Schedules a deadline of this kind about this subject, due at {@code dueAt}; one already pending
   * is moved to that time instead, so there is never more than one.
   *
   * @param kind a dotted name such as {@code delivery.review}; see {@link Deadline#requireKind}
   */
  public Deadline schedule(Actor actor, String kind, long subjectId, Instant dueAt) {
    Deadline.requireKind(kind);
    EntityManager em = tenancy.em(actor);
    Optional<Deadline> pending = lockPending(em, kind, subjectId);
    Deadline deadline;
    if (pending.isPresent()) {
      deadline = pending.get();
      deadline.moveTo(dueAt);
    } else {
      deadline = new Deadline(kind, subjectId, dueAt);
      em.persist(deadline);
    }
    em.flush();
    return deadline;
  }

  /**
   * Cancels the pending deadline of this kind about this subject. Returns false when there is none:
   * never scheduled, cancelled already, or fired (its effect has then committed).
   */
  public boolean cancel(Actor actor, String kind, long subjectId) {
    Deadline.requireKind(kind);
    EntityManager em = tenancy.em(actor);
    Optional<Deadline> pending = lockPending(em, kind, subjectId);
    pending.ifPresent(Deadline::cancel);
    em.flush();
    return pending.isPresent();
  }

  /** The pending deadline of this kind about this subject, if any: for "deemed accepted on …". */
  public Optional<Deadline> pending(Actor actor, String kind, long subjectId) {
    return about(actor, kind, subjectId).stream()
        .filter(d -> d.getState() == Deadline.State.PENDING)
        .findFirst();
  }

  /** Every deadline of this kind about this subject, oldest first. */
  public List<Deadline> about(Actor actor, String kind, long subjectId) {
    return tenancy
        .em(actor)
        .createQuery(
            "select d from Deadline d where d.kind = :kind and d.subjectId = :subject"
                + " order by d.id",
            Deadline.class)
        .setParameter("kind", kind)
        .setParameter("subject", subjectId)
        .getResultList();
  }

  private static Optional<Deadline> lockPending(EntityManager em, String kind, long subjectId) {
    return em.createQuery(
            "select d from Deadline d where d.kind = :kind and d.subjectId = :subject"
                + " and d.state = :pending",
            Deadline.class)
        .setParameter("kind", kind)
        .setParameter("subject", subjectId)
        .setParameter("pending", Deadline.State.PENDING)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
