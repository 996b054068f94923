package jp.ishibashi.settlement;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.ishibashi.agreement.AgreementContent;
import jp.ishibashi.agreement.Agreements;
import jp.ishibashi.shared.Money;
import jp.ishibashi.escrow.EscrowLedger;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.platform.PortalClock;
import jp.ishibashi.tenant.Actor;
import jp.ishibashi.tenant.Tenancy;
import jp.ishibashi.workorder.Ending;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrders;

/**
 * Settles the escrow by the {@link Settlement} rules, inside the caller's transaction, after the
 * caller has locked the order and checked the action against its lifecycle: each line's payment
 * is a {@link LinePayment} row by the line's id, and the movements go through the {@link
 * EscrowLedger}.
 */
@Stateless
public class Settlements {

  @Inject private Tenancy tenancy;
  @Inject private PortalClock clock;
  @Inject private EscrowLedger escrow;

  /** The ids of the order's lines accepted and paid so far; for either party. */
  public Set<Long> acceptedLines(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    return acceptedLines(em, orderId);
  }

  /** What the escrow released for each line of the order, oldest first; for either party. */
  public List<LinePayment> paymentsOf(Actor actor, long orderId) {
    EntityManager em = tenancy.em(actor);
    WorkOrders.partyOf(actor, WorkOrders.require(em, orderId, false));
    return em.createQuery(
            "select p from LinePayment p where p.workOrderId = :order order by p.id",
            LinePayment.class)
        .setParameter("order", orderId)
        .getResultList();
  }

  /**
   * The money invariants the order breaks now, read from the database; empty when all hold. For
   * either party.
   */
  public List<String> brokenInvariants(Actor actor, WorkOrder order) {
    EntityManager em = tenancy.em(actor);
    AgreementContent signed = signed(em, order);
    java.util.Map<Long, Money> amounts = new java.util.HashMap<>();
    signed.lines().forEach(l -> amounts.put(l.lineId(), new Money(l.amount(), order.currencyUnit())));
    List<MoneyInvariants.Paid> paid =
        paymentsOf(actor, order.getId()).stream()
            .map(
                p ->
                    new MoneyInvariants.Paid(
                        p.getLineId(), Money.ofMinor(p.getAmountMinor(), order.currencyUnit())))
            .toList();
    return MoneyInvariants.broken(
        new MoneyInvariants.Order(
            order.getStatus(),
            escrow.ledger(actor, order.getId()),
            new Money(signed.total(), order.currencyUnit()),
            amounts,
            paid,
            order.allowedActions(jp.ishibashi.workorder.Party.AGENCY),
            order.allowedActions(jp.ishibashi.workorder.Party.SUBCONTRACTOR)));
  }

  /**
   * Checks the money invariants after a step that moved the order's money, in its transaction:
   * a broken one is a defect, never a state to keep, so the whole step is rolled back.
   */
  public void verify(Actor actor, WorkOrder order) {
    tenancy.em(actor).flush();
    List<String> broken = brokenInvariants(actor, order);
    if (!broken.isEmpty()) {
      throw new IllegalStateException(
          "Money invariants broken for " + order.getNumber() + ": " + broken);
    }
  }

  private static Set<Long> acceptedLines(EntityManager em, long orderId) {
    return new TreeSet<>(
        em.createQuery(
                "select p.lineId from LinePayment p where p.workOrderId = :order"
                    + " and p.basis = :accepted",
                Long.class)
            .setParameter("order", orderId)
            .setParameter("accepted", LinePay.Basis.ACCEPTED)
            .getResultList());
  }

  /**
   * The lines of the order's current signed agreement as settlement sees them: accepted ones, the
   * ones under review, and the others in progress once work started. The signed version, not the
   * order's lines: while an accepted change awaits its signatures, the money still follows the
   * version both signed.
   */
  public List<SettledLine> lines(Actor actor, WorkOrder order, Set<Long> underReview) {
    EntityManager em = tenancy.em(actor);
    Set<Long> accepted = acceptedLines(em, order.getId());
    LineProgress others =
        order.getStartedAt() == null ? LineProgress.NOT_STARTED : LineProgress.IN_PROGRESS;
    return signed(em, order).lines().stream()
        .map(
            l ->
                new SettledLine(
                    l.lineId(),
                    new Money(l.amount(), order.currencyUnit()),
                    accepted.contains(l.lineId())
                        ? LineProgress.ACCEPTED
                        : underReview.contains(l.lineId()) ? LineProgress.UNDER_REVIEW : others))
        .toList();
  }

  private static AgreementContent signed(EntityManager em, WorkOrder order) {
    return Agreements.currentSigned(em, order.getId()).content();
  }

  /**
   * Pays the lines of an accepted delivery; when they were the last, also the tax rounding, and
   * refunds what the escrow holds beyond the total.
   *
   * @return whether every line of the current version is now accepted
   */
  public boolean payAccepted(
      Actor actor, WorkOrder order, Collection<Long> lineIds, long deliveryId, String why) {
    List<SettledLine> current = lines(actor, order, Set.of());
    Ledger ledger = escrow.ledger(actor, order.getId());
    Money total = new Money(signed(tenancy.em(actor), order).total(), order.currencyUnit());
    Plan plan = Settlement.onAcceptance(current, lineIds, total, ledger.released(), ledger.held());
    execute(actor, order, plan, deliveryId, why, "the rest of the escrow after the last line");
    return current.stream()
        .allMatch(l -> l.progress() == LineProgress.ACCEPTED || lineIds.contains(l.lineId()));
  }

  /** Settles an order ended after funding, so that nothing stays held. */
  public Plan settleEnding(
      Actor actor,
      WorkOrder order,
      Ending how,
      Set<Long> underReview,
      BigDecimal killFeeInProgress,
      String why) {
    List<SettledLine> current = lines(actor, order, underReview);
    Plan plan =
        Settlement.onEnding(
            how, current, killFeeInProgress, escrow.ledger(actor, order.getId()).held());
    execute(actor, order, plan, null, why, "ended " + how + ": the rest back to the agency");
    return plan;
  }

  private void execute(
      Actor actor, WorkOrder order, Plan plan, Long deliveryId, String why, String refundWhy) {
    EntityManager em = tenancy.em(actor);
    Instant now = clock.now();
    int version = Agreements.currentSigned(em, order.getId()).getVersionNumber();
    for (LinePay pay : plan.payments()) {
      em.persist(new LinePayment(order.getId(), pay, deliveryId, version, now));
    }
    em.flush();
    if (plan.release().isPositive()) {
      escrow.release(
          actor,
          order.getId(),
          plan.release(),
          why
              + ": lines "
              + String.join(
                  ", ", plan.payments().stream().map(p -> String.valueOf(p.lineId())).toList())
              + (plan.rounding().isPositive() ? " and tax rounding " + plan.rounding() : ""));
    }
    if (plan.refund().isPositive()) {
      escrow.refund(actor, order.getId(), plan.refund(), refundWhy);
    }
  }
}
