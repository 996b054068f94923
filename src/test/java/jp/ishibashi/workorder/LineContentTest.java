package jp.ishibashi.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import jp.ishibashi.shared.DomainException;
import org.junit.jupiter.api.Test;

class LineContentTest {

  static final Currency JPY = Currency.getInstance("JPY");
  static final Currency USD = Currency.getInstance("USD");

  static LineContent of(String text, String quantity, String price, Currency currency) {
    return LineContent.of(
        text, null, null, quantity == null ? null : new BigDecimal(quantity), Unit.HOUR,
        price == null ? null : new BigDecimal(price), currency);
  }

  static void refused(Runnable r, String field, String key) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.field()).isEqualTo(field);
            });
  }

  @Test
  void theAmountIsQuantityTimesPriceRoundedHalfUp() {
    assertThat(of("作業", "1.5", "3333", JPY).amount(JPY).minor()).isEqualTo(5000);
    assertThat(of("work", "3", "0.35", USD).amount(USD).minor()).isEqualTo(105);
  }

  @Test
  void zeroOrNegativeQuantitiesAreRefusedAtTheField() {
    refused(() -> of("作業", "0", "100", JPY), "quantity", "error.line.quantity.positive");
    refused(() -> of("作業", "-1", "100", JPY), "quantity", "error.line.quantity.positive");
    refused(() -> of("作業", "1.23456", "100", JPY), "quantity", "error.line.quantity.format");
    refused(() -> of("作業", null, "100", JPY), "quantity", "error.line.quantity.required");
  }

  @Test
  void quantitiesKeepFourDecimalsUpToAMillion() {
    assertThat(of("作業", "1.3333", "3000", JPY).getQuantity()).isEqualByComparingTo("1.3333");
    assertThat(of("作業", "1.3333", "3000", JPY).amount(JPY).minor()).isEqualTo(4000);
    assertThat(of("作業", "1000000", "1", JPY).getQuantity()).isEqualByComparingTo("1000000");
    refused(() -> of("作業", "1000000.0001", "1", JPY), "quantity", "error.line.quantity.format");
    refused(() -> of("作業", "1e300000000", "1", JPY), "quantity", "error.line.quantity.format");
    refused(() -> of("作業", "1e-300000000", "1", JPY), "quantity", "error.line.quantity.format");
  }

  @Test
  void unitPricesAndLineAmountsStayWithinAHundredBillion() {
    assertThat(of("作業", "1", "100000000000", JPY).amount(JPY).minor())
        .isEqualTo(100_000_000_000L);
    for (String huge : new String[] {"1e308", "1e999999", "1180591620717411303424", "1e300000000"}) {
      refused(() -> of("作業", "1", huge, JPY), "unitPrice", "error.amount.tooLarge");
    }
    refused(() -> of("作業", "1", "100000000001", JPY), "unitPrice", "error.amount.tooLarge");
    refused(() -> of("work", "1", "100000000000.01", USD), "unitPrice", "error.amount.tooLarge");
    refused(() -> of("作業", "2", "50000000001", JPY), "quantity", "error.line.amount.tooLarge");
  }

  @Test
  void pricesMayNotHaveMoreDecimalsThanTheCurrency() {
    refused(() -> of("作業", "1", "100.5", JPY), "unitPrice", "error.money.tooManyDecimals");
    refused(() -> of("work", "1", "1.005", USD), "unitPrice", "error.money.tooManyDecimals");
    refused(() -> of("作業", "1", "-1", JPY), "unitPrice", "error.line.price.negative");
    assertThat(of("work", "1", "1.05", USD).getUnitPriceMinor()).isEqualTo(105);
  }

  @Test
  void textIsRequiredAndLimited() {
    refused(() -> of("  ", "1", "1", JPY), "text", "error.field.required");
    refused(() -> of("あ".repeat(10_000), "1", "1", JPY), "text", "error.text.tooLong");
  }

  @Test
  void markupIsKeptAsPlainText() {
    assertThat(of("<script>alert(1)</script>", "1", "1", JPY).getText())
        .isEqualTo("<script>alert(1)</script>");
  }

  @Test
  void aRedlineNamesTheChangedFields() {
    LineContent before = of("作業", "1", "100", JPY);
    LineContent after = of("作業（改）", "2", "100", JPY);
    assertThat(after.changedFrom(before)).containsExactly("text", "quantity");
    assertThat(before.sameAs(of("作業", "1.00", "100", JPY))).isTrue();
  }
}
