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
    refused(() -> of("作業", "1.234", "100", JPY), "quantity", "error.line.quantity.format");
    refused(() -> of("作業", null, "100", JPY), "quantity", "error.line.quantity.required");
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
