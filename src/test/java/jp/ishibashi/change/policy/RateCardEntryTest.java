package jp.ishibashi.change.policy;

import static jp.ishibashi.change.policy.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;
import org.junit.jupiter.api.Test;

/** A rate card price as an admin adds it, and the typed amounts the admin's pages convert. */
class RateCardEntryTest {

  @Test
  void aCategoryIsTrimmedAndABlankOneMeansAnyCategory() {
    RateCardEntry design = new RateCardEntry(Unit.PAGE, "  デザイン ", Money.of("12000", "JPY"));
    RateCardEntry any = new RateCardEntry(Unit.HOUR, "   ", Money.of("55.50", "USD"));

    assertThat(design.getCategory()).isEqualTo("デザイン");
    assertThat(design.getPrice()).isEqualTo(Money.of("12000", "JPY"));
    assertThat(any.getCategory()).isNull();
    assertThat(any.getCurrency().getCurrencyCode()).isEqualTo("USD");
    assertThat(any.getPrice()).isEqualTo(Money.of("55.50", "USD"));
    assertThat(any.prices(Unit.HOUR, null, any.getCurrency())).isTrue();
    assertThat(any.prices(Unit.HOUR, null, PolicyForm.JPY)).isFalse();
    assertThat(design.prices(Unit.PAGE, "デザイン", PolicyForm.JPY)).isTrue();
  }

  @Test
  void anEntryNeedsAUnitAShortCategoryAndAPositivePrice() {
    Money price = Money.of("5000", "JPY");
    assertRefused(
        () -> new RateCardEntry(null, null, price), "unit", "error.rateCard.unitRequired");
    assertRefused(
        () -> new RateCardEntry(Unit.HOUR, "x".repeat(51), price),
        "category",
        "error.text.tooLong");
    assertRefused(() -> new RateCardEntry(Unit.HOUR, null, null), "price", "error.field.required");
    assertRefused(
        () -> new RateCardEntry(Unit.HOUR, null, Money.of("0", "JPY")),
        "price",
        "error.rateCard.pricePositive");
    assertThat(new RateCardEntry(Unit.HOUR, "あ".repeat(50), price).getCategory()).hasSize(50);
  }

  @Test
  void typedAmountsAndCurrenciesAreRefusedAtTheirField() {
    assertThat(Amounts.positive(new BigDecimal("12.5"), PolicyForm.USD, "price", "k"))
        .isEqualTo(Money.of("12.50", "USD"));
    assertThat(Amounts.currency(" USD ", "currency")).isEqualTo(PolicyForm.USD);
    assertRefused(() -> Amounts.currency("XYZ1", "currency"), "currency", "error.currency.unknown");
    assertRefused(() -> Amounts.currency(null, "currency"), "currency", "error.currency.unknown");
    assertRefused(
        () -> Amounts.positive(new BigDecimal("0.5"), PolicyForm.JPY, "price", "k"),
        "price",
        "error.money.tooManyDecimals");
    assertRefused(
        () -> Amounts.positive(null, PolicyForm.JPY, "price", "k"),
        "price",
        "error.field.required");
    assertRefused(
        () -> Amounts.positive(BigDecimal.ZERO, PolicyForm.JPY, "price", "k"), "price", "k");
  }
}
