package jp.ishibashi.message;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import jp.ishibashi.account.UserAccount;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.NotFoundException;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;

/**
 * The message thread of a work order, for its two parties only: anyone else gets a 404, as for
 * the order itself. Posting appends a message and an audit event; the agency's messages on a
 * signed, unfunded order are flagged as instructions before funding and make up the order's
 * evidence.
 */
@Stateless
public class OrderMessages {

  static final String SUBJECT = "WorkOrder";
  static final String FLAGGED = "instruction before funding";

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;

  /**
   * Appends a message to the order's thread. The order is locked first, so the flag is decided
   * on the status that funding, which locks it too, has committed.
   */
  public OrderMessage post(Actor actor, long orderId, String body) {
    return post(actor, orderId, body, false);
  }

  /**
   * Posts the agency's demand for performance (催告), which the caller has just recorded on the
   * order: a message of the thread that is kept as evidence.
   */
  public OrderMessage postDemand(Actor actor, long orderId, String body) {
    return post(actor, orderId, body, true);
  }

  private OrderMessage post(Actor actor, long orderId, String body, boolean demand) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = partyOf(actor, order);
    if (order.getStatus() == WorkOrderStatus.DRAFT) {
      throw new DomainException("error.message.draft");
    }
    UserAccount sender = em.find(UserAccount.class, actor.userId());
    OrderMessage message =
        demand
            ? OrderMessage.demand(orderId, sender, order.getStatus(), body, clock.now())
            : new OrderMessage(orderId, sender, party, order.getStatus(), body, clock.now());
    em.persist(message);
    em.flush();
    audit.record(actor, "MESSAGE_SENT", SUBJECT, orderId, describe(message));
    return message;
  }

  /** The order's messages, oldest first, with their senders. */
  public List<OrderMessage> thread(Actor actor, long orderId) {
    return messages(actor, orderId, false);
  }

  /** The order's instructions before funding, oldest first: its evidence. */
  public List<OrderMessage> evidence(Actor actor, long orderId) {
    return messages(actor, orderId, true);
  }

  private List<OrderMessage> messages(Actor actor, long orderId, boolean flaggedOnly) {
    EntityManager em = tenancy.em(actor);
    partyOf(actor, WorkOrders.require(em, orderId, false));
    return em.createQuery(
            "select m from OrderMessage m join fetch m.sender where m.workOrderId = :order"
                + (flaggedOnly ? " and (m.beforeFunding = true or m.demand = true)" : "")
                + " order by m.sentAt, m.id",
            OrderMessage.class)
        .setParameter("order", orderId)
        .getResultList();
  }

  private static Party partyOf(Actor actor, WorkOrder order) {
    if (order == null) {
      throw new NotFoundException();
    }
    return WorkOrders.partyOf(actor, order);
  }

  /** The audit details: who wrote, the flag, and the body's hash, which the chain then fixes. */
  private static String describe(OrderMessage m) {
    return "message "
        + m.getId()
        + " from "
        + m.getParty()
        + (m.isBeforeFunding() ? " (" + FLAGGED + ")" : "")
        + "; body sha256 "
        + AgreementContent.sha256(m.getBody());
  }
}
