package jp.ishibashi.deadline;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import jp.ishibashi.tenant.Tenancy;

/**
 * What a {@link DeadlinePoller} does with the database: find the due deadlines of every agency, and
 * claim one. A claim is one conditional update in a transaction of its own; the database lets
 * exactly one transaction, on any node, change a pending row to FIRED, and that transaction then
 * runs the deadline's effect by firing {@link DeadlineDue} to its synchronous observers. The claim
 * and the effect commit together, or neither does.
 */
@Stateless
public class DeadlineClaims {

  @Inject private Tenancy tenancy;
  @Inject private Event<DeadlineDue> dueEvents;

  /**
   * Up to {@code max} pending deadlines due at {@code now}, in every agency, with ids above {@code
   * afterId}, by id: a poller pages through them all, even past ones whose effect keeps failing.
   */
  public List<DeadlineDue> due(Instant now, long afterId, int max) {
    return tenancy
        .global()
        .createQuery(
            "select d from DueDeadline d where d.state = :pending and d.dueAt <= :now"
                + " and d.id > :after order by d.id",
            DueDeadline.class)
        .setParameter("pending", Deadline.State.PENDING)
        .setParameter("now", now)
        .setParameter("after", afterId)
        .setMaxResults(max)
        .getResultStream()
        .map(DueDeadline::toEvent)
        .toList();
  }

  /**
   * Claims the deadline for this node and runs its effect, in a new transaction. Returns false,
   * with no effect, when it is no longer pending and due: another poller fired it, or it was
   * cancelled or moved since it was found. An observer's exception rolls the claim back and reaches
   * the caller; the deadline stays pending.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claim(DeadlineDue due, Instant now, String node) {
    int claimed =
        tenancy
            .em(due.tenantId())
            .createQuery(
                "update Deadline d set d.state = :fired, d.firedAt = :now, d.claimedBy = :node,"
                    + " d.pendingSubjectId = null, d.version = d.version + 1"
                    + " where d.id = :id and d.state = :pending and d.dueAt <= :now")
            .setParameter("fired", Deadline.State.FIRED)
            .setParameter("pending", Deadline.State.PENDING)
            .setParameter("now", now)
            .setParameter("node", node)
            .setParameter("id", due.deadlineId())
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    dueEvents.fire(due);
    return true;
  }
}
