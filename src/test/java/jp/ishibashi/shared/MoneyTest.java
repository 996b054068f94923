package jp.ishibashi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void yenHasNoMinorUnit() {
    assertThat(Money.of("1200", "JPY").minor()).isEqualTo(1200);
    assertThatThrownBy(() -> Money.of("1200.5", "JPY"))
        .isInstanceOf(DomainException.class)
        .hasMessage("error.money.tooManyDecimals");
  }

  @Test
  void dollarsHaveCents() {
    assertThat(Money.of("12.34", "USD").minor()).isEqualTo(1234);
    assertThat(Money.ofMinor(1234, Money.currency("USD"))).isEqualTo(Money.of("12.34", "USD"));
    assertThatThrownBy(() -> Money.of("12.345", "USD")).hasMessage("error.money.tooManyDecimals");
  }

  @Test
  void trailingZerosAreNotExtraDecimals() {
    assertThat(Money.of("1200.00", "JPY")).isEqualTo(Money.of("1200", "JPY"));
  }

  @Test
  void multiplyingRoundsToTheMinorUnitAsAsked() {
    Money price = Money.of("3333", "JPY");
    assertThat(price.times(new BigDecimal("1.5"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("5000", "JPY"));
    assertThat(price.times(new BigDecimal("0.10"), RoundingMode.DOWN))
        .isEqualTo(Money.of("333", "JPY"));
    assertThat(Money.of("10.05", "USD").times(new BigDecimal("0.10"), RoundingMode.DOWN))
        .isEqualTo(Money.of("1.00", "USD"));
  }

  @Test
  void hugeAmountsAreRefusedBeforeAnyScaling() {
    for (String huge :
        new String[] {"1e308", "1e999999", "1180591620717411303424", "1e300000000", "-1e300000000"}) {
      assertThatThrownBy(() -> new Money(new BigDecimal(huge), Money.currency("JPY")))
          .as(huge)
          .isInstanceOf(DomainException.class)
          .hasMessage("error.amount.tooLarge");
    }
    assertThat(Money.of("999999999999999", "JPY").minor()).isEqualTo(999_999_999_999_999L);
    assertThat(Money.of("-5", "JPY").isNegative()).isTrue();
  }

  @Test
  void tooManyDecimalsAreRefusedBeforeAnyScaling() {
    assertThatThrownBy(() -> new Money(new BigDecimal("1e-300000000"), Money.currency("JPY")))
        .isInstanceOf(DomainException.class)
        .hasMessage("error.money.tooManyDecimals");
    assertThatThrownBy(() -> Money.of("0.001", "USD")).hasMessage("error.money.tooManyDecimals");
  }

  @Test
  void factorsOutOfProportionAreRefusedBeforeMultiplying() {
    Money price = Money.of("1000", "JPY");
    for (String factor : new String[] {"1e300000000", "1e-300000000", "1e308"}) {
      assertThatThrownBy(() -> price.times(new BigDecimal(factor), RoundingMode.HALF_UP))
          .as(factor)
          .isInstanceOf(DomainException.class)
          .hasMessage("error.number.outOfBounds");
    }
    assertThatThrownBy(() -> price.times(new BigDecimal("1e13"), RoundingMode.HALF_UP))
        .hasMessage("error.amount.tooLarge");
  }

  @Test
  void currenciesDoNotMix() {
    assertThatThrownBy(() -> Money.of("1", "JPY").plus(Money.of("1", "USD")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownCurrencyCodesAreRefused() {
    assertThatThrownBy(() -> Money.currency("XYZ")).hasMessage("error.currency.unknown");
    assertThatThrownBy(() -> Money.currency("yen")).hasMessage("error.currency.unknown");
    assertThat(Money.currency("EUR").getCurrencyCode()).isEqualTo("EUR");
  }
}
