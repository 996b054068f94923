package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.LineContent;
import jp.ishibashi.workorder.Unit;

/**
 * One scope line of the signed agreement, as it was priced, with how far the work on it has got.
 * The agreement was validated when it was negotiated, so a malformed line here is a programming
 * error, not a user's mistake.
 *
 * @param number the line's number in the agreement, from 1 (see {@code AgreementContent.Line})
 * @param category the rate card category (for example "design"), or null
 * @param removed true when an earlier amendment already removed the line
 */
public record AgreedLine(
    int number,
    String text,
    BigDecimal quantity,
    Unit unit,
    Money unitPrice,
    String category,
    Progress progress,
    boolean removed) {

  public AgreedLine {
    if (number < 1) {
      throw new IllegalArgumentException("line number " + number);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(progress, "progress");
    if (quantity.signum() < 0 || unitPrice.isNegative()) {
      throw new IllegalArgumentException("line " + number + " has a negative quantity or price");
    }
  }

  /** The line as a work order holds it. */
  public static AgreedLine of(
      int number,
      LineContent content,
      Currency currency,
      String category,
      Progress progress,
      boolean removed) {
    return new AgreedLine(
        number,
        content.getText(),
        content.getQuantity(),
        content.getUnit(),
        content.unitPrice(currency),
        category,
        progress,
        removed);
  }

  /** Quantity times unit price, rounded half up, exactly as {@link LineContent#amount} does. */
  public Money amount() {
    return unitPrice.times(quantity, RoundingMode.HALF_UP);
  }

  /**
   * The sum of the {@link #amount()} of the lines not removed: the agreed fee. It adds the decimals
   * and makes one {@link Money} at the end, as an agreement may have thousands of lines.
   */
  static Money fee(List<AgreedLine> lines, Currency currency) {
    int digits = Money.zero(currency).amount().scale();
    BigDecimal fee = BigDecimal.ZERO;
    for (AgreedLine line : lines) {
      if (!line.removed) {
        fee =
            fee.add(
                line.unitPrice
                    .amount()
                    .multiply(line.quantity)
                    .setScale(digits, RoundingMode.HALF_UP));
      }
    }
    return new Money(fee, currency);
  }
}
