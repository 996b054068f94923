package jp.ishibashi.change.policy;

import java.math.BigDecimal;
import java.util.Currency;
import jp.ishibashi.shared.Bounds;
import jp.ishibashi.shared.DomainException;
import jp.ishibashi.shared.Money;

/**
 * The numbers an agency admin types into its pricing settings, checked one field at a time, so a
 * refusal is shown beside the field it is about rather than at the top of the page.
 */
public final class Amounts {

  /** Integer digits of a percentage or hours, as the columns numeric(6, 2) hold them. */
  private static final int PERCENT_INTEGER_DIGITS = 4;

  private Amounts() {}

  /**
   * A positive amount in the currency; refused at the field when blank, not positive or too fine.
   */
  public static Money positive(BigDecimal amount, Currency currency, String field, String key) {
    if (amount == null) {
      throw DomainException.at(field, "error.field.required");
    }
    Money money = new Money(Bounds.amount(amount, currency, field), currency);
    if (!money.isPositive()) {
      throw DomainException.at(field, key);
    }
    return money;
  }

  /** The ISO 4217 currency of a code, refused at the field when unknown. */
  public static Currency currency(String code, String field) {
    try {
      return Money.currency(code == null ? null : code.strip());
    } catch (DomainException e) {
      throw DomainException.at(field, e.key(), e.args());
    }
  }

  /** A required decimal with at most two decimals (a percentage, hours); refused at the field. */
  static BigDecimal twoDecimals(BigDecimal value, String field) {
    if (value == null) {
      throw DomainException.at(field, "error.field.required");
    }
    // The columns hold at most four integer digits (a percentage up to 1000%, hours up to 24).
    if (Bounds.integerDigits(value) > PERCENT_INTEGER_DIGITS) {
      throw DomainException.at(field, "error.number.outOfBounds");
    }
    if (Bounds.decimals(value) > 2) {
      throw DomainException.at(field, "error.pricingPolicy.decimals");
    }
    return value;
  }

  /**
   * 25 (percent) as the share 0.25 that {@code PricingPolicy} works with. Typed 25.0 and stored
   * 25.00 give the same share, so a policy read back equals the one saved.
   */
  static BigDecimal share(BigDecimal percent) {
    return plain(percent).movePointLeft(2);
  }

  /** 0.25 as 25 (percent), as a person would type it. */
  static BigDecimal percent(BigDecimal share) {
    return plain(share.movePointRight(2));
  }

  /** Without trailing zeros, and never in exponent notation: 100, not 1E+2 nor 100.00. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
