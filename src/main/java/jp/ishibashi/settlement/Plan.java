package jp.ishibashi.settlement;

import java.util.List;
import jp.ishibashi.shared.Money;

/**
 * The escrow movements one step settles: a payment per line, the tax rounding left when the last
 * line is paid (the document's tax is rounded once, the lines' one by one), and what goes back to
 * the agency.
 */
public record Plan(List<LinePay> payments, Money rounding, Money refund) {

  public Plan {
    payments = List.copyOf(payments);
  }

  /** Everything the step releases to the subcontractor. */
  public Money release() {
    return payments.stream().map(LinePay::amount).reduce(rounding, Money::plus);
  }
}
