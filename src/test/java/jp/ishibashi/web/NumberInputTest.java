package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import jp.ishibashi.shared.DomainException;
import org.junit.jupiter.api.Test;

class NumberInputTest {

  private static final String[] HUGE = {
    "1e308", "1e999999", "1180591620717411303424", "1e300000000", "100000000000000000000000000000000"
  };

  @Test
  void typedNumbersAsPeopleWriteThem() {
    assertThat(NumberInput.AMOUNT.parse("1200")).isEqualByComparingTo("1200");
    assertThat(NumberInput.AMOUNT.parse(" 1,200,000 ")).isEqualByComparingTo("1200000");
    assertThat(NumberInput.AMOUNT.parse("１２００")).isEqualByComparingTo("1200");
    assertThat(NumberInput.AMOUNT.parse("12.30")).isEqualByComparingTo("12.3");
    assertThat(NumberInput.QUANTITY.parse("1.3333")).isEqualByComparingTo("1.3333");
    assertThat(NumberInput.DECIMAL.parse("-2.5")).isEqualByComparingTo("-2.5");
    assertThat(NumberInput.AMOUNT.parse("")).isNull();
    assertThat(NumberInput.AMOUNT.parse(null)).isNull();
  }

  @Test
  void exponentsAndWordsAreNotNumbers() {
    for (String typed : new String[] {"1e3", "abc", "1.2.3", "1,20", "+5", "NaN", "1 000"}) {
      refused(NumberInput.DECIMAL, typed, "error.number.expected");
    }
  }

  @Test
  void eachKindHasItsBounds() {
    assertThat(NumberInput.AMOUNT.parse("100000000000")).isEqualByComparingTo("100000000000");
    refused(NumberInput.AMOUNT, "100000000001", "error.amount.tooLarge");
    refused(NumberInput.AMOUNT, "0.00001", "error.number.outOfBounds");
    assertThat(NumberInput.QUANTITY.parse("1000000")).isEqualByComparingTo("1000000");
    refused(NumberInput.QUANTITY, "1000000.5", "error.line.quantity.format");
    refused(NumberInput.QUANTITY, "0.00001", "error.line.quantity.format");
    refused(NumberInput.DECIMAL, "1.00001", "error.number.outOfBounds");
    refused(NumberInput.DECIMAL, "1000000000000", "error.number.outOfBounds");
  }

  @Test
  void theReproductionsAreRefusedWithAMessage() {
    for (String huge : HUGE) {
      for (NumberInput kind : NumberInput.values()) {
        assertThatThrownBy(() -> kind.parse(huge)).as(kind + " " + huge)
            .isInstanceOf(DomainException.class);
      }
    }
    refused(NumberInput.AMOUNT, "1180591620717411303424", "error.amount.tooLarge");
    refused(NumberInput.QUANTITY, "1" + "0".repeat(100), "error.line.quantity.format");
  }

  @Test
  void theMessagesExistInJapaneseAndEnglish() {
    assertThat(Pages.text(Locale.JAPANESE, "error.amount.tooLarge", new BigDecimal("100000000000")))
        .isEqualTo("金額は100,000,000,000以下にしてください。");
    assertThat(Pages.text(Locale.ENGLISH, "error.amount.tooLarge", new BigDecimal("100000000000")))
        .isEqualTo("Amounts may be at most 100,000,000,000.");
    assertThat(Pages.text(Locale.JAPANESE, "error.number.expected")).isEqualTo("数値で入力してください。");
    assertThat(Pages.text(Locale.ENGLISH, "error.line.quantity.format")).contains("four decimals");
  }

  private static void refused(NumberInput kind, String typed, String key) {
    assertThatThrownBy(() -> kind.parse(typed))
        .as(typed)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.key()).isEqualTo(key));
  }
}
