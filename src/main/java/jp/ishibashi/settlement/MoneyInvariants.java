package jp.ishibashi.settlement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.ishibashi.escrow.Ledger;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Lifecycle;
import jp.ishibashi.workorder.OrderAction;
import jp.ishibashi.workorder.Totals;
import jp.ishibashi.workorder.WorkOrderStatus;

/**
 * DESIGN's money invariants ("The agreement binds"), written once: {@link Settlements} checks them
 * after every step that moves an order's money and rolls the step back if one breaks, and the
 * tests check them after every step of random sequences, in the pure core and in the container.
 *
 * <ol>
 *   <li>The ledger balances: deposited = held + released + refunded.
 *   <li>A line is paid at most once, never more than its amount plus tax in the current signed
 *       version (accepted lines never change), and the lines' payments never exceed the release.
 *   <li>At PAID, released equals the current agreement's total with tax.
 *   <li>At PAID and CANCELLED, nothing is held.
 *   <li>A terminal state has no transition, for either side.
 * </ol>
 */
public final class MoneyInvariants {

  private MoneyInvariants() {}

  /** What one line was paid. */
  public record Paid(long lineId, Money amount) {}

  /**
   * One order as the invariants see it.
   *
   * @param total the current signed version's total with tax
   * @param lineAmounts each line of the current signed version, by id, without tax
   */
  public record Order(
      WorkOrderStatus status,
      Ledger ledger,
      Money total,
      Map<Long, Money> lineAmounts,
      List<Paid> payments,
      Set<OrderAction> agencyAllowed,
      Set<OrderAction> subcontractorAllowed) {}

  /** The invariants the order breaks, each named by its number; empty when all hold. */
  public static List<String> broken(Order o) {
    List<String> broken = new ArrayList<>();
    Ledger l = o.ledger();
    if (l.deposited().compareTo(l.held().plus(l.released()).plus(l.refunded())) != 0) {
      broken.add("1. deposited " + l.deposited() + " ≠ held + released + refunded (" + l + ")");
    }
    Set<Long> seen = new HashSet<>();
    Money paid = Money.zero(l.currency());
    for (Paid p : o.payments()) {
      paid = paid.plus(p.amount());
      if (!seen.add(p.lineId())) {
        broken.add("2. line " + p.lineId() + " is paid twice");
      }
      Money amount = o.lineAmounts().get(p.lineId());
      if (amount == null || p.amount().compareTo(Totals.withTax(amount)) > 0) {
        broken.add("2. line " + p.lineId() + " is paid " + p.amount() + ", more than " + amount + " with tax");
      }
    }
    if (paid.compareTo(l.released()) > 0) {
      broken.add("2. the lines' payments " + paid + " exceed the release " + l.released());
    }
    if (o.status() == WorkOrderStatus.PAID && l.released().compareTo(o.total()) != 0) {
      broken.add("3. at PAID released " + l.released() + " ≠ the total " + o.total());
    }
    if (Lifecycle.isTerminal(o.status()) && l.held().isPositive()) {
      broken.add("4. " + l.held() + " still held at " + o.status());
    }
    if (Lifecycle.isTerminal(o.status())
        && !(o.agencyAllowed().isEmpty() && o.subcontractorAllowed().isEmpty())) {
      broken.add("5. " + o.status() + " still allows an action");
    }
    return broken;
  }
}
