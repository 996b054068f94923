package jp.ishibashi.change.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import jp.ishibashi.shared.Money;

/**
 * Withholding income tax (源泉徴収税) on a fee paid to an individual: 10.21% of the tax-exclusive fee up
 * to ¥1,000,000 and 20.42% of the part above, rounded down to the yen. The threshold is per payment
 * and in yen, so only JPY fees are withheld here.
 */
final class Withholding {

  static final BigDecimal RATE = new BigDecimal("0.1021");
  static final BigDecimal RATE_ABOVE = new BigDecimal("0.2042");
  static final Money THRESHOLD = Money.of("1000000", "JPY");

  private Withholding() {}

  /** The tax withheld from one payment of this tax-exclusive fee (zero for none or less). */
  static Money on(Money fee) {
    if (!fee.isPositive()) {
      return Money.zero(fee.currency());
    }
    if (fee.compareTo(THRESHOLD) <= 0) {
      return fee.times(RATE, RoundingMode.DOWN);
    }
    return THRESHOLD
        .times(RATE, RoundingMode.DOWN)
        .plus(fee.minus(THRESHOLD).times(RATE_ABOVE, RoundingMode.DOWN));
  }
}
