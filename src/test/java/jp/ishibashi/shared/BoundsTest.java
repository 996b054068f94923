package jp.ishibashi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class BoundsTest {

  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency USD = Currency.getInstance("USD");

  /** The reproductions of the defect: each was a 500 or minutes of CPU before. */
  private static final String[] HUGE = {
    "1e308", "1e999999", BigInteger.TWO.pow(70).toString(), "1e300000000", "-1e300000000"
  };

  @Test
  void integerDigitsComeFromPrecisionAndScaleAlone() {
    assertThat(Bounds.integerDigits(new BigDecimal("1234.5"))).isEqualTo(4);
    assertThat(Bounds.integerDigits(new BigDecimal("0.05"))).isZero();
    assertThat(Bounds.integerDigits(new BigDecimal("1e3"))).isEqualTo(4);
    assertThat(Bounds.integerDigits(new BigDecimal("0E+5"))).isZero();
    assertThat(Bounds.integerDigits(new BigDecimal("1e300000000"))).isEqualTo(300_000_001);
    assertThat(Bounds.integerDigits(new BigDecimal("1e2147483647")))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void decimalsIgnoreTrailingZeros() {
    assertThat(Bounds.decimals(new BigDecimal("1.50"))).isEqualTo(1);
    assertThat(Bounds.decimals(new BigDecimal("1200.00"))).isZero();
    assertThat(Bounds.decimals(new BigDecimal("1e3"))).isZero();
    assertThat(Bounds.decimals(new BigDecimal("1e-300000000"))).isEqualTo(300_000_000);
  }

  @Test
  void amountsUpToAHundredBillionInTheMinorUnit() {
    assertThat(Bounds.amount(new BigDecimal("100000000000"), JPY, "unitPrice"))
        .isEqualByComparingTo("100000000000");
    assertThat(Bounds.amount(new BigDecimal("-100000000000"), JPY, "unitPrice"))
        .isEqualByComparingTo("-100000000000");
    assertThat(Bounds.amount(new BigDecimal("100000000000.00"), USD, "price")).isNotNull();
    refused(() -> Bounds.amount(new BigDecimal("100000000001"), JPY, "unitPrice"),
        "unitPrice", "error.amount.tooLarge");
    refused(() -> Bounds.amount(new BigDecimal("100000000000.01"), USD, "price"),
        "price", "error.amount.tooLarge");
    refused(() -> Bounds.amount(new BigDecimal("0.5"), JPY, "unitPrice"),
        "unitPrice", "error.money.tooManyDecimals");
    refused(() -> Bounds.amount(new BigDecimal("0.005"), USD, "unitPrice"),
        "unitPrice", "error.money.tooManyDecimals");
    for (String huge : HUGE) {
      refused(() -> Bounds.amount(new BigDecimal(huge), JPY, "unitPrice"),
          "unitPrice", "error.amount.tooLarge");
    }
  }

  @Test
  void quantitiesUpToAMillionWithFourDecimals() {
    assertThat(Bounds.isQuantity(new BigDecimal("1000000"))).isTrue();
    assertThat(Bounds.isQuantity(new BigDecimal("0.0001"))).isTrue();
    assertThat(Bounds.isQuantity(new BigDecimal("1.50000"))).isTrue();
    assertThat(Bounds.isQuantity(new BigDecimal("1000000.0001"))).isFalse();
    assertThat(Bounds.isQuantity(new BigDecimal("0.00001"))).isFalse();
    assertThat(Bounds.isQuantity(new BigDecimal("1e-300000000"))).isFalse();
    for (String huge : HUGE) {
      refused(() -> Bounds.quantity(new BigDecimal(huge), "quantity"),
          "quantity", "error.line.quantity.format");
    }
  }

  @Test
  void wholeNumbersFitALong() {
    assertThat(Bounds.isWhole(new BigDecimal("999999999999999999"))).isTrue();
    assertThat(Bounds.isWhole(new BigDecimal("3.0"))).isTrue();
    assertThat(Bounds.isWhole(new BigDecimal("1000000000000000000"))).isFalse();
    assertThat(Bounds.isWhole(new BigDecimal("1.5"))).isFalse();
    for (String huge : HUGE) {
      assertThat(Bounds.isWhole(new BigDecimal(huge))).as(huge).isFalse();
    }
  }

  @Test
  void digitsBeyondFortyAreCountedAsWritten() {
    String longZeros = "1." + "0".repeat(100);
    assertThat(Bounds.decimals(new BigDecimal(longZeros))).isEqualTo(100);
    assertThat(Bounds.isQuantity(new BigDecimal(longZeros))).isFalse();
  }

  private static void refused(Runnable r, String field, String key) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.field()).isEqualTo(field);
            });
  }
}
