package jp.ishibashi.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import jp.ishibashi.audit.AuditTrail;
import jp.ishibashi.change.policy.NonPerformanceTerms;
import jp.ishibashi.change.policy.PricingPolicies;
import jp.ishibashi.change.pricing.Progress;
import jp.ishibashi.message.OrderMessages;
import jp.ishibashi.notification.NotificationKind;
import jp.ishibashi.notification.OrderNotices;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.settlement.LineProgress;
import jp.ishibashi.settlement.Plan;
import jp.ishibashi.settlement.Settlements;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.shared.Texts;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.Ending;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.OrderChanged;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrders;

/**
 * Ending a work order, by its own terms (DESIGN, "The agreement binds"). Before funding either
 * side cancels at once. After funding it depends on who ends it, and accepted lines always stay
 * paid:
 *
 * <ul>
 *   <li>the agency terminates: lines in progress are paid the policy's kill fee with tax, the rest
 *       refunded; an engagement of six months or more needs 30 days' notice (Freelance Act art.
 *       16), recorded by the first request, and the termination takes effect on a request made 30
 *       days or more later;
 *   <li>the subcontractor withdraws: everything not accepted goes back to the agency, no kill fee;
 *   <li>non-performance: once the due date plus the policy's grace days has passed with lines
 *       still open, the agency demands delivery by a deadline (催告), posted in the order's thread
 *       as evidence; if nothing is delivered by then, it ends the order without a kill fee.
 * </ul>
 *
 * A mutual ending with a kill fee is a CANCEL_REMAINING change request instead. While a delivery
 * is under review nobody ends the order alone (the {@link jp.ishibashi.workorder.Lifecycle}).
 */
@Stateless
public class Cancellations {

  public static final int NOTICE_DAYS = 30;
  public static final int MAX_REASON = 2000;
  static final String SUBJECT = "WorkOrder";

  /** What a request to end the order did. */
  public record Outcome(
      boolean cancelled, Ending how, LocalDate effectiveFrom, Money paid, Money refunded) {}

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private AuditTrail audit;
  @Inject private Settlements settlements;
  @Inject private PricingPolicies policies;
  @Inject private OrderMessages messages;
  @Inject private OrderNotices notices;
  @Inject private jakarta.enterprise.event.Event<OrderChanged> changed;

  /**
   * The caller's side ends the order the way its state allows: cancels before funding, terminates
   * (the agency) or withdraws (the subcontractor) after.
   */
  public Outcome cancel(Actor actor, long orderId, String reason) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    Ending how = order.endingFor(party);
    order.require(how.action(), party);
    String why = reason(reason);
    LocalDate today = clock.today();
    Money zero = Money.zero(order.currencyUnit());
    if (how == Ending.CANCELLED) {
      order.end(how, party, clock.now(), today, why);
      em.flush();
      changed.fire(new OrderChanged(actor, order));
      if (order.getSentAt() != null) {
        notices.toOtherSide(actor, order, party, NotificationKind.ORDER_ENDED);
      }
      audit.record(actor, "WORK_ORDER_CANCELLED", SUBJECT, orderId, "by the " + party + ": " + why);
      return new Outcome(true, how, today, zero, zero);
    }
    if (how == Ending.TERMINATED && order.isLongEngagement()) {
      if (order.getTerminationNoticeOn() == null) {
        order.giveTerminationNotice(party, today);
        em.flush();
        audit.record(
            actor,
            "TERMINATION_NOTICE",
            SUBJECT,
            orderId,
            "by the " + party + "; effective from " + today.plusDays(NOTICE_DAYS) + ": " + why);
        return new Outcome(false, how, today.plusDays(NOTICE_DAYS), zero, zero);
      }
      LocalDate effective = order.getTerminationNoticeOn().plusDays(NOTICE_DAYS);
      if (today.isBefore(effective)) {
        throw new DomainException("error.cancel.notice", effective.toString());
      }
    }
    return end(actor, em, order, party, how, why);
  }

  /**
   * The agency demands that the open lines be delivered within the policy's demand days (催告):
   * refused before the due date plus grace days has passed, and when nothing is open.
   */
  public WorkOrder demand(Actor actor, long orderId, String note) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.DEMAND, party);
    boolean open =
        settlements.lines(actor, order, Set.of()).stream()
            .anyMatch(l -> l.progress() != LineProgress.ACCEPTED);
    if (!open) {
      throw new DomainException("error.demand.nothingOpen");
    }
    String text = Texts.optional(note, "demandNote", MAX_REASON);
    NonPerformanceTerms terms = policies.nonPerformance(actor);
    order.demand(party, clock.today(), terms.graceDays(), terms.demandDays(), clock.now());
    em.flush();
    String deadline = order.getDemandDeadline().toString();
    messages.postDemand(
        actor,
        orderId,
        ("ja".equals(order.getLanguage())
                ? "【催告】納期を過ぎています。" + deadline + "までに未納の作業項目を納品してください。"
                    + "期限までに納品がない場合、未納分の契約を解除します（民法541条）。"
                : "[Demand for performance] The delivery date has passed. Deliver the open lines by "
                    + deadline
                    + ". If nothing is delivered by then, the agency may end them (Civil Code"
                    + " art. 541).")
            + (text == null ? "" : "\n" + text));
    audit.record(
        actor, "PERFORMANCE_DEMANDED", SUBJECT, orderId, "deliver by " + deadline + " (demand)");
    notices.to(actor, order, Party.SUBCONTRACTOR, NotificationKind.PERFORMANCE_DEMANDED, deadline);
    return order;
  }

  /**
   * After a demand's deadline passed with nothing delivered since the demand, the agency ends the
   * open lines without a kill fee: what is not accepted is refunded.
   */
  public Outcome endForNonPerformance(Actor actor, long orderId, String reason) {
    EntityManager em = tenancy.em(actor);
    WorkOrder order = WorkOrders.require(em, orderId, true);
    Party party = WorkOrders.partyOf(actor, order);
    order.require(OrderAction.END_FOR_NON_PERFORMANCE, party);
    String why = reason(reason);
    Instant demanded = order.getDemandSentAt();
    if (demanded != null && deliveredSince(em, orderId, demanded)) {
      throw new DomainException("error.demand.answered");
    }
    return end(actor, em, order, party, Ending.NON_PERFORMANCE, why);
  }

  /**
   * Both signed an amendment that cancels the rest of the order (version {@code version}): the
   * order ends by agreement. Accepted lines stay paid; the kill-fee lines the quote priced are
   * paid in full with tax, and the rest of the escrow goes back to the agency.
   */
  public Outcome endByAgreement(Actor actor, WorkOrder order, int version) {
    Money zero = Money.zero(order.currencyUnit());
    Plan plan =
        order.getFundedAt() == null
            ? new Plan(java.util.List.of(), zero, zero)
            : settlements.settleEnding(
                actor, order, Ending.MUTUAL, Set.of(), java.math.BigDecimal.ZERO, "ended by agreement");
    order.endByAgreement(clock.now(), "version " + version);
    settlements.verify(actor, order);
    notices.toBoth(actor, order, NotificationKind.ORDER_ENDED);
    audit.record(
        actor,
        "WORK_ORDER_MUTUAL",
        SUBJECT,
        order.getId(),
        "ended by agreement version "
            + version
            + "; paid "
            + plan.release().amount()
            + ", refunded "
            + plan.refund().amount());
    return new Outcome(true, Ending.MUTUAL, clock.today(), plan.release(), plan.refund());
  }

  private Outcome end(
      Actor actor, EntityManager em, WorkOrder order, Party party, Ending how, String why) {
    // Checked before any money moves: a refusal leaves the ledger as it was.
    order.requireEnding(how, party, clock.today());
    Plan plan =
        settlements.settleEnding(
            actor,
            order,
            how,
            Deliveries.underReview(em, order.getId()),
            policies.forAgency(actor).policy().killFee(Progress.IN_PROGRESS),
            how + " by the " + party);
    order.end(how, party, clock.now(), clock.today(), why);
    em.flush();
    // An amendment still awaiting signatures is void with the order.
    changed.fire(new OrderChanged(actor, order));
    settlements.verify(actor, order);
    notices.toOtherSide(actor, order, party, NotificationKind.ORDER_ENDED);
    audit.record(
        actor,
        "WORK_ORDER_" + how,
        SUBJECT,
        order.getId(),
        "after funding, by the "
            + party
            + ": "
            + why
            + "; paid for work done "
            + plan.release().amount()
            + ", refunded "
            + plan.refund().amount());
    return new Outcome(true, how, clock.today(), plan.release(), plan.refund());
  }

  private static boolean deliveredSince(EntityManager em, long orderId, Instant since) {
    return !em.createQuery(
            "select d.id from Delivery d where d.workOrderId = :order and d.deliveredAt >= :since",
            Long.class)
        .setParameter("order", orderId)
        .setParameter("since", since)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static String reason(String reason) {
    String why = Texts.optional(reason, "cancelReason", MAX_REASON);
    if (why == null) {
      throw DomainException.at("cancelReason", "error.cancel.reason");
    }
    return why;
  }
}
