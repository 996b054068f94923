package jp.ishibashi.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, exact to that currency's minor unit (JPY has none, USD has cents).
 * Never a {@code double}. Arithmetic that can produce finer amounts — a quantity times a unit
 * price, a tax rate — rounds explicitly, with the mode the caller names. An amount or factor out
 * of all proportion is refused from its precision and scale before any arithmetic (see {@link
 * Bounds}).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /** The largest amount of money at all; what a person may enter is far less ({@link Bounds}). */
  private static final BigDecimal MAX =
      BigDecimal.TEN.pow(Bounds.MONEY_INTEGER_DIGITS).subtract(BigDecimal.ONE);

  /** The finest factor {@link #times} takes: a quantity has 4 decimals, a rate about as many. */
  private static final int FACTOR_DECIMALS = 12;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int digits = fractionDigits(currency);
    // Bounds first, from precision and scale alone: scaling 1e300000000 would take minutes.
    if (Bounds.integerDigits(amount) > Bounds.MONEY_INTEGER_DIGITS) {
      throw new DomainException("error.amount.tooLarge", MAX);
    }
    if (Bounds.decimals(amount) > digits) {
      throw new DomainException("error.money.tooManyDecimals", currency.getCurrencyCode(), digits);
    }
    amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
  }

  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), currency(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** An amount in minor units (yen, cents) of the currency. */
  public static Money ofMinor(long minor, Currency currency) {
    return new Money(BigDecimal.valueOf(minor, fractionDigits(currency)), currency);
  }

  /** The ISO 4217 currency for a code, or a domain error naming the unknown code. */
  public static Currency currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new DomainException("error.currency.unknown", String.valueOf(code));
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new DomainException("error.currency.unknown", code);
    }
  }

  /** The amount in minor units: ¥1,200 is 1200, $12.34 is 1234. */
  public long minor() {
    return amount.movePointRight(fractionDigits(currency)).longValueExact();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** This amount times a factor (a quantity, a rate), rounded to the minor unit. */
  public Money times(BigDecimal factor, RoundingMode rounding) {
    if (!Bounds.within(factor, Bounds.MONEY_INTEGER_DIGITS, FACTOR_DECIMALS)) {
      throw new DomainException("error.number.outOfBounds");
    }
    return new Money(
        amount.multiply(factor).setScale(fractionDigits(currency), rounding), currency);
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "Cannot combine " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
    }
  }

  static int fractionDigits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
