package jp.ishibashi.workorder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import jp.ishibashi.shared.Money;

/**
 * Subtotal, consumption tax (消費税, 10%) and total of a work order. The tax is computed once per
 * document on the subtotal and rounded down to the currency's minor unit, as the qualified
 * invoice rules require (one rounding per rate per document).
 */
public record Totals(Money subtotal, Money tax, Money total) {

  public static final BigDecimal CONSUMPTION_TAX_RATE = new BigDecimal("0.10");

  public static Totals of(List<LineContent> lines, Currency currency) {
    Money subtotal =
        lines.stream().map(l -> l.amount(currency)).reduce(Money.zero(currency), Money::plus);
    Money tax = taxOn(subtotal);
    return new Totals(subtotal, tax, subtotal.plus(tax));
  }

  /**
   * The consumption tax on an amount, rounded down to the minor unit: the one place the portal
   * rounds tax, for a document's subtotal, a line paid on acceptance and a kill fee alike.
   */
  public static Money taxOn(Money amount) {
    return amount.times(CONSUMPTION_TAX_RATE, RoundingMode.DOWN);
  }

  /** The amount with its consumption tax. */
  public static Money withTax(Money amount) {
    return amount.plus(taxOn(amount));
  }
}
