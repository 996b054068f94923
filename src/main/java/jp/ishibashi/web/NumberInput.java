package jp.ishibashi.web;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;
import jp.ishibashi.shared.Bounds;
import jp.ishibashi.shared.DomainException;

/**
 * A number as a person types it into a page: digits with an optional sign and decimal point,
 * full-width digits and thousands separators allowed (１，２００ is 1200), never an exponent. Each
 * kind is checked against {@link Bounds} before it reaches a bean, so {@code 1e300000000} is a
 * message at the field, not minutes of arithmetic.
 */
public enum NumberInput {
  /** A scope line's quantity. */
  QUANTITY,
  /** An amount of money; its currency's decimals are checked when it becomes money. */
  AMOUNT,
  /** Any other decimal: a percentage, hours. */
  DECIMAL;

  /** Longer than any number the portal takes: refused unread. */
  static final int MAX_LENGTH = 30;

  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
  private static final int DECIMAL_INTEGER_DIGITS = 12;

  /**
   * The number typed, or null when nothing was; a domain error (message key and arguments) when it
   * is not a number or beyond the bounds of its kind.
   */
  public BigDecimal parse(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    if (typed.length() > MAX_LENGTH) {
      throw new DomainException(tooLargeKey(), tooLargeArgs());
    }
    String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    if (GROUPED.matcher(text).matches()) {
      text = text.replace(",", "");
    }
    if (!PLAIN.matcher(text).matches()) {
      throw new DomainException("error.number.expected");
    }
    BigDecimal value = new BigDecimal(text);
    boolean ok =
        switch (this) {
          case QUANTITY -> Bounds.isQuantity(value);
          case AMOUNT -> Bounds.isAmountSize(value);
          case DECIMAL -> Bounds.within(value, DECIMAL_INTEGER_DIGITS, Bounds.FINEST_DECIMALS);
        };
    if (!ok) {
      throw new DomainException(tooLargeKey(), tooLargeArgs());
    }
    if (this == AMOUNT && Bounds.decimals(value) > Bounds.FINEST_DECIMALS) {
      throw new DomainException("error.number.outOfBounds");
    }
    return value;
  }

  private String tooLargeKey() {
    return switch (this) {
      case QUANTITY -> "error.line.quantity.format";
      case AMOUNT -> "error.amount.tooLarge";
      case DECIMAL -> "error.number.outOfBounds";
    };
  }

  private Object[] tooLargeArgs() {
    return this == AMOUNT ? new Object[] {Bounds.MAX_AMOUNT} : new Object[0];
  }
}
