package jp.ishibashi.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.change.ChangeRequests;
import jp.ishibashi.change.policy.PricingPolicies;
import jp.ishibashi.change.pricing.Edit;
import jp.ishibashi.change.pricing.PricingInput;
import jp.ishibashi.change.pricing.PricingService;
import jp.ishibashi.change.pricing.Progress;
import jp.ishibashi.change.pricing.Proposal;
import jp.ishibashi.change.pricing.Quote;
import jp.ishibashi.escrow.EscrowLedger;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.Totals;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import jp.ishibashi.workorder.WorkOrders;

/**
 * Cancelling a work order. Before funding, either side may cancel at once (the agency alone for
 * a draft). After funding, by the agreed terms: the work already started is paid through the
 * agency's kill fee (the same rule that prices change requests), plus consumption tax, released
 * from escrow, and the rest refunded — each a ledger movement. An engagement of six months or
 * more needs 30 days' notice: the first request records the notice, and the cancellation takes
 * effect on a request made 30 days or more later.
 */
@Stateless
public class Cancellations {

  public static final int NOTICE_DAYS = 30;
  public static final int MAX_REASON = 2000;
  static final String SUBJECT = "WorkOrder";

  /** What a cancellation request did. */
  public record Outcome(boolean cancelled, LocalDate effectiveFrom, Money paid, Money refunded) {}

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private EscrowLedger escrow;
  @Inject private PricingService pricing;
  @Inject private PricingPolicies policies;
  @Inject private Agreements agreements;
  @Inject private Fulfilment fulfilment;

  public Outcome cancel(Actor actor, long orderId, String reason) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    String why = Texts.optional(reason, "cancelReason", MAX_REASON);
    if (why == null) {
      throw DomainException.at("cancelReason", "error.cancel.reason");
    }
    if (order.getStatus() != WorkOrderStatus.FUNDED) {
      order.markCancelled(clock.now(), why);
      em.flush();
      agreements.reconcile(actor, order);
      audit.record(actor, "WORK_ORDER_CANCELLED", SUBJECT, orderId, "by the " + party + ": " + why);
      Money zero = Money.zero(order.currencyUnit());
      return new Outcome(true, clock.today(), zero, zero);
    }
    LocalDate today = clock.today();
    if (order.isLongEngagement()) {
      if (order.getTerminationNoticeOn() == null) {
        order.giveTerminationNotice(today);
        em.flush();
        audit.record(
            actor,
            "TERMINATION_NOTICE",
            SUBJECT,
            orderId,
            "by the " + party + "; effective from " + today.plusDays(NOTICE_DAYS) + ": " + why);
        Money zero = Money.zero(order.currencyUnit());
        return new Outcome(false, today.plusDays(NOTICE_DAYS), zero, zero);
      }
      LocalDate effective = order.getTerminationNoticeOn().plusDays(NOTICE_DAYS);
      if (today.isBefore(effective)) {
        throw new DomainException("error.cancel.notice", effective.toString());
      }
    }
    Money held = escrow.ledger(actor, orderId).held();
    Money fees = killFees(actor, em, order);
    Money pay = fees.compareTo(held) > 0 ? held : fees;
    order.markCancelled(clock.now(), why);
    em.flush();
    audit.record(
        actor,
        "WORK_ORDER_CANCELLED",
        SUBJECT,
        orderId,
        "after funding, by the " + party + ": " + why + "; paid for work done " + pay.amount());
    Ledger ledger = escrow.ledger(actor, orderId);
    if (pay.isPositive()) {
      ledger = escrow.release(actor, orderId, pay, "kill fee on cancellation");
    }
    Money rest = ledger.held();
    if (rest.isPositive()) {
      escrow.refund(actor, orderId, rest, "cancelled: the rest back to the agency");
    }
    return new Outcome(true, today, pay, rest);
  }

  /**
   * The kill fee for the work done, with consumption tax: every line in progress once work
   * started, none before. Priced by the same calculator as change requests.
   */
  private Money killFees(Actor actor, EntityManager em, WorkOrder order) {
    Agreement current =
        agreements.versionsOf(actor, order).stream()
            .filter(a -> a.getState() == Agreement.State.SIGNED)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("A funded order has a signed agreement"));
    AgreementContent content = current.content();
    Progress progress = order.getStartedAt() == null ? Progress.NOT_STARTED : Progress.IN_PROGRESS;
    Quote quote =
        pricing.price(
            new PricingInput(
                ChangeRequests.scopeOf(
                    content,
                    order.currencyUnit(),
                    n -> progress,
                    fulfilment.acceptedLines(actor, order.getId())),
                new Proposal(List.of(new Edit.CancelRemaining()), "cancellation"),
                clock.today(),
                policies.forAgency(actor).policy(),
                null,
                false));
    Money fees = quote.killFees();
    return fees.plus(fees.times(Totals.CONSUMPTION_TAX_RATE, RoundingMode.DOWN));
  }
}
