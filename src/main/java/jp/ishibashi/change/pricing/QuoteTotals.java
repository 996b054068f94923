package jp.ishibashi.change.pricing;

import jp.ishibashi.shared.Money;

/**
 * The money of a change: what it adds to the order (or takes off, when negative).
 *
 * @param subtotal the tax-exclusive delta: scope delta, kill fees and rush surcharge
 * @param tax consumption tax (消費税) 10% of the subtotal, once for the document, rounded toward zero
 * @param total subtotal plus tax
 * @param withholding the change in withholding tax (源泉徴収税) the client keeps back and pays to the
 *     tax office; zero unless the subcontractor is an individual
 * @param payable total minus withholding: what the subcontractor receives more, or less
 */
public record QuoteTotals(
    Money subtotal, Money tax, Money total, Money withholding, Money payable) {

  /**
   * The extra escrow (追加仮払い) the client must fund before the added work starts: the payable amount
   * when positive, else zero. Withholding is paid to the tax office, not into escrow.
   */
  public Money extraEscrow() {
    return payable.isPositive() ? payable : Money.zero(payable.currency());
  }

  /** What goes back to the client from escrow when the change lowers the fee, else zero. */
  public Money refund() {
    return payable.isNegative()
        ? Money.zero(payable.currency()).minus(payable)
        : Money.zero(payable.currency());
  }
}
