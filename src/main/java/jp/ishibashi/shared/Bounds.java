package jp.ishibashi.shared;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The largest and finest numbers the portal takes, in one place: amounts up to 100,000,000,000 in
 * the currency's minor unit (¥100,000,000,000, no decimals; $100,000,000,000.00), quantities up to
 * 1,000,000 with at most four decimals.
 *
 * <p>Every check reads only a number's precision and scale, never scales or multiplies it first: a
 * {@code BigDecimal} such as {@code 1e300000000} is one digit with a huge exponent, and the first
 * {@code setScale} or {@code longValue} on it would work out all 300 million digits. So a bound is
 * checked before any arithmetic, and a refusal names the field it is about.
 */
public final class Bounds {

  /** The largest amount a person may enter, in major units of any currency. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");

  /** The largest quantity of a scope line. */
  public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

  /** The finest quantity of a scope line: 0.0001 (an hour to the third of a second). */
  public static final int QUANTITY_DECIMALS = 4;

  /** No number the portal takes is finer than this: quantities, amounts, percentages. */
  public static final int FINEST_DECIMALS = 4;

  /**
   * The largest {@link Money} at all, in integer digits: room for the totals of thousands of lines
   * at the largest amount, and still exact in a {@code long} of minor units.
   */
  public static final int MONEY_INTEGER_DIGITS = 15;

  /** The integer digits of a whole number sent to the API (an id, a version): fits a long. */
  public static final int WHOLE_DIGITS = 18;

  /**
   * Beyond this many digits a number is refused without looking for trailing zeros, which would
   * take time in proportion to its digits.
   */
  private static final int MAX_DIGITS = 40;

  private static final int AMOUNT_INTEGER_DIGITS = integerDigits(MAX_AMOUNT);
  private static final int QUANTITY_INTEGER_DIGITS = integerDigits(MAX_QUANTITY);

  private Bounds() {}

  /**
   * The digits before the decimal point, from precision and scale alone: 1234.5 has 4, 0.05 has
   * none, and 1e300000000 has 300,000,001 (capped at {@link Integer#MAX_VALUE}).
   */
  public static int integerDigits(BigDecimal value) {
    if (value.signum() == 0) {
      return 0;
    }
    long digits = (long) value.precision() - value.scale();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, digits));
  }

  /**
   * The decimals that count, trailing zeros aside: 1.50 has 1, 1200 and 1e3 have none. A number
   * of more than {@value #MAX_DIGITS} digits counts all the decimals it is written with.
   */
  public static int decimals(BigDecimal value) {
    if (value.scale() <= 0) {
      return 0;
    }
    if (value.precision() > MAX_DIGITS) {
      return value.scale();
    }
    return Math.max(0, value.stripTrailingZeros().scale());
  }

  /** Whether a number has at most the given integer digits and decimals. */
  public static boolean within(BigDecimal value, int integerDigits, int decimals) {
    return integerDigits(value) <= integerDigits && decimals(value) <= decimals;
  }

  /**
   * An amount typed or sent for a field: at most {@link #MAX_AMOUNT} either side of zero, and no
   * finer than the currency's minor unit. The sign is the caller's rule.
   */
  public static BigDecimal amount(BigDecimal value, Currency currency, String field) {
    if (!isAmountSize(value)) {
      throw DomainException.at(field, "error.amount.tooLarge", MAX_AMOUNT);
    }
    int digits = Money.fractionDigits(currency);
    if (decimals(value) > digits) {
      throw DomainException.at(
          field, "error.money.tooManyDecimals", currency.getCurrencyCode(), digits);
    }
    return value;
  }

  /**
   * Whether an amount is within {@link #MAX_AMOUNT} either side of zero, before its currency is
   * known (at the API's edge); its decimals are checked against the currency when it becomes money.
   */
  public static boolean isAmountSize(BigDecimal value) {
    return integerDigits(value) <= AMOUNT_INTEGER_DIGITS && value.abs().compareTo(MAX_AMOUNT) <= 0;
  }

  /**
   * A scope line's quantity: at most {@link #MAX_QUANTITY} either side of zero, with at most
   * {@value #QUANTITY_DECIMALS} decimals. That it is positive is the caller's rule.
   */
  public static BigDecimal quantity(BigDecimal value, String field) {
    if (!isQuantity(value)) {
      throw DomainException.at(field, "error.line.quantity.format");
    }
    return value;
  }

  public static boolean isQuantity(BigDecimal value) {
    return within(value, QUANTITY_INTEGER_DIGITS, QUANTITY_DECIMALS)
        && value.abs().compareTo(MAX_QUANTITY) <= 0;
  }

  /** A whole number that fits a long with room to spare: an id, a version, a count of days. */
  public static boolean isWhole(BigDecimal value) {
    return within(value, WHOLE_DIGITS, 0);
  }
}
