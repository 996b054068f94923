package jp.ishibashi.change.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Map;
import jp.ishibashi.shared.Money;
import jp.ishibashi.workorder.Unit;
import org.junit.jupiter.api.Test;

/** A rate card prices a unit and category once per currency; a quote compares in its own. */
class RateCardTest {

  static final Currency JPY = Money.currency("JPY");
  static final Currency USD = Money.currency("USD");

  final RateCard card =
      RateCard.empty()
          .with(Unit.HOUR, "coding", Money.of("6000", "JPY"))
          .with(Unit.HOUR, "coding", Money.of("60.00", "USD"))
          .with(Unit.HOUR, null, Money.of("5000", "JPY"));

  @Test
  void eachCurrencyHasItsOwnPrice() {
    assertThat(card.priceFor(Unit.HOUR, "coding", JPY)).contains(Money.of("6000", "JPY"));
    assertThat(card.priceFor(Unit.HOUR, "coding", USD)).contains(Money.of("60.00", "USD"));
  }

  @Test
  void aCategoryWithoutItsOwnPriceTakesTheUnitsPriceInThatCurrencyOnly() {
    assertThat(card.priceFor(Unit.HOUR, "design", JPY)).contains(Money.of("5000", "JPY"));
    assertThat(card.priceFor(Unit.HOUR, null, JPY)).contains(Money.of("5000", "JPY"));
    assertThat(card.priceFor(Unit.HOUR, "design", USD)).isEmpty();
    assertThat(card.priceFor(Unit.PAGE, "coding", JPY)).isEmpty();
  }

  @Test
  void aPriceMustBeInItsKeysCurrency() {
    assertThatThrownBy(
            () ->
                new RateCard(
                    Map.of(new RateCard.Key(Unit.HOUR, null, USD), Money.of("5000", "JPY"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
