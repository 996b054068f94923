package jp.ishibashi.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.ishibashi.escrow.EscrowLedger;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.notification.NotificationKind;
import jp.ishibashi.notification.OrderNotices;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;

/**
 * Escrow funding (仮払い): the agency funds the agreed total before work may start, and what an
 * amendment adds before the added work is delivered (追加仮払い). Until then the portal refuses to
 * record a start or a delivery.
 */
@Stateless
public class Funding {

  public static final int MAX_REFERENCE = 100;

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private EscrowLedger escrow;
  @Inject private OrderNotices notices;

  /** The agency funds the escrow with the agreed total; work may then start. */
  public WorkOrder fund(Actor actor, long orderId, String reference) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    order.require(OrderAction.FUND, WorkOrders.partyOf(actor, order));
    String ref = Texts.required(reference, "reference", MAX_REFERENCE);
    order.markFunded(WorkOrders.partyOf(actor, order), clock.now());
    em.flush();
    escrow.fund(actor, orderId, order.totals().total(), ref);
    notices.to(actor, order, jp.ishibashi.workorder.Party.SUBCONTRACTOR, NotificationKind.FUNDED);
    return order;
  }

  /**
   * The agency funds what an amendment added: the agreed total less what the escrow holds and has
   * paid out. Refused when nothing is due.
   */
  public Ledger fundExtra(Actor actor, long orderId, String reference) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    order.require(OrderAction.FUND_EXTRA, WorkOrders.partyOf(actor, order));
    String ref = Texts.required(reference, "reference", MAX_REFERENCE);
    Money due = extraDue(actor, order);
    if (!due.isPositive()) {
      throw new DomainException("error.funding.nothingDue");
    }
    return escrow.fund(actor, orderId, due, ref);
  }

  /** What the escrow must still receive before the order may be delivered. */
  public Money extraDue(Actor actor, WorkOrder order) {
    if (order.getStatus() != WorkOrderStatus.FUNDED
        && order.getStatus() != WorkOrderStatus.DELIVERED) {
      return Money.zero(order.currencyUnit());
    }
    Ledger ledger = escrow.ledger(actor, order.getId());
    // What the agreed total still lacks: paid out for accepted lines counts as funded.
    Money due = order.totals().total().minus(ledger.held()).minus(ledger.released());
    return due.isPositive() ? due : Money.zero(order.currencyUnit());
  }
}
