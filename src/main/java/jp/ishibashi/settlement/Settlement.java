package jp.ishibashi.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Ending;
import jp.ishibashi.workorder.Totals;

/**
 * The rules by which the escrow follows the current signed agreement, to the yen — pure, with no
 * database, so that a property test can run thousands of random lifecycles through the very code
 * the services call.
 *
 * <ul>
 *   <li>A line is paid once, on acceptance: its amount plus its consumption tax in the version
 *       current then. When the last line is accepted, the tax rounding left over is released, so
 *       that everything released equals the agreement's total with tax, and whatever the escrow
 *       still holds (an amendment that reduced the scope) goes back to the agency.
 *   <li>Ending after funding depends on who ends it (DESIGN, "The agreement binds"): accepted
 *       lines stay paid; the agency's termination pays delivered lines in full and lines in
 *       progress their kill fee, and refunds the rest; the subcontractor's withdrawal and the
 *       agency's ending for non-performance refund everything not accepted.
 * </ul>
 */
public final class Settlement {

  private Settlement() {}

  /**
   * The lines a delivery covers: the ones chosen, or every line not yet accepted. Refused for a
   * line that is not in the current version, or that was accepted already.
   */
  public static List<Long> deliverable(List<SettledLine> current, Collection<Long> chosen) {
    Set<Long> open = new TreeSet<>();
    current.stream()
        .filter(l -> l.progress() != LineProgress.ACCEPTED)
        .forEach(l -> open.add(l.lineId()));
    if (chosen == null || chosen.isEmpty()) {
      if (open.isEmpty()) {
        throw new DomainException("error.delivery.nothingLeft");
      }
      return List.copyOf(open);
    }
    Set<Long> lines = new TreeSet<>();
    for (Long id : chosen) {
      if (id == null || current.stream().noneMatch(l -> l.lineId() == id)) {
        throw DomainException.at("lines", "error.delivery.unknownLine");
      }
      if (!open.contains(id)) {
        throw DomainException.at("lines", "error.delivery.lineAccepted", position(current, id));
      }
      lines.add(id);
    }
    return List.copyOf(lines);
  }

  /** The line's position in the current version, for people reading it. */
  public static int position(List<SettledLine> current, long lineId) {
    for (int i = 0; i < current.size(); i++) {
      if (current.get(i).lineId() == lineId) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Pays the lines of an accepted delivery.
   *
   * @param current the current version's lines, the accepted ones already marked ACCEPTED
   * @param accepting the delivery's lines
   * @param total the current version's total with tax
   * @param released what the escrow released before this step
   * @param held what the escrow holds now
   */
  public static Plan onAcceptance(
      List<SettledLine> current,
      Collection<Long> accepting,
      Money total,
      Money released,
      Money held) {
    Money zero = Money.zero(total.currency());
    List<LinePay> payments = new ArrayList<>();
    for (SettledLine line : current) {
      if (accepting.contains(line.lineId()) && line.progress() != LineProgress.ACCEPTED) {
        payments.add(
            new LinePay(line.lineId(), Totals.withTax(line.amount()), LinePay.Basis.ACCEPTED));
      }
    }
    Plan lines = new Plan(payments, zero, zero);
    boolean last =
        current.stream()
            .allMatch(
                l -> l.progress() == LineProgress.ACCEPTED || accepting.contains(l.lineId()));
    if (!last) {
      return requireHeld(lines, held);
    }
    Money rounding = total.minus(released).minus(lines.release());
    if (rounding.isNegative()) {
      throw new IllegalStateException(
          "Paying every line would release more than the total: " + total + ", " + released);
    }
    Plan complete = new Plan(payments, rounding, zero);
    return requireHeld(
        new Plan(payments, rounding, held.minus(complete.release())), held);
  }

  /**
   * Ends a funded order the given way: what each line is paid, and what is refunded, so that
   * nothing is held afterwards.
   *
   * @param killFeeInProgress the policy's share of a line in progress paid on termination
   *     (MUTUAL: every line not accepted is the quote's kill fee, agreed by both, and paid in full)
   */
  public static Plan onEnding(
      Ending how, List<SettledLine> current, BigDecimal killFeeInProgress, Money held) {
    Money zero = Money.zero(held.currency());
    List<LinePay> payments = new ArrayList<>();
    if (how == Ending.MUTUAL) {
      for (SettledLine line : current) {
        if (line.progress() != LineProgress.ACCEPTED) {
          payments.add(
              new LinePay(line.lineId(), Totals.withTax(line.amount()), LinePay.Basis.KILL_FEE));
        }
      }
    }
    if (how == Ending.TERMINATED) {
      for (SettledLine line : current) {
        switch (line.progress()) {
          case UNDER_REVIEW ->
              payments.add(
                  new LinePay(
                      line.lineId(), Totals.withTax(line.amount()), LinePay.Basis.DELIVERED));
          case IN_PROGRESS -> {
            Money fee = line.amount().times(killFeeInProgress, RoundingMode.HALF_UP);
            if (fee.isPositive()) {
              payments.add(new LinePay(line.lineId(), Totals.withTax(fee), LinePay.Basis.KILL_FEE));
            }
          }
          default -> {}
        }
      }
    }
    Plan paid = new Plan(payments, zero, zero);
    return requireHeld(new Plan(payments, zero, held.minus(paid.release())), held);
  }

  /** A plan never releases more than the escrow holds. */
  private static Plan requireHeld(Plan plan, Money held) {
    if (plan.release().compareTo(held) > 0 || plan.refund().isNegative()) {
      throw new DomainException("error.settlement.underfunded");
    }
    return plan;
  }
}
