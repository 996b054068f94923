package jp.ishibashi.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotalsTest {

  static LineContent line(String quantity, String price, Currency currency) {
    return LineContent.of("x", null, null, new BigDecimal(quantity), Unit.ITEM, new BigDecimal(price), currency);
  }

  @Test
  void yenTaxIsRoundedDownOncePerDocument() {
    Currency jpy = Currency.getInstance("JPY");
    // Per line, 10% of 105 and 105 would round down to 10 + 10 = 20; once per document it is 21.
    Totals totals = Totals.of(List.of(line("1", "105", jpy), line("1", "105", jpy)), jpy);

    assertThat(totals.subtotal().minor()).isEqualTo(210);
    assertThat(totals.tax().minor()).isEqualTo(21);
    assertThat(totals.total().minor()).isEqualTo(231);
  }

  @Test
  void dollarTaxIsRoundedDownToTheCent() {
    Currency usd = Currency.getInstance("USD");
    Totals totals = Totals.of(List.of(line("3", "3.33", usd)), usd);

    assertThat(totals.subtotal().amount()).isEqualByComparingTo("9.99");
    assertThat(totals.tax().amount()).isEqualByComparingTo("0.99");
    assertThat(totals.total().amount()).isEqualByComparingTo("10.98");
  }

  @Test
  void noLinesMakeZero() {
    Currency jpy = Currency.getInstance("JPY");
    assertThat(Totals.of(List.of(), jpy).total().minor()).isZero();
  }
}
